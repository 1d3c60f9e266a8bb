package io.reportbot.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report as structured data: what it is about, its topics and its facts. Immutable.
 *
 * @param id         a stable id
 * @param title      its name
 * @param summary    a few sentences on what it says
 * @param place      the place it covers
 * @param years      the years its figures are for
 * @param currencies the display names of the currencies its figures use
 * @param topics     what it covers, in display order
 * @param facts      its statements
 * @param uncovered  what people may ask about that it gives no figures on
 * @param sourceLanguage the language its source text is written in ({@code de} or {@code en}; may be null)
 * @param edition    how answers name the edition their quotes come from ("German original"; may be null)
 */
public record Report(String id, Text title, Text summary, Place place, List<Integer> years,
                     Map<String, Text> currencies, List<Topic> topics, List<Fact> facts,
                     List<Uncovered> uncovered, String sourceLanguage, Text edition) {

    public Report {
        years = years == null ? List.of() : List.copyOf(years);
        currencies = currencies == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(currencies));
        topics = ById.of(topics, Topic::id);
        facts = ById.of(facts, Fact::id);
        uncovered = uncovered == null ? List.of() : List.copyOf(uncovered);
    }

    /** This report with more uncovered subjects (from its folder's {@code lexicon.json}) after its own. */
    public Report withUncovered(List<Uncovered> more) {
        if (more == null || more.isEmpty()) {
            return this;
        }
        List<Uncovered> all = new java.util.ArrayList<>(uncovered);
        all.addAll(more);
        return new Report(id, title, summary, place, years, currencies, topics, facts, all, sourceLanguage, edition);
    }

    public Optional<Topic> topic(String topicId) {
        return Optional.ofNullable(((ById<Topic>) topics).find(topicId));
    }

    public Optional<Fact> fact(String factId) {
        return Optional.ofNullable(((ById<Fact>) facts).find(factId));
    }

    /** The facts a topic's answer uses, in order. */
    public List<Fact> factsOf(Topic topic) {
        ById<Fact> byId = (ById<Fact>) facts;
        List<Fact> found = new java.util.ArrayList<>(topic.facts().size());
        for (String id : topic.facts()) {
            Fact f = byId.find(id);
            if (f != null) {
                found.add(f);
            }
        }
        return java.util.Collections.unmodifiableList(found);
    }

    /** Facts by id, in dataset order. */
    public Map<String, Fact> factsById() {
        Map<String, Fact> m = new LinkedHashMap<>();
        facts.forEach(f -> m.put(f.id(), f));
        return m;
    }

    /**
     * Euro per unit of the report's own currency (yuan in the white paper), from the report's own pairs of
     * figures (the median ratio of every value that gives both); empty when the report gives none.
     */
    public Optional<Double> eurPerCny() {
        double[] ratios = facts.stream()
                .flatMap(f -> f.values().values().stream())
                .filter(v -> v.isMoney() && !"EUR".equals(v.unit()) && v.eur() != null && v.amount() > 0)
                .mapToDouble(v -> v.eur() / v.amount())
                .sorted()
                .toArray();
        if (ratios.length == 0) {
            return Optional.empty();
        }
        int mid = ratios.length / 2;
        return Optional.of(ratios.length % 2 == 1 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2);
    }
}
