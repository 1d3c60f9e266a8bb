package io.reportbot.text;

import io.reportbot.core.Language;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wording in German and English read from resource bundles ({@code <name>_de.properties}, {@code <name>_en.properties},
 * and a base {@code <name>.properties} where there is one), with one policy for a key that is missing: the language's
 * own bundle, then the base bundle, then the {@linkplain #FALLBACK English} text, and failing all three the key in
 * brackets ({@code [help.title]}); each missing key is logged once, at WARN. A missing key never fails an answer. The
 * JVM's default locale plays no part.
 *
 * <p>One pattern convention for every bundle: {@code {0}}, {@code {1}}, … are placeholders, filled in with the
 * arguments as text (a number is not reformatted); an apostrophe is an apostrophe (no {@code ''}).
 *
 * <pre>{@code
 * TextBundle texts = TextBundle.load("io.reportbot.telegram.messages");
 * texts.format(Language.DE, "ask.empty", "Wie viele Einhörner gibt es?");
 * }</pre>
 *
 * <p>Immutable but for the record of keys already logged; thread-safe.
 */
public final class TextBundle {
    private static final Logger LOG = LoggerFactory.getLogger(TextBundle.class);

    /** The language whose text stands in for a key missing in another. */
    public static final Language FALLBACK = Language.EN;

    private final String name;
    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    /** Parsed patterns by language and pattern text (never handed out: {@link #parsed} copies them). */
    private final Map<Language, Map<String, MessageFormat>> formats = new EnumMap<>(Language.class);

    private TextBundle(String name) {
        this.name = name;
        ResourceBundle.Control noDefaultLocale = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language l : Language.values()) {
            formats.put(l, new ConcurrentHashMap<>());
            try {
                bundles.put(l, ResourceBundle.getBundle(name, l.locale(), noDefaultLocale));
            } catch (MissingResourceException e) {
                throw new IllegalStateException("no wording " + name + " for " + l.code() + " (nor a base bundle)", e);
            }
        }
    }

    /**
     * Loads a bundle by its base name, e.g. {@code io.reportbot.discord.messages}.
     *
     * @throws IllegalStateException when a language has neither its own nor a base properties file
     */
    public static TextBundle load(String baseName) {
        return new TextBundle(baseName);
    }

    /** The text for a key as written in the bundle (placeholders left as they are), by the missing-key policy. */
    public String get(Language language, String key) {
        ResourceBundle own = bundles.get(language);
        if (own.containsKey(key)) {
            return own.getString(key);
        }
        ResourceBundle fallback = bundles.get(FALLBACK);
        if (fallback.containsKey(key)) {
            warnOnce(language, key, "is missing in {} ({}): showing the " + FALLBACK.code() + " text");
            return fallback.getString(key);
        }
        warnOnce(language, key, "is missing in {} ({}): showing it in brackets");
        return "[" + key + "]";
    }

    /** The text for a key with {@code {0}}, {@code {1}}, … filled in by the arguments as text. */
    public String format(Language language, String key, Object... args) {
        String pattern = get(language, key);
        if (args.length == 0 && pattern.indexOf('{') < 0) {
            return pattern;
        }
        Object[] asText = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            asText[i] = String.valueOf(args[i]);
        }
        try {
            return parsed(language, pattern).format(asText);
        } catch (IllegalArgumentException e) { // a brace that is no placeholder: show the text as written
            warnOnce(language, key, "in {} ({}) has a brace that is no placeholder: showing it unformatted");
            return pattern;
        }
    }

    /**
     * A pattern's MessageFormat, parsed once and copied per use (a MessageFormat is not thread-safe; copying it
     * is much cheaper than parsing the pattern again).
     */
    private MessageFormat parsed(Language language, String pattern) {
        MessageFormat f = formats.get(language).get(pattern);
        if (f == null) {
            f = new MessageFormat(pattern.replace("'", "''"), language.locale()); // may throw: nothing cached
            formats.get(language).putIfAbsent(pattern, f);
        }
        return (MessageFormat) f.clone();
    }

    /** Whether the language's own bundle (or the base bundle) has the key; the English fallback does not count. */
    public boolean has(Language language, String key) {
        return bundles.get(language).containsKey(key);
    }

    /** The bundle's base name. */
    public String name() {
        return name;
    }

    private void warnOnce(Language language, String key, String what) {
        if (reported.add(language.code() + ":" + key)) {
            LOG.warn("wording key '{}' " + what, key, name, language.code());
        }
    }
}
