package io.reportbot.answer;

import io.reportbot.core.Language;
import io.reportbot.text.TextBundle;

/**
 * The engine's own wording (qualifiers, units, computed-value sentences, fallbacks, small talk) from the
 * resource bundles {@code io/reportbot/answer/wording_de.properties} and {@code _en}, read through
 * {@link TextBundle} (its pattern convention and missing-key policy). Immutable and thread-safe.
 */
public final class Wording {

    private final TextBundle bundle = TextBundle.load("io.reportbot.answer.wording");

    /** The text for a key, as written; a missing key never fails an answer (see {@link TextBundle#get}). */
    public String get(Language language, String key) {
        return bundle.get(language, key);
    }

    /** Whether a key exists in that language. */
    public boolean has(Language language, String key) {
        return bundle.has(language, key);
    }

    /** The text for a key with {0}, {1}, … filled in (arguments are inserted as given, never interpreted). */
    public String format(Language language, String key, Object... args) {
        return bundle.format(language, key, args);
    }
}
