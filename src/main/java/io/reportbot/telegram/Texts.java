package io.reportbot.telegram;

import io.reportbot.core.Language;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The adapter's own wording (greetings, help, "text only", "slow down", command descriptions), read from
 * {@code io/reportbot/telegram/messages*.properties}. The JVM's default locale plays no part.
 *
 * <p>Immutable and thread-safe.
 */
final class Texts {
    private static final String BUNDLE = "io.reportbot.telegram.messages";

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

    Texts() {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language l : Language.values()) {
            bundles.put(l, ResourceBundle.getBundle(BUNDLE, l.locale(), noFallback));
        }
    }

    /** The text for a key in a language, with {0}, {1}, ... filled in. */
    String get(Language language, String key, Object... args) {
        String pattern = bundles.get(language).getString(key);
        return new MessageFormat(pattern, language.locale()).format(args);
    }
}
