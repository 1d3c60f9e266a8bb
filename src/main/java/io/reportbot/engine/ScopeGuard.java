package io.reportbot.engine;

import io.reportbot.core.Language;

import io.reportbot.answer.Wording;
import io.reportbot.nlp.Gazetteer;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.PhraseGroups;
import io.reportbot.nlp.ScopeWords;
import io.reportbot.report.Assertion;
import io.reportbot.nlp.Question;
import io.reportbot.nlp.TextNormalizer;
import io.reportbot.report.Fact;
import io.reportbot.report.Report;
import io.reportbot.report.Topic;
import io.reportbot.report.Uncovered;
import java.util.ArrayList;
import java.util.List;
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
    private final Gazetteer gazetteer;
    private final TopicScope topicScope;
    private final ScopeWords scopeWords;
    private final Map<String, String> topicSourcesNormalized;
    private final int firstYear;
    private final int lastYear;
    private final String coveredYears;
    /** The uncovered metrics' terms, found in one scan per (up to) 64 metrics: group i of chunk c is metric 64c + i. */
    private final List<PhraseGroups> uncoveredTerms;

    ScopeGuard(Report report, Wording wording) {
        this(report, wording, Gazetteer.bundled(), ScopeWords.bundled());
    }

    ScopeGuard(Report report, Wording wording, Gazetteer gazetteer, ScopeWords scopeWords) {
        this.report = report;
        this.wording = wording;
        this.gazetteer = gazetteer;
        this.topicScope = new TopicScope(report, wording, scopeWords);
        this.scopeWords = scopeWords;
        this.topicSourcesNormalized = report.topics().stream().collect(Collectors.toUnmodifiableMap(Topic::id,
                t -> " " + TextNormalizer.normalize(report.factsOf(t).stream().map(Fact::source)
                        .collect(Collectors.joining(" "))) + " "));
        this.firstYear = report.years().stream().mapToInt(Integer::intValue).min().orElse(0);
        this.lastYear = report.years().stream().mapToInt(Integer::intValue).max().orElse(0);
        this.coveredYears = report.years().stream().map(String::valueOf).collect(Collectors.joining(", "));
        List<PhraseGroups> chunks = new ArrayList<>();
        List<Uncovered> uncovered = report.uncovered();
        for (int from = 0; from < uncovered.size(); from += PhraseGroups.MAX_GROUPS) {
            chunks.add(PhraseGroups.of(uncovered.subList(from, Math.min(uncovered.size(), from + PhraseGroups.MAX_GROUPS))
                    .stream().map(Uncovered::terms).toList()));
        }
        this.uncoveredTerms = List.copyOf(chunks);
    }

    /** The first metric the report gives no figures on that applies to the topic and that the question names. */
    private Optional<Uncovered> uncovered(Question q, String topicId) {
        List<Uncovered> uncovered = report.uncovered();
        long found = 0;
        boolean scanned = false;
        for (int i = 0; i < uncovered.size(); i++) {
            int bit = i % PhraseGroups.MAX_GROUPS;
            if (bit == 0) {
                scanned = false; // the next chunk
            }
            Uncovered u = uncovered.get(i);
            if (!u.appliesTo(topicId)) {
                continue;
            }
            if (!scanned) {
                found = uncoveredTerms.get(i / PhraseGroups.MAX_GROUPS).scan(q.normalized());
                scanned = true;
            }
            if (PhraseGroups.has(found, bit)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** Whether the topic's own sentences name every one of these places (normalised), under any of their names. */
    boolean sourcesName(String topicId, List<String> places) {
        String sources = topicSourcesNormalized.getOrDefault(topicId, "");
        return !sources.isEmpty() && places.stream().allMatch(place -> inSources(sources, place));
    }

    private boolean inSources(String sources, String place) {
        return gazetteer.place(place).map(p -> p.aliases().stream().anyMatch(a -> sources.contains(" " + a + " ")))
                .orElse(false) || sources.contains(" " + place + " ");
    }

    /** The year before the report's first, which growth rates let the engine compute. */
    int previousYear() {
        return firstYear - 1;
    }

    /**
     * Why the report can't answer the question, in the question's language; empty when it may. A question that
     * asks to confirm something gets "the report leaves that open: …".
     */
    Optional<String> refusal(Question q, Intent intent, Language lang) {
        return reason(q, intent, lang).map(r -> q.verification() ? wording.format(lang, "verify.open_scope", r) : r);
    }

    private Optional<String> reason(Question q, Intent intent, Language lang) {
        boolean isTopic = intent.kind() == Intent.Kind.TOPIC;
        Optional<Topic> topic = isTopic ? report.topic(intent.name()) : Optional.empty();
        String sources = isTopic ? topicSourcesNormalized.getOrDefault(intent.name(), "") : "";
        boolean placesAreClaims = q.verification() && topic.map(t -> report.factsOf(t).stream()
                .flatMap(f -> f.assertions().stream()).anyMatch(Assertion::otherPlaces)).orElse(false);
        String own = report.place().name().get(lang);
        for (String place : q.otherPlaces()) {
            boolean inSources = inSources(sources, place);
            if (!inSources && !placesAreClaims) {
                boolean district = gazetteer.place(place).map(p -> p.kind() == Gazetteer.Kind.DISTRICT).orElse(false);
                return Optional.of(wording.format(lang, district ? "fallback.district" : "fallback.place",
                        display(place, lang), own));
            }
        }
        String topicId = isTopic ? intent.name() : null;
        Optional<Uncovered> metric = uncovered(q, topicId);
        if (metric.isPresent()) {
            return Optional.of(wording.format(lang, "fallback.metric", metric.get().label().get(lang)));
        }
        if (q.future() && intent.kind() != Intent.Kind.OUT_OF_SCOPE) {
            return Optional.of(wording.format(lang, "fallback.future", String.valueOf(lastYear)));
        }
        boolean growing = topic.map(this::hasGrowth).orElse(false);
        for (int year : q.years()) {
            // the year before the report's: answered where the topic's sentences give a figure for it ("from 17 in
            // 2022"); elsewhere the report states none, and a figure computed from a growth rate is no stated one
            // (a claim about it still goes to the claim checker, which the computed figure lets say "no"); the year
            // before the report's present, named as what a topic's growth rate is measured against, is asked about
            // that rate ("how much will it grow in 2024 compared with 2023?", "did it grow compared with 2022?")
            boolean statedInTopic = isTopic && (scopeWords.namesOtherThanCompared(sources, year) || bounds(topic.get(), year));
            // ("compared with 2022", or the two years together: "between 2022 and 2023")
            boolean growthBase = year == lastYear - 1 && growing
                    && (scopeWords.comparesWith(q.normalized(), year) || q.years().contains(lastYear));
            boolean statedForTheYearBefore = year == previousYear() && isTopic
                    && (statedInTopic || q.verification());
            if (statedForTheYearBefore || growthBase) {
                continue;
            }
            if (report.years().contains(year)) {
                // a year the report covers, but not for this topic: "US private investment in 2016" where the
                // report gives it for 2022 and 2023 only (its latest year counts for every topic: its present)
                if (topic.isEmpty() || year == lastYear || statedInTopic || q.verification()) {
                    continue;
                }
                return Optional.of(wording.format(lang, "fallback.topic_year", String.valueOf(year),
                        topicYears(topic.get(), sources), topic.get().label().get(lang)));
            }
            return Optional.of(year > lastYear
                    ? wording.format(lang, "fallback.future", String.valueOf(lastYear))
                    : wording.format(lang, "fallback.year", String.valueOf(year), coveredYears));
        }
        if (topic.isPresent()) {
            return topicScope.refusal(q, topic.get(), previousYear(), lang);
        }
        return Optional.empty();
    }

    /** Whether one of the topic's facts compares two years and the year is one of them ("2022-2023"). */
    private boolean bounds(Topic topic, int year) {
        return report.factsOf(topic).stream().filter(Fact::spansYears)
                .anyMatch(f -> f.period().startsWith(year + "-") || f.period().endsWith("-" + year));
    }

    /** Whether a topic's figures carry a growth rate on the year before. */
    private boolean hasGrowth(Topic topic) {
        return report.factsOf(topic).stream().flatMap(f -> f.values().values().stream()).anyMatch(v -> v.yoy() != null);
    }

    /** The report's years a topic's sentences name, and the report's latest (its present): "2022, 2023". */
    private String topicYears(Topic topic, String sources) {
        return report.years().stream().filter(y -> y == lastYear || scopeWords.namesOtherThanCompared(sources, y) || bounds(topic, y)).sorted()
                .map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** A place's name as an answer writes it: the gazetteer's, else the alias capitalised. */
    String display(String normalizedPlace, Language lang) {
        return gazetteer.place(normalizedPlace).map(p -> p.name(lang)).orElseGet(() -> display(normalizedPlace));
    }

    /** A normalised place name for display: "new york" → "New York", "usa" → "USA". */
    static String display(String normalizedPlace) {
        StringBuilder sb = new StringBuilder();
        for (String w : normalizedPlace.split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.length() <= 2 ? w.toUpperCase(Locale.ROOT) : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return sb.toString();
    }
}
