package io.reportbot.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text to Discord's length limits at clean places: a paragraph, a line, a sentence, a word, and
 * only as a last resort in the middle of a word (never inside a surrogate pair).
 *
 * <p>Stateless and thread-safe.
 */
final class TextLimits {
    /** Appended where text was cut off. */
    static final String ELLIPSIS = "…";

    private TextLimits() {
    }

    /** The text itself when it fits, otherwise its start cut at a clean place with "…" appended. */
    static String trim(String text, int max) {
        String t = text == null ? "" : text.strip();
        if (t.length() <= max) {
            return t;
        }
        if (max <= ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, Math.max(0, max));
        }
        int cut = cleanCut(t, max - ELLIPSIS.length());
        return t.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /**
     * Splits text into parts of at most {@code max} characters each, cut at clean places; the parts,
     * joined with a line break, hold all the text (whitespace at the cuts aside).
     */
    static List<String> split(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        List<String> parts = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > max) {
            int cut = cleanCut(rest, max);
            String part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Where to cut {@code t} so that the first part has at most {@code max} characters and ends cleanly. */
    private static int cleanCut(String t, int max) {
        int floor = max / 2; // never cut so early that the part becomes needlessly short
        int at = t.lastIndexOf("\n\n", max);
        if (at >= floor) {
            return at;
        }
        at = t.lastIndexOf('\n', max);
        if (at >= floor) {
            return at;
        }
        for (int i = Math.min(max, t.length() - 1); i >= floor; i--) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) && i > 0 && ".!?…:;".indexOf(t.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        for (int i = Math.min(max, t.length() - 1); i >= floor; i--) {
            if (Character.isWhitespace(t.charAt(i))) {
                return i;
            }
        }
        int cut = max;
        if (cut > 0 && cut < t.length() && Character.isHighSurrogate(t.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }
}
