package io.reportbot.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.engine.FallbackListener;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.Reply;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unanswered-questions log: one JSON line per question that fell back, with the time, the text, the
 * language, the three best intents with their scores and the platform. No user or chat id is written, only
 * a salted hash of the conversation id, to count distinct askers; the salt lives beside the log, readable
 * by its owner only.
 *
 * <p>Durable: every line is appended in one write and forced to disk, so a crash loses at most the line
 * being written. If the log can't be written the bot keeps answering and a warning is logged (at most once a
 * minute). Thread-safe.
 */
public final class UnansweredLog implements FallbackListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnansweredLog.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final byte[] salt;
    private final Clock clock;
    private FileChannel channel;
    private long lastWarning;

    private UnansweredLog(Path file, byte[] salt, Clock clock) {
        this.file = file;
        this.salt = salt;
        this.clock = clock;
    }

    /** Opens (or creates) the log and its salt file. Failing to, it still returns a log that warns on use. */
    public static UnansweredLog open(Path file) {
        return open(file, Clock.systemUTC());
    }

    static UnansweredLog open(Path file, Clock clock) {
        return new UnansweredLog(file, salt(file), clock);
    }

    public Path file() {
        return file;
    }

    @Override
    public void fellBack(Inbound question, Reply reply) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("time", clock.instant().toString());
        o.put("text", question.text());
        o.put("language", reply.language().code());
        ArrayNode top = o.putArray("top");
        reply.ranking().forEach(s -> top.addObject().put("intent", s.intent())
                .put("score", Math.round(s.score() * 10000) / 10000.0));
        o.put("platform", question.platform());
        o.put("asker", hash(question.conversationId()));
        append(o.toString());
    }

    private synchronized void append(String line) {
        try {
            if (channel == null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            long now = System.currentTimeMillis();
            if (now - lastWarning > 60_000) {
                lastWarning = now;
                log.warn("cannot write the unanswered-questions log {}: {} (answering goes on)", file, e.toString());
            }
        }
    }

    String hash(String conversationId) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(conversationId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] salt(Path file) {
        Path saltFile = file.resolveSibling(file.getFileName() + ".salt");
        try {
            if (Files.exists(saltFile)) {
                return HexFormat.of().parseHex(Files.readString(saltFile).strip());
            }
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            Path parent = saltFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(saltFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(saltFile);
            } catch (FileAlreadyExistsException e) {
                return HexFormat.of().parseHex(Files.readString(saltFile).strip());
            }
            Files.writeString(saltFile, HexFormat.of().formatHex(salt));
            return salt;
        } catch (IOException | IllegalArgumentException e) {
            log.warn("cannot keep a salt beside {} ({}); asker hashes will differ after a restart", file, e.toString());
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            return salt;
        }
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
            channel = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
