package io.reportbot.store;

import java.util.Locale;

/** What became of a kept question. {@link #OPEN} until someone acts on it in the inbox. */
public enum Status {
    OPEN, ADDED, OUT_OF_SCOPE, DISMISSED;

    /** The word stored in the database. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
