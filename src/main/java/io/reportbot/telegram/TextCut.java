package io.reportbot.telegram;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Shortens text for a field with a length limit (inline result titles and descriptions) without cutting a character
 * apart: never inside a surrogate pair, and never inside a user-perceived character (a grapheme cluster: a letter
 * with its combining accents, an emoji with its skin tone, variation selector or zero-width-joiner sequence, a flag
 * of two regional indicators, a keycap). Java 17's {@link BreakIterator} handles pairs and combining marks; the
 * emoji sequences are checked here as well.
 *
 * <p>Stateless and thread-safe.
 */
final class TextCut {
    private static final int ZWJ = 0x200D;
    private static final int KEYCAP = 0x20E3;

    private TextCut() {
    }

    /**
     * {@code text} itself when it has at most {@code max} UTF-16 units, else its longest start that ends on a
     * grapheme boundary and leaves room for "…", followed by "…".
     */
    static String shorten(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max too small: " + max);
        }
        if (text.length() <= max) {
            return text;
        }
        int cut = boundaryAtOrBefore(text, max - 1);
        return text.substring(0, cut).stripTrailing() + "…";
    }

    /** The last grapheme boundary at or before {@code index}, but at least 0. */
    static int boundaryAtOrBefore(String text, int index) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        int b = it.isBoundary(index) ? index : it.preceding(index);
        while (b > 0 && joins(text, b)) {
            b = it.preceding(b);
        }
        return Math.max(0, b);
    }

    /** True when the characters either side of {@code i} belong to one emoji sequence. */
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
