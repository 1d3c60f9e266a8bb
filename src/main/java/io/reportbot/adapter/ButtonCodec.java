package io.reportbot.adapter;

import io.reportbot.core.Language;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact ids of reportbot's topic buttons, on every platform: {@code rb:t:<language>:<topicId>}, e.g.
 * {@code rb:t:de:unicorns} (a Telegram button's callback data, a Discord button's custom id).
 *
 * <p>A platform returns a button's id verbatim when it is tapped, but any client can send any id, so {@link #decode}
 * accepts only ids of exactly this shape; the caller also checks that the topic exists. Topic ids are 1 to 80 of
 * {@code A-Z a-z 0-9 . _ -}, so an id is ASCII and its length in characters is its length in bytes. Ids of the
 * earlier Telegram form {@code t:<language>:<topicId>} (on buttons sent before) are still read.
 *
 * <pre>{@code
 * ButtonCodec telegram = new ButtonCodec(64);   // Telegram's limit on callback data, in bytes
 * telegram.encode(Language.DE, "unicorns");     // Optional[rb:t:de:unicorns]
 * telegram.decode("rb:t:de:unicorns");          // Optional[TopicButton[language=DE, topicId=unicorns]]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ButtonCodec {
    /** What every id begins with. */
    public static final String PREFIX = "rb:t:";

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    private static final Pattern ID = Pattern.compile("(?:rb:)?t:(de|en):([A-Za-z0-9._-]{1,80})");

    /** A tap on a topic button: which topic, in which language. */
    public record TopicButton(Language language, String topicId) {
    }

    private final int maxLength;

    /**
     * @param maxLength the platform's limit on a button id (Telegram: 64 bytes, Discord: 100 characters)
     */
    public ButtonCodec(int maxLength) {
        if (maxLength < PREFIX.length() + 4) {
            throw new IllegalArgumentException("no button id fits in " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /** The id for a topic button, or empty when the topic id cannot be carried safely within the limit. */
    public Optional<String> encode(Language language, String topicId) {
        if (topicId == null || !TOPIC.matcher(topicId).matches()) {
            return Optional.empty();
        }
        String id = PREFIX + language.code() + ":" + topicId;
        return id.length() <= maxLength ? Optional.of(id) : Optional.empty();
    }

    /** The tap an id stands for, or empty when reportbot did not make an id like this. */
    public Optional<TopicButton> decode(String id) {
        if (id == null || id.length() > maxLength) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Language.fromCode(m.group(1)).map(l -> new TopicButton(l, m.group(2)));
    }

    /** A short, printable form of an untrusted id (or command name) for the log. */
    public static String forLog(String id) {
        if (id == null) {
            return "null";
        }
        String s = id.length() > 40 ? id.substring(0, 40) + "…" : id;
        return s.replaceAll("[^\\x20-\\x7E…]", "?");
    }
}
