package io.reportbot.store;

import io.reportbot.engine.IntentScore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One answered question as the store keeps it. There is never a user or chat id: only a salted hash of the
 * conversation ({@code asker}), so that distinct askers can be counted.
 *
 * @param time          when it was answered
 * @param platform      "telegram", "discord", "console", … (at most 16 characters)
 * @param report        which report answered it ("bundled" or the dataset's file name)
 * @param language      "de" or "en"
 * @param intent        the intent matched ("fallback" when none was)
 * @param confidence    the classifier's confidence, 0..1
 * @param fallback      true when the bot declined or did not understand
 * @param latencyMicros how long the answer took
 * @param asker         the salted hash of the conversation id (16 hex digits)
 * @param text          the question, kept only for fallbacks and low-confidence answers; otherwise null
 * @param ranking       the three best intents with their scores when the text is kept; otherwise empty
 */
public record StoredQuestion(Instant time, String platform, String report, String language, String intent,
                             double confidence, boolean fallback, long latencyMicros, String asker, String text,
                             List<IntentScore> ranking) {

    public StoredQuestion {
        Objects.requireNonNull(time, "time");
        platform = cut(Objects.requireNonNullElse(platform, "other"), 16);
        report = cut(Objects.requireNonNullElse(report, "bundled"), 64);
        language = cut(Objects.requireNonNullElse(language, "?"), 8);
        intent = cut(Objects.requireNonNullElse(intent, "fallback"), 64);
        asker = cut(Objects.requireNonNullElse(asker, ""), 32);
        ranking = ranking == null ? List.of() : List.copyOf(ranking.subList(0, Math.min(3, ranking.size())));
    }

    /** True when the text is kept, so that the question shows in the inbox. */
    public boolean keepsText() {
        return text != null;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
