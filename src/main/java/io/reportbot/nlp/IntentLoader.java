package io.reportbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads intents: one JSON file per intent ({@code name}, {@code kind}, {@code examples.de},
 * {@code examples.en}), from a folder or from the {@code intents/} folder bundled in the jar. Every file is
 * checked; a broken one is named in the error with what is wrong. Thread-safe.
 */
public final class IntentLoader {

    /** The class-path folder of the bundled report's intents. */
    private static final String BUNDLED = "reports/beijing-ai-2024/intents";
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The intents bundled in the jar (or on the class path when run from classes). In a jar, the files are found
     * through the jar's own index, which the class loader has already read, and read as class-path resources:
     * opening the jar as a {@link FileSystem} instead built an index of its more than 20,000 entries again, a
     * noticeable part of start-up. The same files in the same order, checked the same way, as {@link #load} reads
     * from a folder ({@code IntentLoaderTest}).
     */
    public List<Intent> loadBundled() {
        return loadBundled(IntentLoader.class.getClassLoader());
    }

    /** The intents bundled where this class loader finds its resources (for tests). */
    List<Intent> loadBundled(ClassLoader loader) {
        URL url = loader.getResource(BUNDLED);
        if (url == null) {
            throw new EngineLoadException("the bundled intents folder is missing from the jar");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                return loadFromJar(url, loader);
            }
            return load(Path.of(url.toURI()));
        } catch (IOException | URISyntaxException e) {
            throw new EngineLoadException("the bundled intents cannot be read: " + e.getMessage(), e);
        }
    }

    /** The {@code *.json} files directly in the bundled folder of the jar {@code url} points into, in name order. */
    private List<Intent> loadFromJar(URL url, ClassLoader loader) throws IOException, URISyntaxException {
        URL jar = ((java.net.JarURLConnection) url.openConnection()).getJarFileURL();
        List<String> files = new ArrayList<>();
        String prefix = BUNDLED + "/";
        try (java.util.jar.JarFile jarFile = new java.util.jar.JarFile(Path.of(jar.toURI()).toFile(), false)) {
            for (java.util.Enumeration<java.util.jar.JarEntry> e = jarFile.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.startsWith(prefix) && name.endsWith(".json") && name.indexOf('/', prefix.length()) < 0) {
                    files.add(name);
                }
            }
        }
        // as the paths of a zip file system sort: by their UTF-8 bytes
        files.sort((a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (files.isEmpty()) {
            throw new EngineLoadException("intents folder " + BUNDLED + " has no *.json intent files");
        }
        List<Intent> intents = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String f : files) {
            Intent intent;
            try (InputStream in = loader.getResourceAsStream(f)) {
                if (in == null) {
                    throw new EngineLoadException("intent file " + f + " cannot be read");
                }
                intent = read(in, f, f.substring(prefix.length()));
            }
            if (!names.add(intent.name())) {
                throw new EngineLoadException("intent file " + f + ": intent \"" + intent.name() + "\" is defined twice");
            }
            intents.add(intent);
        }
        return List.copyOf(intents);
    }

    /** Every {@code *.json} file in a folder, in name order. */
    public List<Intent> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new EngineLoadException("intents folder " + dir + " does not exist or is not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new EngineLoadException("intents folder " + dir + " cannot be read: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new EngineLoadException("intents folder " + dir + " has no *.json intent files");
        }
        List<Intent> intents = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Path f : files) {
            Intent intent = read(f);
            if (!names.add(intent.name())) {
                throw new EngineLoadException("intent file " + f + ": intent \"" + intent.name() + "\" is defined twice");
            }
            intents.add(intent);
        }
        return List.copyOf(intents);
    }

    Intent read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), file.getFileName().toString());
        } catch (IOException e) {
            throw new EngineLoadException("intent file " + file + " is not valid JSON: "
                    + io.reportbot.report.ReportLoader.describeError(e), e);
        }
    }

    /**
     * One intent file.
     *
     * @param file     how the file is named in error messages
     * @param fileName the file's own name, which must be the intent's name plus {@code .json}
     */
    private Intent read(InputStream in, String file, String fileName) {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (IOException e) {
            throw new EngineLoadException("intent file " + file + " is not valid JSON: "
                    + io.reportbot.report.ReportLoader.describeError(e), e);
        }
        String where = "intent file " + file;
        if (root == null || !root.isObject()) {
            throw new EngineLoadException(where + " must hold a JSON object");
        }
        String name = text(root, "name", where);
        String expected = fileName.replaceFirst("\\.json$", "");
        if (!name.equals(expected)) {
            throw new EngineLoadException(where + ": \"name\" is \"" + name + "\" but the file is named " + expected);
        }
        Intent.Kind kind;
        String k = root.path("kind").asText("topic");
        try {
            kind = Intent.Kind.parse(k);
        } catch (IllegalArgumentException e) {
            throw new EngineLoadException(where + ": \"kind\" must be topic, smalltalk or out_of_scope, not \"" + k + "\"");
        }
        JsonNode ex = root.get("examples");
        if (ex == null || !ex.isObject()) {
            throw new EngineLoadException(where + ": \"examples\" must be an object with \"de\" and \"en\" lists");
        }
        Map<Language, List<String>> examples = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            JsonNode list = ex.get(lang.code());
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new EngineLoadException(where + ": \"examples." + lang.code() + "\" must be a non-empty list");
            }
            List<String> l = new ArrayList<>();
            for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
                JsonNode n = it.next();
                if (!n.isTextual() || n.asText().isBlank()) {
                    throw new EngineLoadException(where + ": \"examples." + lang.code() + "\" must hold only non-empty strings");
                }
                l.add(n.asText());
            }
            examples.put(lang, List.copyOf(l));
        }
        return new Intent(name, kind, examples);
    }

    private static String text(JsonNode root, String field, String where) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new EngineLoadException(where + ": \"" + field + "\" is missing");
        }
        return n.asText();
    }
}
