package io.reportbot.report;

import java.util.List;

/**
 * Something people ask about that the report gives no figures on (patents, salaries, ...): a question that
 * names one of the terms gets "the report gives no figures on …" instead of a near-miss answer.
 *
 * @param terms normalised words and phrases that name it
 * @param label how to name it in an answer
 */
public record Uncovered(List<String> terms, Text label) {
    public Uncovered {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
