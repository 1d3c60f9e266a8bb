package io.reportbot.engine;

import io.reportbot.answer.Wording;
import io.reportbot.core.Language;
import io.reportbot.nlp.Aspect;
import io.reportbot.nlp.Question;
import io.reportbot.nlp.ScopeWords;
import io.reportbot.report.Fact;
import io.reportbot.report.Report;
import io.reportbot.report.Topic;
import java.util.List;
import java.util.Optional;

/**
 * What a question asks beyond a known topic's figures, though it names the topic: the whole world or the whole
 * nation where the report gives Beijing's figure, a part the report doesn't break out ("wie viele der 94
 * Modelle …"; a topic whose figures are shares of its whole answers that), an exact figure where only a computed one exists ("2023 genau"), another period than the
 * figure's ("Q4" against Q1–Q3), and names. Each gets "the report doesn't say X"; the engine adds what it does
 * say. Immutable and thread-safe.
 */
final class TopicScope {

    private static final java.util.regex.Pattern QUARTERS = java.util.regex.Pattern.compile("(\\d{4})-Q(\\d)-Q(\\d)");
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\d{4}");

    private final Report report;
    private final Wording wording;
    private final ScopeWords words;
    private final List<String> ownPlace;
    private final List<String> nationAliases;

    TopicScope(Report report, Wording wording, ScopeWords words) {
        this.report = report;
        this.wording = wording;
        this.words = words;
        this.ownPlace = report.place() == null ? List.of() : report.place().aliases();
        this.nationAliases = report.place() == null ? List.of() : report.place().nationAliases();
    }

    /** Topics whose source sentences speak of the whole world themselves ("Globally, …"), by topic id. */
    private final java.util.Map<String, Boolean> worldwideTopics = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the topic's own sources give worldwide figures, so that "weltweit?" asks what it says. */
    private boolean worldwide(Topic topic, List<Fact> facts) {
        return worldwideTopics.computeIfAbsent(topic.id(), id -> facts.stream().map(Fact::source)
                .filter(java.util.Objects::nonNull)
                .anyMatch(src -> words.namesWorld(io.reportbot.nlp.TextNormalizer.normalize(src))));
    }

    /** Topics whose source sentences give figures for the nation (or whole) themselves, by topic id. */
    private final java.util.Map<String, Boolean> wholeTopics = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the topic's own sources speak of the report's nation or whole ("Worldwide, …" in a US report). */
    private boolean speaksOfTheWhole(Topic topic, List<Fact> facts) {
        return wholeTopics.computeIfAbsent(topic.id(), id -> facts.stream().map(Fact::source)
                .filter(java.util.Objects::nonNull)
                .map(src -> " " + io.reportbot.nlp.TextNormalizer.normalize(src) + " ")
                .anyMatch(src -> nationAliases.stream().anyMatch(a -> src.contains(" " + a + " "))));
    }

    /** The key in a topic's {@code aspectTopics} that names the topic answering for the report's own name. */
    static final String TITLE = "TITLE";
    /** The key in a topic's {@code aspectTopics} that says its own sentences rank ("the next-largest investor"). */
    static final String RANKING = "RANKING";

    /**
     * Whether a question asks for a name the topic's sentences give after all: the report's own name, of the topic
     * that answers for it ("wie heißt das Dokument?"), or a rank its sentences state ("which country comes second?"
     * where the sentence says "China, the next-largest investor"), not one beyond them ("which country is third?").
     */
    static boolean namesItGives(Topic topic, ScopeWords words, String normalized) {
        return topic.id().equals(topic.aspectTopics().get(TITLE)) && words.asksForTheTitle(normalized)
                || topic.id().equals(topic.aspectTopics().get(RANKING)) && words.asksForAStatedRank(normalized);
    }

    /** Why the report can't answer this question about the topic; empty when it can. */
    Optional<String> refusal(Question q, Topic topic, int previousYear, Language lang) {
        String n = q.normalized();
        List<Fact> facts = report.factsOf(topic);
        boolean figures = facts.stream().anyMatch(f -> !f.values().isEmpty());
        String place = report.place().name().get(lang);
        boolean given = namesItGives(topic, words, n);
        if (topic.id().equals(topic.aspectTopics().get(RANKING)) && words.asksForARankBeyond(n)) {
            // "which country ranked third?" of a topic whose sentences name only the first places
            return Optional.of(wording.get(lang, "fallback.rank_beyond"));
        }
        if (!q.aspects().contains(Aspect.NAMES) && words.asksForNames(n) && !given) {
            return Optional.of(wording.get(lang, "fallback.names"));
        }
        if (!figures) {
            return Optional.empty();
        }
        boolean ownPlaceNamed = ownPlace.stream().anyMatch(q::mentions);
        ScopeWords.Cues cues = words.cues(n);
        // "which country leads the world in private AI investment?" asks the rank the topic states, not a world figure
        if (cues.world() && !q.aspects().contains(Aspect.SHARE) && !worldwide(topic, facts) && !given) {
            return Optional.of(wording.format(lang, "fallback.world", place));
        }
        boolean exact = cues.exact();
        boolean nation = q.aspects().contains(Aspect.NATIONAL) || nationAliases.stream().anyMatch(q::mentions);
        // a claim about the national total is judged by the claim checker (a count and its share bound it)
        if (nation && !q.aspects().contains(Aspect.SHARE) && !ownPlaceNamed && !q.verification() && !given
                && !speaksOfTheWhole(topic, facts)) {
            return Optional.of(wording.format(lang, exact ? "fallback.national_exact" : "fallback.national", place,
                    report.place().nation().get(lang)));
        }
        if (exact && q.years().contains(previousYear)) {
            return Optional.of(wording.format(lang, "fallback.exact_year", String.valueOf(previousYear)));
        }
        // a topic whose figures are shares of its whole ("65.7 % of the foundation models") answers "how many of the …"
        // and so does a topic with a share of the national total, asked about the nation ("wie viel Prozent der
        // landesweit registrierten Modelle …")
        boolean shares = facts.stream().flatMap(f -> f.values().values().stream())
                .anyMatch(v -> "percent".equals(v.unit()) || v.share() != null && (nation || q.aspects().contains(Aspect.SHARE)));
        if (!shares && cues.part()) {
            return Optional.of(wording.get(lang, "fallback.subset"));
        }
        boolean fullYear = cues.fullYear();
        java.util.Set<Integer> quarters = cues.quarters();
        if (fullYear || !quarters.isEmpty()) {
            for (Fact f : facts) {
                java.util.regex.Matcher m = f.period() == null ? null : QUARTERS.matcher(f.period());
                if (m == null || !m.matches()) {
                    if (!fullYear && !quarters.isEmpty() && f.period() != null && YEAR.matcher(f.period()).matches()) {
                        // a figure for the year, asked for a part of it ("in the first half of 2024", "im März")
                        return Optional.of(wording.format(lang, "fallback.period", f.period()));
                    }
                    continue;
                }
                int first = Integer.parseInt(m.group(2));
                int last = Integer.parseInt(m.group(3));
                // "Q1–Q3" names the figure's own period; "Q4", "Q1" alone or "the whole year" do not
                boolean ownPeriod = !fullYear && quarters.contains(first) && quarters.contains(last)
                        && quarters.stream().allMatch(x -> x >= first && x <= last);
                if (!ownPeriod) {
                    return Optional.of(wording.format(lang, "fallback.period",
                            wording.format(lang, "period.quarters", m.group(2), m.group(3), m.group(1))));
                }
            }
        }
        return Optional.empty();
    }
}
