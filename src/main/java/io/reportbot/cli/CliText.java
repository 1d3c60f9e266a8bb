package io.reportbot.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The command line's own wording (errors, notes, summaries), read from
 * {@code io/reportbot/cli/messages.properties}. The command line speaks English whatever the JVM's default
 * locale; answers to questions keep the engine's German or English wording. Arguments are filled in with
 * {@link MessageFormat} under {@link Locale#ROOT}, so pass numbers already formatted where grouping matters.
 *
 * <p>Stateless and thread-safe.
 */
final class CliText {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("io.reportbot.cli.messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private CliText() {
    }

    /** The text for {@code key} with {0}, {1}, ... filled in. */
    static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** A report line: the pattern for {@code key} is a {@link java.util.Formatter} pattern, filled under Locale.ROOT. */
    static String format(String key, Object... args) {
        return String.format(Locale.ROOT, BUNDLE.getString(key), args);
    }
}
