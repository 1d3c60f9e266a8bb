package io.reportbot.engine;

/**
 * An intent and how likely the classifier thought it, for debugging and evaluation.
 *
 * @param intent the intent name
 * @param score  0..1
 */
public record IntentScore(String intent, double score) {
}
