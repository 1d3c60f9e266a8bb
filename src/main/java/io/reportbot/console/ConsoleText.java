package io.reportbot.console;

import io.reportbot.core.Language;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The console's own wording (its commands' replies) in German and English, read from
 * {@code io/reportbot/console/messages_*.properties}; the JVM's default locale plays no part. Immutable and
 * thread-safe.
 */
final class ConsoleText {

    private static final String BUNDLE = "io.reportbot.console.messages";

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

    ConsoleText() {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language l : Language.values()) {
            bundles.put(l, ResourceBundle.getBundle(BUNDLE, l.locale(), noFallback));
        }
    }

    /** The text for a key in a language, with {0}, {1}, ... filled in. */
    String get(Language language, String key, Object... args) {
        return new MessageFormat(bundles.get(language).getString(key), language.locale()).format(args);
    }
}
