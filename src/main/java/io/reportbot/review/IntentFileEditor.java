package io.reportbot.review;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import io.reportbot.nlp.TextNormalizer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Adds a training example to an intent file and rewrites it cleanly: the same stable formatting every time
 * (two-space indent, one example per line, UTF-8), no duplicates (compared after normalisation, so
 * "Einhörner?" and "einhoerner" are the same), and an atomic replace so a crash never leaves half a file.
 *
 * <p>Thread-safe and safe across processes: every change holds a lock for the whole read-modify-write, inside this
 * process (one lock for all intent folders) and across processes (a file lock on {@code .intents.lock} in the intents
 * folder), so two people adding examples at once (two browsers, or the page and {@code review --add}) lose nothing.
 */
public final class IntentFileEditor {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Object LOCK = new Object();

    /** What happened. */
    public enum Result { ADDED, ALREADY_THERE }

    private IntentFileEditor() {
    }

    /**
     * Adds {@code example} to the {@code language} examples of {@code intent}, under the lock.
     *
     * @throws EngineLoadException when the intent does not exist, its file is broken or the example is empty
     */
    public static Result add(Path intentsDir, String intent, Language language, String example) throws IOException {
        synchronized (LOCK) {
            Path lockFile = intentsDir.resolve(".intents.lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return addUnlocked(intentsDir, intent, language, example);
            }
        }
    }

    /** Runs {@code work} while holding the same lock as {@link #add}, e.g. to retrain from a folder nobody edits. */
    public static <T> T whileLocked(Path intentsDir, java.util.concurrent.Callable<T> work) throws Exception {
        synchronized (LOCK) {
            Path lockFile = intentsDir.resolve(".intents.lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return work.call();
            }
        }
    }

    private static Result addUnlocked(Path intentsDir, String intent, Language language, String example)
            throws IOException {
        if (!intent.matches("[a-z0-9_]+")) {
            throw new EngineLoadException("\"" + intent + "\" is not an intent name (lower-case letters, digits, _)");
        }
        Path file = intentsDir.resolve(intent + ".json");
        if (!Files.exists(file)) {
            throw new EngineLoadException("there is no intent \"" + intent + "\" in " + intentsDir);
        }
        if (example == null || example.isBlank()) {
            throw new EngineLoadException("the example question is empty");
        }
        ObjectNode root;
        try {
            root = (ObjectNode) MAPPER.readTree(file.toFile());
        } catch (IOException | ClassCastException e) {
            throw new EngineLoadException("intent file " + file + " is not a valid intent file: " + e.getMessage(), e);
        }
        ObjectNode examples = root.with("examples");
        ArrayNode list = examples.withArray(language.code());
        String norm = TextNormalizer.normalize(example);
        for (var n : list) {
            if (TextNormalizer.normalize(n.asText()).equals(norm)) {
                return Result.ALREADY_THERE;
            }
        }
        list.add(example.strip());
        write(file, root);
        return Result.ADDED;
    }

    static void write(Path file, ObjectNode root) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String json = MAPPER.writer(printer).writeValueAsString(root) + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
