package io.reportbot.report;

import java.util.List;
import java.util.Map;

/**
 * One statement of the report, with the figures in it and the sentence it comes from.
 *
 * @param id       a stable id
 * @param topic    the topic it belongs to
 * @param period   the period the figures are for, e.g. "2024" or "2024-Q1-Q3" (may be null)
 * @param values   its figures by key; the keys are the placeholders of the answer templates
 * @param source   the report's own sentence(s), verbatim
 * @param answer   the answer template in German and English
 * @param computed figures derived from the values (besides previous-year values and national totals,
 *                 which are derived automatically)
 * @param assertions what the fact asserts besides its figures (where, who, what), for checking claims
 */
public record Fact(String id, String topic, String period, Map<String, Value> values, String source, Text answer,
                   List<Computed> computed, List<Assertion> assertions) {

    public Fact {
        // the dataset's order, kept: answers list and check figures in it, the same on every run
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        computed = computed == null ? List.of() : List.copyOf(computed);
        assertions = assertions == null ? List.of() : List.copyOf(assertions);
    }

    /**
     * Whether its period is a range of years ("2022-2023"): the fact itself compares its last year with an earlier
     * one, so a question about "the year before" is answered by its own sentence.
     */
    public boolean spansYears() {
        return period != null && period.matches("\\d{4}-\\d{4}");
    }
}
