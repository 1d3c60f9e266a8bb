package io.reportbot.eval;

import java.util.List;

/**
 * What an evaluation of labelled conversations measured: first turns and follow-up turns apart, since a bot
 * can answer every first question and still lose the thread.
 *
 * @param conversations      how many conversations
 * @param firstTurns         the measures over the turns that stand on their own
 * @param firstTurnsRight    share of first turns with the right intent and every expected figure
 * @param followUps          the measures over the turns that lean on the ones before
 * @param followUpsRight     share of follow-up turns with the right intent and every expected figure
 * @param misses             every turn handled wrong, in order
 */
public record ConversationResult(int conversations, EvalResult firstTurns, double firstTurnsRight,
                                 EvalResult followUps, double followUpsRight, List<TurnMiss> misses) {

    public ConversationResult {
        misses = List.copyOf(misses);
    }

    /**
     * A turn handled wrong.
     *
     * @param conversation the conversation
     * @param followup     whether it was a follow-up turn
     * @param text         what was asked
     * @param expected     the intent it should have got
     * @param got          what it got ({@code out_of_scope} when declined)
     * @param reason       "intent", or "figures" when the intent was right but an expected figure was missing
     */
    public record TurnMiss(String conversation, boolean followup, String text, String expected, String got,
                           String reason) {
    }
}
