package io.reportbot.core;

import java.util.Locale;
import java.util.Optional;

/** The languages reportbot understands and answers in. */
public enum Language {
    DE(Locale.GERMAN),
    EN(Locale.ENGLISH);

    /**
     * The language for a user whose platform locale is missing or one reportbot does not speak (e.g. {@code fr}):
     * English, on every platform. It applies to the adapters' own texts and to an answer whose question does not show
     * its language; a question's own language always wins.
     */
    public static final Language FOR_UNKNOWN_LOCALE = EN;

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
        return parse(code);
    }

    /** The language for a platform locale: {@link #fromCode}, else {@link #FOR_UNKNOWN_LOCALE}. */
    public static Language ofLocale(String code) {
        return parse(code).orElse(FOR_UNKNOWN_LOCALE);
    }

    private static Optional<Language> parse(String code) {
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
