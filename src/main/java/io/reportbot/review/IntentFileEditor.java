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
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Adds a training example to an intent file and rewrites it cleanly: the same stable formatting every time
 * (two-space indent, one example per line, UTF-8), no duplicates (compared after normalisation, so
 * "Einhörner?" and "einhoerner" are the same), and an atomic replace so a crash never leaves half a file.
 *
 * <p>Safe to run many times at once, in threads and in processes: every change (and every retrain that must
 * see a folder nobody edits, {@link #whileLocked}) holds one exclusive lock per intents folder for the whole
 * read-modify-write: a {@link FileLock} on {@code .intents.lock} in the folder between processes, and a
 * {@link ReentrantLock} between the threads of this JVM, which a file lock does not separate. Every writer writes
 * its own uniquely named temporary file before the atomic move. So two people adding examples at once (two
 * browsers, or the page and {@code review --add}) lose nothing. Thread-safe.
 */
public final class IntentFileEditor {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The lock file in every intents folder that edits and retrains hold. */
    static final String LOCK_FILE = ".intents.lock";

    /** One lock per lock file for the threads of this JVM (file locks are held per JVM, not per thread). */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    /** What happened. */
    public enum Result { ADDED, ALREADY_THERE }

    private IntentFileEditor() {
    }

    /**
     * Adds {@code example} to the examples of {@code intent} in {@code language}.
     *
     * @throws EngineLoadException when the intent or its file is wrong, or the folder can't be written (the
     *                             message says which file and why; the intent file is then unchanged)
     */
    public static Result add(Path intentsDir, String intent, Language language, String example) throws IOException {
        if (intent == null || !intent.matches("[a-z0-9_]+")) {
            throw new EngineLoadException("\"" + intent + "\" is not an intent name (lower-case letters, digits, _)");
        }
        Path file = intentsDir.resolve(intent + ".json");
        if (!Files.isRegularFile(file)) {
            throw new EngineLoadException("there is no intent \"" + intent + "\" in " + intentsDir);
        }
        if (example == null || example.isBlank()) {
            throw new EngineLoadException("the example question is empty");
        }
        try {
            return whileLocked(intentsDir, () -> addLocked(file, language, example));
        } catch (EngineLoadException e) {
            throw e;
        } catch (IOException e) {
            throw new EngineLoadException("cannot change " + file + ": " + describe(e), e);
        } catch (Exception e) {
            throw new EngineLoadException("cannot change " + file + ": " + e, e);
        }
    }

    /**
     * Runs {@code work} while holding the folder's lock, the same one {@link #add} holds (e.g. to retrain from a
     * folder nobody edits meanwhile).
     */
    public static <T> T whileLocked(Path intentsDir, Callable<T> work) throws Exception {
        Path lockFile = intentsDir.resolve(LOCK_FILE);
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), k -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel channel = open(lockFile); FileLock ignored = channel.lock()) {
            return work.call();
        } finally {
            jvmLock.unlock();
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static Result addLocked(Path file, Language language, String example) throws IOException {
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
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fse) {
            String reason = fse.getReason() != null ? fse.getReason()
                    : e.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                            .toLowerCase(Locale.ROOT);
            return fse.getFile() == null ? reason : fse.getFile() + ": " + reason;
        }
        return String.valueOf(e.getMessage());
    }
}
