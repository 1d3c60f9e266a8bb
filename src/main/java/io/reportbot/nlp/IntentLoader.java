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
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
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

    /** The intents bundled in the jar (or on the class path when run from classes). */
    public List<Intent> loadBundled() {
        URL url = IntentLoader.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            throw new EngineLoadException("the bundled intents folder is missing from the jar");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(url.toURI());
                } catch (FileSystemNotFoundException e) {
                    try {
                        fs = FileSystems.newFileSystem(url.toURI(), Map.of());
                    } catch (java.nio.file.FileSystemAlreadyExistsException race) {
                        fs = FileSystems.getFileSystem(url.toURI()); // another thread opened it meanwhile
                    }
                }
                return load(fs.getPath(BUNDLED));
            }
            return load(Path.of(url.toURI()));
        } catch (IOException | URISyntaxException e) {
            throw new EngineLoadException("the bundled intents cannot be read: " + e.getMessage(), e);
        }
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
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
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
        String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
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
