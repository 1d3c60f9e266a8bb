package io.reportbot.config;

import java.util.Locale;
import java.util.Optional;

/**
 * One setting of the configuration file: its name, what kind of value it takes, its default and the environment
 * variable that overrides it.
 *
 * @param name        the property key, e.g. {@code telegram.rateLimit.chat.questions}
 * @param type        the kind of value, checked at start-up
 * @param defaultText the default as documented (empty: no default, the setting is off or comes from elsewhere)
 * @param env         the environment variable that wins over the file, if any
 * @param min         the smallest allowed number (for {@link Type#INT})
 * @param max         the largest allowed number (for {@link Type#INT})
 */
public record Key(String name, Type type, String defaultText, Optional<String> env, long min, long max) {

    /** The kinds of values a key takes. */
    public enum Type {
        /** Any text. */
        STRING,
        /** A secret such as a token: only from the environment or a file readable by its owner alone. */
        SECRET,
        /** A whole number between {@code min} and {@code max}. */
        INT,
        /** A decimal number between 0 and 1. */
        FRACTION,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** An existing, readable file. */
        FILE,
        /** An existing folder. */
        DIR,
        /** An existing folder or file. */
        PATH,
        /** A file that may not exist yet, in an existing folder. */
        NEW_FILE,
        /** Numeric ids separated by commas. */
        ID_LIST,
        /** {@code text} or {@code json}. */
        LOG_FORMAT
    }

    static Key of(String name, Type type, String dflt) {
        return new Key(name, type, dflt, Optional.ofNullable(reportbotEnv(name)), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    static Key integer(String name, long dflt, long min, long max) {
        return new Key(name, Type.INT, Long.toString(dflt), Optional.ofNullable(reportbotEnv(name)), min, max);
    }

    Key withEnv(String variable) {
        return new Key(name, type, defaultText, Optional.of(variable), min, max);
    }

    /**
     * The documented mapping for {@code reportbot.*} keys: drop {@code reportbot.}, split camelCase words and dots
     * with {@code _}, upper-case, prefix {@code REPORTBOT_}: {@code reportbot.unansweredLog} →
     * {@code REPORTBOT_UNANSWERED_LOG}, {@code reportbot.metrics.port} → {@code REPORTBOT_METRICS_PORT}. Other keys
     * have no such mapping (null).
     */
    public static String reportbotEnv(String key) {
        if (!key.startsWith("reportbot.")) {
            return null;
        }
        String rest = key.substring("reportbot.".length());
        return "REPORTBOT_" + rest.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
