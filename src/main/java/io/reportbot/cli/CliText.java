package io.reportbot.cli;

import io.reportbot.core.Language;
import io.reportbot.text.TextBundle;
import java.text.MessageFormat;
import java.util.Locale;

/**
 * The command line's own wording (errors, notes, summaries), read from
 * {@code io/reportbot/cli/messages.properties} through {@link TextBundle} (its missing-key policy). The command line
 * speaks English whatever the JVM's default locale; answers to questions keep the engine's German or English wording.
 * Unlike the other bundles, these patterns are {@link MessageFormat}'s own (write {@code ''} for an apostrophe, quote
 * braces), filled in under {@link Locale#ROOT}, so pass numbers already formatted where grouping matters.
 *
 * <p>Stateless and thread-safe.
 */
final class CliText {

    private static final TextBundle BUNDLE = TextBundle.load("io.reportbot.cli.messages");

    private CliText() {
    }

    /** The text for {@code key} with {0}, {1}, ... filled in. */
    static String get(String key, Object... args) {
        String pattern = BUNDLE.get(Language.EN, key);
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** A report line: the pattern for {@code key} is a {@link java.util.Formatter} pattern, filled under Locale.ROOT. */
    static String format(String key, Object... args) {
        return String.format(Locale.ROOT, BUNDLE.get(Language.EN, key), args);
    }
}
