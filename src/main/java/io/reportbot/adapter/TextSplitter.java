package io.reportbot.adapter;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts text to a platform's length limit at clean places: a paragraph, a line, the end of a sentence, a word, and only
 * as a last resort inside a word, and then never inside a user-perceived character (a grapheme cluster: a letter with
 * its combining accents, an emoji with its skin tone, variation selector or zero-width-joiner sequence, a flag of two
 * regional indicators, a keycap), so never inside a surrogate pair either. The limit is the caller's (Telegram's 4,096,
 * Discord's 4,096 for an embed, 64 for an inline title …) and counts UTF-16 units, as both platforms do.
 *
 * <pre>{@code
 * TextSplitter.split(answer, 4096);     // every part at most 4,096 long; nothing lost but whitespace at the cuts
 * TextSplitter.shorten(question, 64);   // the question, or its start with "…", at most 64 long
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TextSplitter {
    /** Appended where text was cut off. */
    public static final String ELLIPSIS = "…";
    private static final int ZWJ = 0x200D;
    private static final int KEYCAP = 0x20E3;

    /** A part of a text: {@code [start, end)} in UTF-16 units. */
    public record Range(int start, int end) {
    }

    private TextSplitter() {
    }

    /**
     * Where to cut a text into parts of at most {@code limit} units each, at the best boundary available; whitespace at
     * the cuts (and at both ends) is left out of the parts, nothing else is lost. Blank text has no parts.
     *
     * @throws IllegalArgumentException when {@code limit} is below 2 (an emoji needs two units)
     */
    public static List<Range> ranges(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        List<Range> out = new ArrayList<>();
        int s = skipSpace(text, 0);
        while (s < text.length()) {
            int end = text.length() - s <= limit ? text.length() : cut(text, s, s + limit, s + limit / 3);
            int e = end;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                out.add(new Range(s, e));
            }
            s = skipSpace(text, end);
        }
        return out;
    }

    /**
     * The text in parts of at most {@code limit} units each, cut at clean places; the parts joined with the whitespace
     * at the cuts give the text again. Never empty: blank (or null) text gives one empty part.
     */
    public static List<String> split(String text, int limit) {
        String t = text == null ? "" : text;
        List<String> parts = new ArrayList<>();
        for (Range r : ranges(t, limit)) {
            parts.add(t.substring(r.start(), r.end()));
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return parts;
    }

    /**
     * The text (stripped) when it has at most {@code limit} units, else its start cut at a clean place, with
     * {@value #ELLIPSIS} appended, at most {@code limit} long. Null gives "".
     */
    public static String shorten(String text, int limit) {
        String t = text == null ? "" : text.strip();
        if (t.length() <= limit) {
            return t;
        }
        if (limit < 2) {
            return ELLIPSIS.substring(0, Math.max(0, limit));
        }
        int max = limit - ELLIPSIS.length();
        return t.substring(0, cut(t, 0, max, max / 3)).stripTrailing() + ELLIPSIS;
    }

    /**
     * The best place at or before {@code max} (greater than {@code start}) to end a part that begins at {@code start}:
     * a paragraph, a line, a sentence end or a word boundary at or after {@code min}, else the last grapheme boundary,
     * else (one grapheme longer than the limit) the last code point boundary.
     */
    private static int cut(String v, int start, int max, int min) {
        int i = v.lastIndexOf("\n\n", max);
        if (i >= min && i > start) {
            return i;
        }
        i = v.lastIndexOf('\n', max);
        if (i >= min && i > start) {
            return i;
        }
        for (i = max; i >= min && i > start; i--) {
            if (Character.isWhitespace(v.charAt(i)) && ".!?…:;".indexOf(v.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        for (i = max; i >= min && i > start; i--) {
            if (Character.isWhitespace(v.charAt(i))) {
                return i;
            }
        }
        int b = graphemeBoundaryAtOrBefore(v, max);
        if (b > start) {
            return b;
        }
        return Character.isLowSurrogate(v.charAt(max)) && Character.isHighSurrogate(v.charAt(max - 1)) ? max - 1 : max;
    }

    private static int skipSpace(String v, int i) {
        while (i < v.length() && Character.isWhitespace(v.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The last grapheme boundary at or before {@code index}, but at least 0. */
    static int graphemeBoundaryAtOrBefore(String text, int index) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        int b = it.isBoundary(index) ? index : it.preceding(index);
        while (b > 0 && joins(text, b)) {
            b = it.preceding(b);
        }
        return Math.max(0, b);
    }

    /**
     * True when the characters either side of {@code i} belong to one emoji sequence or accented letter (Java 17's
     * {@link BreakIterator} handles pairs and combining marks; the emoji sequences are checked here as well).
     */
    private static boolean joins(String text, int i) {
        if (i <= 0 || i >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(i);
        int after = text.codePointAt(i);
        if (before == ZWJ || after == ZWJ || after == KEYCAP) {
            return true;
        }
        if (after >= 0xFE00 && after <= 0xFE0F || after >= 0x1F3FB && after <= 0x1F3FF
                || after >= 0xE0020 && after <= 0xE007F) {
            return true; // variation selectors, skin tones, tag characters (subdivision flags)
        }
        int type = Character.getType(after);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return true;
        }
        if (isRegional(before) && isRegional(after)) {
            // a flag is a pair: the cut is inside one when an odd number of regional indicators precede it
            int n = 0;
            for (int j = i; j > 0 && isRegional(text.codePointBefore(j)); j -= Character.charCount(text.codePointBefore(j))) {
                n++;
            }
            return n % 2 == 1;
        }
        return false;
    }

    private static boolean isRegional(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }
}
