package io.reportbot.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How exact the report is about a figure: "mehr als 2.400", "rund 32 Milliarden", "36". */
public enum Qualifier {
    EXACT, MORE_THAN, ABOUT, LESS_THAN, AT_LEAST;

    @JsonCreator
    static Qualifier parse(String s) {
        return s == null ? EXACT : valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** The key of this qualifier's wording in the answer bundles. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The qualifier of a value derived by dividing by a value with this qualifier: a lower bound becomes
     * an upper bound ("more than half" → "fewer than twice as many").
     */
    public Qualifier inverted() {
        return switch (this) {
            case MORE_THAN, AT_LEAST -> LESS_THAN;
            case LESS_THAN -> MORE_THAN;
            default -> this;
        };
    }
}
