package io.reportbot.core;

import java.util.Locale;
import java.util.Optional;

/** The languages reportbot understands and answers in. */
public enum Language {
    DE(Locale.GERMAN),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The locale used for wording and number formatting in this language. */
    public Locale locale() {
        return locale;
    }

    /** "de" or "en". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Maps a platform's locale or language code ("de", "de-AT", "en_GB", "EN") to a language;
     * empty for anything else, including {@code null}.
     */
    public static Optional<Language> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        if (c.startsWith("de")) {
            return Optional.of(DE);
        }
        if (c.startsWith("en")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }
}
