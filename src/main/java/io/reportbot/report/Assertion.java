package io.reportbot.report;

import java.util.List;

/**
 * Something a fact asserts besides its figures, as data a claim can be checked against: where the white paper
 * was presented, who leads the global race. A claim that names one of {@code contradicts} (or, with
 * {@code otherPlaces}, a place that is not among {@code holds}) is denied; one that names one of {@code holds}
 * and nothing contradicting is confirmed. Another report states its own by editing its dataset.
 *
 * @param attribute   what it is about ("place", "occasion", "leaders"); also the kind of question it answers:
 *                    "place" answers "where exactly", "leaders" and "author" answer "who"
 * @param holds       normalised words that state it truly ("beijing", "kongress")
 * @param contradicts normalised words that contradict it ("messe", "trade fair", "ueberholt")
 * @param otherPlaces whether naming any other place contradicts it
 * @param figure      a vague amount the fact gives instead of a number ("mehrere"/"several"): a stated number is
 *                    left open, quoting it
 */
public record Assertion(String attribute, List<String> holds, List<String> contradicts, boolean otherPlaces,
                        Text figure) {
    public Assertion {
        holds = holds == null ? List.of() : List.copyOf(holds);
        contradicts = contradicts == null ? List.of() : List.copyOf(contradicts);
    }
}
