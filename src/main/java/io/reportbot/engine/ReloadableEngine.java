package io.reportbot.engine;

import io.reportbot.core.Language;
import io.reportbot.core.EngineLoadException;

import io.reportbot.nlp.IntentClassifier;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine that can pick up changed intents and dataset files without a restart. {@link #reload()} builds
 * a new engine beside the running one; questions keep being answered by the old one until the new one is
 * ready, then it is swapped in at once. A broken file is rejected with a clear message and the old engine
 * stays. Conversations carry on across a reload. Thread-safe.
 */
public final class ReloadableEngine implements Engine {

    private static final Logger log = LoggerFactory.getLogger(ReloadableEngine.class);

    /** How a reload went: the message says what was loaded, or what is wrong. */
    public record Outcome(boolean ok, String message) {
    }

    private final EngineSettings settings;
    private final Conversations conversations;
    private final FallbackListener listener;
    private final AtomicReference<Engine> current;
    private final Object reloadLock = new Object();

    private ReloadableEngine(EngineSettings settings, Conversations conversations, FallbackListener listener,
                             Engine first) {
        this.settings = settings;
        this.conversations = conversations;
        this.listener = listener;
        this.current = new AtomicReference<>(first);
    }

    /** Builds the first engine; a broken file fails here as {@link EngineLoadException}. */
    public static ReloadableEngine create(EngineSettings settings, FallbackListener listener) {
        return create(settings, listener, new Conversations());
    }

    /** The same, keeping conversation context in {@code conversations} (e.g. shared through Redis). */
    public static ReloadableEngine create(EngineSettings settings, FallbackListener listener,
                                          Conversations conversations) {
        Engine first = EngineFactory.create(settings, IntentClassifier.Settings.defaults(), conversations, listener);
        return new ReloadableEngine(settings, conversations, listener, first);
    }

    /** Re-reads the report and intents and retrains; on any problem the running engine stays. */
    public Outcome reload() {
        synchronized (reloadLock) {
            long t0 = System.nanoTime();
            try {
                Engine next = EngineFactory.create(settings, IntentClassifier.Settings.defaults(), conversations, listener);
                current.set(next);
                String msg = String.format(java.util.Locale.ROOT, "reloaded in %d ms", (System.nanoTime() - t0) / 1_000_000);
                log.info(msg);
                return new Outcome(true, msg);
            } catch (EngineLoadException e) {
                log.warn("reload rejected, the running engine stays: {}", e.getMessage());
                return new Outcome(false, "reload rejected, the running engine stays: " + e.getMessage());
            } catch (RuntimeException e) {
                log.warn("reload failed, the running engine stays", e);
                return new Outcome(false, "reload failed, the running engine stays: " + e);
            }
        }
    }

    @Override
    public Reply answer(Inbound inbound) {
        return current.get().answer(inbound);
    }

    @Override
    public List<Suggestion> topics(Language language) {
        return current.get().topics(language);
    }

    @Override
    public List<String> exampleQuestions(Language language) {
        return current.get().exampleQuestions(language);
    }

    @Override
    public ReportInfo report(Language language) {
        return current.get().report(language);
    }

    @Override
    public Language detectLanguage(String text, Optional<Language> hint) {
        return current.get().detectLanguage(text, hint);
    }

    @Override
    public String message(Language language, String key) {
        return current.get().message(language, key);
    }

    @Override
    public List<Suggestion> reports(Language language) {
        return current.get().reports(language);
    }

    @Override
    public Reply pickReport(String conversationId, String reportId, Language language) {
        return current.get().pickReport(conversationId, reportId, language);
    }

    @Override
    public ReportInfo report(Language language, String conversationId) {
        return current.get().report(language, conversationId);
    }
}
