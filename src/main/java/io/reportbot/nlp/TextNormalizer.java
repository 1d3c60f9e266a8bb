package io.reportbot.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one normalisation used for training and at run time: {@code Locale.ROOT} lower-casing, umlaut and
 * ß folding (so "Einhörner" and "Einhoerner" become the same token), accents stripped, punctuation and
 * symbols turned into spaces. Stateless and thread-safe.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** The normalised text: lower-case ASCII letters, digits and single spaces. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String decomposed = decomposable(lower) ? Normalizer.normalize(lower, Normalizer.Form.NFD) : lower;
        StringBuilder sb = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (keep) {
                sb.append(c);
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

    /**
     * Whether canonical decomposition (NFD) may change the text: only from U+00C0 on do characters have one
     * (and combining marks, which NFD reorders, start at U+0300), so a text below that is its own NFD.
     */
    static boolean decomposable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u00C0') {
                return true;
            }
        }
        return false;
    }

    /** The normalised tokens of a text. */
    public static List<String> tokens(String text) {
        String n = normalize(text);
        return n.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(n.split(" ")));
    }
}
