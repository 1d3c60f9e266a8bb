package io.reportbot.engine;

import io.reportbot.core.Language;

import io.reportbot.answer.Wording;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.Question;
import io.reportbot.nlp.TextNormalizer;
import io.reportbot.report.Fact;
import io.reportbot.report.Report;
import io.reportbot.report.Topic;
import io.reportbot.report.Uncovered;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the report does not cover, whatever the classifier's confidence: other places (unless the matched
 * topic's own sources name them, as the global landscape names the USA), metrics the report gives no
 * figures on, the future, and years other than the report's (the year before is allowed where a growth rate
 * lets it be computed). No threshold catches these: "How many language models were registered in 2020?"
 * scores as high as the real question. Immutable and thread-safe.
 */
final class ScopeGuard {

    private final Report report;
    private final Wording wording;
    private final Map<String, String> topicSourcesNormalized;
    private final int firstYear;
    private final int lastYear;
    private final String coveredYears;

    ScopeGuard(Report report, Wording wording) {
        this.report = report;
        this.wording = wording;
        this.topicSourcesNormalized = report.topics().stream().collect(Collectors.toUnmodifiableMap(Topic::id,
                t -> " " + TextNormalizer.normalize(report.factsOf(t).stream().map(Fact::source)
                        .collect(Collectors.joining(" "))) + " "));
        this.firstYear = report.years().stream().mapToInt(Integer::intValue).min().orElse(0);
        this.lastYear = report.years().stream().mapToInt(Integer::intValue).max().orElse(0);
        this.coveredYears = report.years().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The year before the report's first, which growth rates let the engine compute. */
    int previousYear() {
        return firstYear - 1;
    }

    /** Why the report can't answer the question, in the question's language; empty when it may. */
    Optional<String> refusal(Question q, Intent intent, Language lang) {
        String sources = intent.kind() == Intent.Kind.TOPIC ? topicSourcesNormalized.getOrDefault(intent.name(), "") : "";
        for (String place : q.otherPlaces()) {
            if (!sources.contains(" " + place + " ")) {
                return Optional.of(wording.format(lang, "fallback.place", display(place), report.place().name().get(lang)));
            }
        }
        for (Uncovered u : report.uncovered()) {
            if (u.terms().stream().anyMatch(q::mentions)) {
                return Optional.of(wording.format(lang, "fallback.metric", u.label().get(lang)));
            }
        }
        if (q.future() && intent.kind() != Intent.Kind.OUT_OF_SCOPE) {
            return Optional.of(wording.format(lang, "fallback.future", String.valueOf(lastYear)));
        }
        for (int year : q.years()) {
            if (report.years().contains(year) || (year == previousYear() && intent.kind() == Intent.Kind.TOPIC)) {
                continue;
            }
            return Optional.of(year > lastYear
                    ? wording.format(lang, "fallback.future", String.valueOf(lastYear))
                    : wording.format(lang, "fallback.year", String.valueOf(year), coveredYears));
        }
        return Optional.empty();
    }

    /** A normalised place name for display: "new york" → "New York", "usa" → "USA". */
    static String display(String normalizedPlace) {
        StringBuilder sb = new StringBuilder();
        for (String w : normalizedPlace.split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.length() <= 3 ? w.toUpperCase(Locale.ROOT) : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return sb.toString();
    }
}
