package io.reportbot.nlp;

import io.reportbot.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import opennlp.tools.doccat.DoccatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trained intent models, keyed by a hash of everything training depends on (every example, the settings,
 * the OpenNLP version), so that a start with unchanged intents loads a model instead of training one. A
 * model for the bundled intents is built into the jar at {@code mvn package}; models for other intents are
 * kept in a cache folder ({@code REPORTBOT_CACHE_DIR}, default {@code ~/.cache/reportbot}). Any problem
 * reading or writing a cached model just means training as usual. Thread-safe.
 */
public final class ModelCache {

    private static final Logger log = LoggerFactory.getLogger(ModelCache.class);
    private static final String FORMAT = "reportbot-doccat-1";

    private final Optional<Path> dir;

    public ModelCache(Optional<Path> dir) {
        this.dir = dir;
    }

    /** The cache folder from the environment, or none when {@code REPORTBOT_CACHE_DIR=off}. */
    public static ModelCache fromEnvironment() {
        String env = System.getenv("REPORTBOT_CACHE_DIR");
        if ("off".equalsIgnoreCase(env)) {
            return new ModelCache(Optional.empty());
        }
        if (env != null && !env.isBlank()) {
            return new ModelCache(Optional.of(Path.of(env)));
        }
        String home = System.getProperty("user.home");
        return new ModelCache(home == null ? Optional.empty() : Optional.of(Path.of(home, ".cache", "reportbot")));
    }

    /** A cache that only reads the model built into the jar. */
    public static ModelCache bundledOnly() {
        return new ModelCache(Optional.empty());
    }

    /**
     * The key of a training run: a SHA-256 over the format, the settings, OpenNLP's version and every example.
     * Each string goes in as its UTF-8 length (4 bytes, big-endian) and bytes; all of it is gathered first and
     * hashed in one call, which gives the same digest as feeding it piece by piece but costs a fraction of the
     * start-up time (tens of thousands of small updates ran interpreted, before the JIT had compiled them).
     */
    public static String key(List<Intent> intents, IntentClassifier.Settings settings) {
        KeyBytes bytes = new KeyBytes();
        bytes.add(FORMAT);
        bytes.add(settings.toString());
        bytes.add(String.valueOf(opennlp.tools.util.Version.currentVersion()));
        List<Intent> sorted = new ArrayList<>(intents);
        sorted.sort(Comparator.comparing(Intent::name));
        for (Intent i : sorted) {
            bytes.add(i.name());
            bytes.add(i.kind().name());
            for (Language l : Language.values()) {
                bytes.add(l.code());
                for (String e : i.examples(l)) {
                    bytes.add(e);
                }
            }
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes.buffer, 0, bytes.size);
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link #key} hashes: each string as its UTF-8 length (4 bytes, big-endian) and its UTF-8 bytes. */
    private static final class KeyBytes {
        byte[] buffer = new byte[128 * 1024];
        int size;

        void add(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (size + 4 + b.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + 4 + b.length));
            }
            buffer[size++] = (byte) (b.length >>> 24);
            buffer[size++] = (byte) (b.length >>> 16);
            buffer[size++] = (byte) (b.length >>> 8);
            buffer[size++] = (byte) b.length;
            System.arraycopy(b, 0, buffer, size, b.length);
            size += b.length;
        }
    }

    static String fileName(String key) {
        return "doccat-" + key + ".bin";
    }

    /** The model for this key, from the jar or the cache folder. */
    public Optional<DoccatModel> get(String key) {
        try (InputStream in = ModelCache.class.getResourceAsStream("/models/" + fileName(key))) {
            if (in != null) {
                return Optional.of(new DoccatModel(in));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("the bundled intent model cannot be read ({}); training instead", e.toString());
        }
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path file = dir.get().resolve(fileName(key));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new DoccatModel(in));
        } catch (IOException | RuntimeException e) {
            log.warn("cached intent model {} cannot be read ({}); training instead", file, e.toString());
            return Optional.empty();
        }
    }

    /** Keeps a trained model in the cache folder (atomically; failures are logged and ignored). */
    public void put(String key, DoccatModel model) {
        dir.ifPresent(d -> write(d.resolve(fileName(key)), model));
    }

    static boolean write(Path file, DoccatModel model) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "doccat", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                model.serialize(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            log.info("cannot cache the intent model in {} ({}); it will be trained again next time", file, e.toString());
            return false;
        }
    }

    /**
     * Build step: trains the model for the intents in a folder and writes it where the jar will carry it.
     * Arguments: the intents folder and the output folder (e.g. {@code target/classes/models}).
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ModelCache INTENTS_DIR OUTPUT_DIR");
            System.exit(2);
        }
        List<Intent> intents = new IntentLoader().load(Path.of(args[0]));
        IntentClassifier.Settings settings = IntentClassifier.Settings.defaults();
        String key = key(intents, settings);
        DoccatModel model = IntentClassifier.trainModel(intents, settings);
        Path out = Path.of(args[1]).resolve(fileName(key));
        if (!write(out, model)) {
            System.exit(1);
        }
        System.out.println("intent model for the bundled intents: " + out);
    }
}
