package io.reportbot.eval;

import java.util.List;
import java.util.Map;

/**
 * What an evaluation measured.
 *
 * @param questions          how many labelled questions
 * @param inScope            how many of them the report can answer
 * @param accuracy           share of all questions handled right (right intent, or declined when out of scope)
 * @param inScopeAccuracy    share of answerable questions that got the right intent
 * @param outOfScopeRejection share of unanswerable questions that were declined
 * @param languageAccuracy   share of questions answered in their own language
 * @param answerAccuracy     share of questions with expected figures whose answer contains them all
 * @param perIntent          precision, recall and F1 per intent
 * @param confusions         the most frequent (expected → got) pairs
 * @param errors             every question handled wrong
 */
public record EvalResult(int questions, int inScope, double accuracy, double inScopeAccuracy,
                         double outOfScopeRejection, double languageAccuracy, double answerAccuracy,
                         Map<String, IntentStats> perIntent, List<Confusion> confusions, List<Miss> errors) {

    /** Precision, recall and F1 of one intent. */
    public record IntentStats(int support, double precision, double recall, double f1) {
    }

    /** How often questions of one intent got another. */
    public record Confusion(String expected, String got, int count) {
    }

    /**
     * A question handled wrong.
     *
     * @param text     the question
     * @param expected the intent it should have got
     * @param got      what it got ({@code out_of_scope} when declined)
     * @param score    the classifier's top score
     * @param reason   "intent", "language" or "answer"
     */
    public record Miss(String text, String expected, String got, double score, String reason) {
    }
}
