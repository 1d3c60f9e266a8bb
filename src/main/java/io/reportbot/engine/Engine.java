package io.reportbot.engine;

import io.reportbot.core.Language;
import io.reportbot.core.EngineLoadException;

import java.util.List;
import java.util.Optional;

/**
 * Answers questions about one report. The only thing adapters (console, Telegram, Discord) talk to.
 *
 * <p>Immutable after construction and safe to call from many threads.
 *
 * <pre>{@code
 * Engine engine = Engine.bundled();
 * Reply reply = engine.answer(Inbound.of("Wie viele Einhörner?", "chat-1", "console"));
 * System.out.println(reply.text());
 * }</pre>
 */
public interface Engine {

    /** Answers one question. Never throws for any input; bad input gets a clear fallback reply. */
    Reply answer(Inbound inbound);

    /**
     * Answers a topic chosen from a button (a {@link Suggestion#topicId()} or a {@link #topics} entry) through
     * {@link #answer}, so that the conversation remembers it. An unknown id gets a fallback reply, never an
     * exception. Same as {@code answer(Inbound.topicChoice(topicId, conversationId, platform, language))}.
     */
    default Reply answerTopic(String topicId, Language language, String conversationId, String platform) {
        return answer(Inbound.topicChoice(topicId, conversationId, platform, language));
    }

    /** Every topic the report covers, as suggestions in that language (for /topics buttons). */
    List<Suggestion> topics(Language language);

    /** Example questions in that language, for greetings, help and autocomplete. */
    List<String> exampleQuestions(Language language);

    /** The report's title, summary and key figures in that language. */
    ReportInfo report(Language language);

    /** The language of a text, using the hint when the text cannot tell; defaults to German. */
    Language detectLanguage(String text, Optional<Language> hint);

    /**
     * A piece of the engine's own wording in a language (keys like {@code "greeting"}, {@code "help"},
     * {@code "empty"}); adapters use it so that wording stays in one place.
     */
    String message(Language language, String key);

    /**
     * The reports this engine answers from, as suggestions (report id, title), when it serves several; empty
     * when it serves one.
     */
    default List<Suggestion> reports(Language language) {
        return List.of();
    }

    /** The title, summary and key figures of the report a conversation is about (the only one, for most engines). */
    default ReportInfo report(Language language, String conversationId) {
        return report(language);
    }

    /**
     * Makes a conversation use one report from now on ({@code /report ID}); a blank id lists the reports. An
     * engine that serves one report says so.
     */
    default Reply pickReport(String conversationId, String reportId, Language language) {
        Language l = language == null ? Language.DE : language;
        return new Reply(l, "fallback", 0, true, message(l, "multi.single") + " " + report(l).title() + ".", List.of(), List.of(), List.of(), List.of());
    }

    /** The engine built from the report and intents bundled in the jar. */
    static Engine bundled() {
        return create(EngineSettings.bundled());
    }

    /**
     * Builds an engine: loads the report and the intents and trains the intent classifier.
     *
     * @throws EngineLoadException when a file is missing or broken; the message says which and why
     */
    static Engine create(EngineSettings settings) {
        return EngineFactory.create(settings);
    }
}
