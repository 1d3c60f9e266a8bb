package io.reportbot.engine;

import io.reportbot.core.Language;

import java.util.Objects;
import java.util.Optional;

/**
 * A question as it enters the engine: plain text plus where it came from. No platform object crosses
 * this boundary.
 *
 * @param text           what the user wrote (may be empty or huge; the engine copes)
 * @param conversationId a stable id for the conversation (a chat, a channel, the console); used for context
 * @param platform       "console", "telegram", "discord", ...: used for logs and statistics only
 * @param languageHint   the platform's idea of the user's language, used when the text cannot tell
 * @param languageFixed  the user chose the language (the console's {@code /lang de}): answer in the hint's language
 *                       whatever the text's language is
 * @param report         the id of the report the user picked for this question (Discord's {@code report:}
 *                       option), or empty; an engine that serves one report ignores it
 * @param chosenTopic    a topic the user picked (a button, a number in the console) instead of typing a question:
 *                       the engine answers that topic in the hinted language and remembers it like any answer
 */
public record Inbound(String text, String conversationId, String platform, Optional<Language> languageHint,
                      boolean languageFixed, Optional<String> report, Optional<String> chosenTopic) {

    public Inbound {
        text = text == null ? "" : text;
        conversationId = conversationId == null ? "" : conversationId;
        platform = platform == null ? "unknown" : platform;
        languageHint = Objects.requireNonNullElse(languageHint, Optional.empty());
        languageFixed = languageFixed && languageHint.isPresent();
        report = Objects.requireNonNullElse(report, Optional.<String>empty()).filter(r -> !r.isBlank());
        chosenTopic = Objects.requireNonNullElse(chosenTopic, Optional.empty());
    }

    /** A typed question with a language hint that is used when the text cannot tell. */
    public Inbound(String text, String conversationId, String platform, Optional<Language> languageHint) {
        this(text, conversationId, platform, languageHint, false, Optional.empty(), Optional.empty());
    }

    /** A typed question with a picked report. */
    public Inbound(String text, String conversationId, String platform, Optional<Language> languageHint,
                   Optional<String> report) {
        this(text, conversationId, platform, languageHint, false, report, Optional.empty());
    }

    /** A question to be answered in {@code language}, whatever language it is asked in. */
    public static Inbound inLanguage(String text, String conversationId, String platform, Language language) {
        return new Inbound(text, conversationId, platform, Optional.of(language), true, Optional.empty(),
                Optional.empty());
    }

    /**
     * A topic picked from a button or a list ({@link Suggestion#topicId()}), answered in that language. An
     * unknown id gets a fallback reply.
     */
    public static Inbound topicChoice(String topicId, String conversationId, String platform, Language language) {
        return new Inbound("", conversationId, platform, Optional.ofNullable(language), false, Optional.empty(),
                Optional.ofNullable(topicId));
    }

    /** A question without a language hint. */
    public static Inbound of(String text, String conversationId, String platform) {
        return new Inbound(text, conversationId, platform, Optional.empty());
    }

    /** A question with a platform language hint such as "de-DE" or "en" (unknown codes are ignored). */
    public static Inbound of(String text, String conversationId, String platform, String languageCode) {
        return new Inbound(text, conversationId, platform, Language.fromCode(languageCode));
    }
}
