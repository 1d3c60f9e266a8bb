package io.reportbot.report;

/**
 * A figure the engine derives from two of a fact's values, with its wording; {@code {ratio}} in the
 * text is replaced by numerator ÷ denominator.
 *
 * @param kind        only {@code ratio} for now
 * @param numerator   the key of the value on top
 * @param denominator the key of the value below
 * @param text        the sentence stating it, marked as computed in its own wording
 */
public record Computed(String kind, String numerator, String denominator, Text text) {
}
