package io.reportbot.store;

import io.reportbot.engine.IntentScore;
import java.time.Instant;
import java.util.List;

/**
 * A kept question that nobody has acted on yet: a fallback or a low-confidence answer.
 *
 * @param id         the store's id, used to act on it
 * @param time       when it was asked
 * @param platform   where
 * @param language   "de" or "en"
 * @param text       what was asked (untrusted: escape wherever it is shown)
 * @param fallback   whether the bot declined
 * @param confidence the confidence of the intent it got
 * @param ranking    the three best intents with their scores
 */
public record InboxEntry(long id, Instant time, String platform, String language, String text, boolean fallback,
                         double confidence, List<IntentScore> ranking) {

    public InboxEntry {
        ranking = List.copyOf(ranking);
    }
}
