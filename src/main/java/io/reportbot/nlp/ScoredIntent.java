package io.reportbot.nlp;

/**
 * An intent with the classifier's score for it.
 *
 * @param intent the intent name
 * @param score  0..1; the scores of all intents sum to 1
 */
public record ScoredIntent(String intent, double score) {
}
