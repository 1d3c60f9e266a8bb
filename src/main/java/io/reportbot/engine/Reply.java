package io.reportbot.engine;

import io.reportbot.core.Language;

import java.util.List;

/**
 * The engine's answer, in neutral parts that each adapter maps onto its platform.
 *
 * @param language    the language the answer is in (the question's)
 * @param intent      the intent that was matched ("fallback" when none was)
 * @param confidence  the classifier's confidence for that intent, 0..1
 * @param fallback    true when reportbot declined, did not understand, or the report does not say
 * @param text        the answer exactly as a user should see it (plain text, no markup), including its source
 *                    lines ("Quelle (…): „…“")
 * @param suggestions topics to offer as buttons (may be empty)
 * @param factIds     the ids of the report facts the answer uses
 * @param sources     the report sentences quoted in {@code text}, bare (German, as in the report), for adapters
 *                    that show sources apart (a quote block, an embed field)
 * @param ranking     the classifier's best intents with their scores, best first (at most three; empty when
 *                    no classification was needed, e.g. for empty input)
 * @param topics      the report topics the answer is about, in order (several for "Wie viele Einhörner und
 *                    Universitäten?"; the last answer's topics for a follow-up; empty for small talk and fallbacks).
 *                    {@code intent} names the first of them.
 */
public record Reply(
        Language language,
        String intent,
        double confidence,
        boolean fallback,
        String text,
        List<Suggestion> suggestions,
        List<String> factIds,
        List<String> sources,
        List<IntentScore> ranking,
        List<String> topics) {

    public Reply {
        suggestions = List.copyOf(suggestions);
        factIds = List.copyOf(factIds);
        sources = List.copyOf(sources);
        ranking = List.copyOf(ranking);
        topics = List.copyOf(topics);
    }

    /** A reply about at most its one intent's topic (for small talk, fallbacks and test doubles). */
    public Reply(Language language, String intent, double confidence, boolean fallback, String text,
                 List<Suggestion> suggestions, List<String> factIds, List<String> sources, List<IntentScore> ranking) {
        this(language, intent, confidence, fallback, text, suggestions, factIds, sources, ranking,
                fallback || factIds.isEmpty() ? List.of() : List.of(intent));
    }

    /** A reply without a ranking (for replies that need no classification, and for test doubles). */
    public Reply(Language language, String intent, double confidence, boolean fallback, String text,
                 List<Suggestion> suggestions, List<String> factIds, List<String> sources) {
        this(language, intent, confidence, fallback, text, suggestions, factIds, sources, List.<IntentScore>of());
    }
}
