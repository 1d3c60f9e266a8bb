package io.reportbot.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
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
        return simple(text) ? normalizeSimple(text) : normalizeFully(text);
    }

    /**
     * Whether every character is below U+00C0 or one of ä, ö, ü, ß, Ä, Ö, Ü: for those, lower-casing is
     * per character, the folds give ASCII, nothing decomposes and nothing is a combining mark, so one pass
     * ({@link #normalizeSimple}) gives what {@link #normalizeFully} gives (TextNormalizerTest compares them).
     */
    static boolean simple(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u00C0' && fold(c) == null) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII an umlaut or ß folds to (upper-case umlauts as their lower-case ones), else null. */
    private static String fold(char c) {
        return switch (c) {
            case '\u00E4', '\u00C4' -> "ae";
            case '\u00F6', '\u00D6' -> "oe";
            case '\u00FC', '\u00DC' -> "ue";
            case '\u00DF' -> "ss";
            default -> null;
        };
    }

    /** {@link #normalize} in one pass, for a text that is {@link #simple}. */
    static String normalizeSimple(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                space = false;
            } else if (c >= '\u00C0') {
                sb.append(fold(c));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

    /** {@link #normalize} for any text, step by step. */
    static String normalizeFully(String text) {
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
        if (n.isEmpty()) {
            return List.of();
        }
        // n has single spaces between tokens and none at either end
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = n.indexOf(' '); i >= 0; i = n.indexOf(' ', start)) {
            tokens.add(n.substring(start, i));
            start = i + 1;
        }
        tokens.add(n.substring(start));
        return tokens;
    }
}
