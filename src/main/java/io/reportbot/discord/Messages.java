package io.reportbot.discord;

import io.reportbot.core.Language;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Discord adapter's own wording, read from {@code io/reportbot/discord/messages_<lang>.properties}.
 *
 * <p>Immutable and thread-safe. A missing key is a programming error and fails loudly.
 */
final class Messages {
    private static final String BUNDLE = "io.reportbot.discord.messages";

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

    private Messages() {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language language : Language.values()) {
            bundles.put(language, ResourceBundle.getBundle(BUNDLE, language.locale(), noFallback));
        }
    }

    /** Loads both bundles; fails when one is missing. */
    static Messages load() {
        return new Messages();
    }

    /** The text for a key in a language, with {@link MessageFormat} arguments when given. */
    String get(Language language, String key, Object... args) {
        String pattern;
        try {
            pattern = bundles.get(language).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no Discord wording for key '" + key + "' in " + language.code(), e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }
}
