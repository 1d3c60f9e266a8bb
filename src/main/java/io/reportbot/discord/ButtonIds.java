package io.reportbot.discord;

import io.reportbot.core.Language;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact custom ids of reportbot's buttons: {@code rb:t:<language>:<topicId>}, e.g. {@code rb:t:de:unicorns}.
 *
 * <p>Discord returns a button's id verbatim when it is clicked, but any client can send any id, so
 * {@link #decode} accepts only ids of exactly this shape; the caller also checks that the topic exists.
 * Stateless and thread-safe.
 */
final class ButtonIds {
    static final String PREFIX = "rb:t:";
    /** Discord's limit for a custom id. */
    static final int MAX_LENGTH = 100;

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    private static final Pattern ID = Pattern.compile("rb:t:(de|en):([A-Za-z0-9._-]{1,80})");

    /** A click on a topic button: which topic, in which language. */
    record TopicClick(Language language, String topicId) {
    }

    private ButtonIds() {
    }

    /** The id for a topic button, or empty when the topic id cannot be carried safely. */
    static Optional<String> encode(Language language, String topicId) {
        if (topicId == null || !TOPIC.matcher(topicId).matches()) {
            return Optional.empty();
        }
        return Optional.of(PREFIX + language.code() + ":" + topicId);
    }

    /** The click an id stands for, or empty when reportbot did not make an id like this. */
    static Optional<TopicClick> decode(String id) {
        if (id == null || id.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Language.fromCode(m.group(1)).map(l -> new TopicClick(l, m.group(2)));
    }

    /** A short, printable form of an untrusted id for the log. */
    static String forLog(String id) {
        if (id == null) {
            return "null";
        }
        String s = id.length() > 40 ? id.substring(0, 40) + "…" : id;
        return s.replaceAll("[^\\x20-\\x7E…]", "?");
    }
}
