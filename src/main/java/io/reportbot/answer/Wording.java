package io.reportbot.answer;

import io.reportbot.core.Language;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The engine's own wording (qualifiers, units, computed-value sentences, fallbacks, small talk) from the
 * resource bundles {@code io/reportbot/answer/wording_de.properties} and {@code _en}. Immutable (each thread
 * keeps the message formats it has made) and thread-safe.
 */
public final class Wording {

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);
    /**
     * Per thread (a {@link MessageFormat} is not thread-safe), the formats made so far, by language and key: the
     * keys are the bundles' and the engine's own, so the map stays small.
     */
    private final ThreadLocal<Map<Language, Map<String, MessageFormat>>> formats =
            ThreadLocal.withInitial(() -> new EnumMap<>(Language.class));

    public Wording() {
        for (Language l : Language.values()) {
            bundles.put(l, ResourceBundle.getBundle("io.reportbot.answer.wording", l.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    /** The text for a key; a missing key shows as the key itself rather than failing an answer. */
    public String get(Language language, String key) {
        try {
            return bundles.get(language).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Whether a key exists in that language. */
    public boolean has(Language language, String key) {
        return bundles.get(language).containsKey(key);
    }

    /** The text for a key with {0}, {1}, … filled in (arguments are inserted as given, never interpreted). */
    public String format(Language language, String key, Object... args) {
        MessageFormat mf = formats.get().computeIfAbsent(language, l -> new java.util.HashMap<>())
                .computeIfAbsent(key, k -> new MessageFormat(get(language, k).replace("'", "''"), language.locale()));
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = String.valueOf(args[i]);
        }
        return mf.format(safe);
    }
}
