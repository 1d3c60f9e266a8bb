package io.reportbot.store;

import io.reportbot.core.Language;
import io.reportbot.engine.Engine;
import io.reportbot.engine.ForwardingEngine;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.ReportInfo;
import io.reportbot.engine.Reply;
import io.reportbot.engine.Suggestion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@link Engine} that records every answer in the question store, so that the engine itself knows nothing of
 * databases. Each answer becomes one {@link StoredQuestion}: time, platform, report, language, intent, confidence,
 * fallback, latency and a salted hash of the conversation id. The question's text (and the three best intents) is
 * kept only for fallbacks and answers below {@code keepTextBelow}; never a user or chat id.
 *
 * <p>Recording goes through the {@link QuestionRecorder}'s queue, so an answer is never delayed by the database.
 * Thread-safe, like the engine it wraps.
 */
public final class RecordingEngine extends ForwardingEngine {

    private final QuestionRecorder recorder;
    private final String report;
    private final double keepTextBelow;
    private final byte[] salt;
    private final Clock clock;

    /**
     * @param engine        the engine that answers
     * @param recorder      where answers are recorded
     * @param report        the report's name as stored ("bundled" or the dataset's file name)
     * @param keepTextBelow answers with a confidence below this keep their text, like fallbacks
     * @param clock         the clock for the time of each answer
     */
    public RecordingEngine(Engine engine, QuestionRecorder recorder, String report, double keepTextBelow, Clock clock) {
        super(engine);
        this.recorder = recorder;
        this.report = report;
        this.keepTextBelow = keepTextBelow;
        this.salt = recorder.store().salt();
        this.clock = clock;
    }

    @Override
    public Reply answer(Inbound inbound) {
        long t0 = System.nanoTime();
        Reply reply = delegate.answer(inbound);
        record(inbound.platform(), inbound.conversationId(), inbound.text(), reply, System.nanoTime() - t0);
        return reply;
    }

    @Override
    public Reply answerTopic(String topicId, Language language, String conversationId, String platform) {
        long t0 = System.nanoTime();
        Reply reply = delegate.answerTopic(topicId, language, conversationId, platform);
        record(platform, conversationId, null, reply, System.nanoTime() - t0);
        return reply;
    }

    private void record(String platform, String conversationId, String text, Reply reply, long nanos) {
        try {
            boolean keep = text != null && !text.isBlank() && (reply.fallback() || reply.confidence() < keepTextBelow);
            recorder.offer(new StoredQuestion(clock.instant(), platform(platform), report, reply.language().code(),
                    reply.intent(), reply.confidence(), reply.fallback(), nanos / 1_000, hash(conversationId),
                    keep ? text : null, keep ? reply.ranking() : List.of()));
        } catch (RuntimeException e) {
            // recording must never cost an answer; the recorder counts what it cannot take
        }
    }

    /** The platform as stored: lower-case letters, digits, - and _, at most 16 characters, else "other". */
    static String platform(String raw) {
        String p = raw == null ? "" : raw.toLowerCase(Locale.ROOT);
        return p.matches("[a-z0-9_-]{1,16}") ? p : "other";
    }

    String hash(String conversationId) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update((conversationId == null ? "" : conversationId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }





}
