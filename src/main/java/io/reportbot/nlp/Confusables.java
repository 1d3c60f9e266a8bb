package io.reportbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.EngineLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds letters of other scripts that look like Latin ones (Cyrillic а, о, е, р, с; Greek ο …; the table is
 * {@code io/reportbot/nlp/confusables.json}) into Latin, but only inside words that are otherwise Latin, or in
 * words made only of look-alikes in a text that is mostly Latin: "Hоw mаny unicоrns?" becomes "How many
 * unicorns?", while a Russian question stays Russian. Fullwidth Latin letters and digits become ASCII.
 * Stateless after loading; thread-safe.
 */
public final class Confusables {

    private static final Map<Integer, String> MAP = load();
    /** The table's look-alikes, sorted, to tell quickly that a text has none. */
    private static final int[] KEYS = MAP.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    /** Below this character nothing is folded: no look-alike in the table and no fullwidth form is lower. */
    private static final int FIRST_FOLDED = Math.min(0xFF01, KEYS.length == 0 ? Integer.MAX_VALUE : KEYS[0]);

    private Confusables() {
    }

    private static Map<Integer, String> load() {
        try (InputStream in = Confusables.class.getResourceAsStream("confusables.json")) {
            if (in == null) {
                throw new EngineLoadException("the bundled confusables table is missing from the jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<Integer, String> m = new HashMap<>();
            root.path("map").fields().forEachRemaining(e -> m.put(e.getKey().codePointAt(0), e.getValue().asText()));
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new EngineLoadException("the bundled confusables table cannot be read: " + e.getMessage(), e);
        }
    }

    /** The text with look-alike letters folded to Latin where they stand among Latin letters. */
    public static String fold(String text) {
        if (text == null || text.isEmpty() || nothingToFold(text)) {
            return text; // no character the table or the fullwidth forms fold: every word stays as it is
        }
        String widthFolded = foldFullwidth(text);
        int latin = 0;
        int other = 0;
        for (int i = 0; i < widthFolded.length(); ) {
            int cp = widthFolded.codePointAt(i);
            if (Character.isLetter(cp)) {
                if (isLatin(cp)) {
                    latin++;
                } else if (!MAP.containsKey(cp)) {
                    other++;
                }
            }
            i += Character.charCount(cp);
        }
        boolean mostlyLatin = latin > 0 && latin >= other * 2;
        StringBuilder out = new StringBuilder(widthFolded.length());
        int i = 0;
        while (i < widthFolded.length()) {
            int start = i;
            while (i < widthFolded.length() && Character.isLetter(widthFolded.codePointAt(i))) {
                i += Character.charCount(widthFolded.codePointAt(i));
            }
            if (i > start) {
                out.append(foldWord(widthFolded.substring(start, i), mostlyLatin));
            } else {
                int cp = widthFolded.codePointAt(i);
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    private static String foldWord(String word, boolean mostlyLatin) {
        boolean hasLatin = false;
        boolean hasConfusable = false;
        boolean allConfusableOrLatin = true;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (isLatin(cp)) {
                hasLatin = true;
            } else if (MAP.containsKey(cp)) {
                hasConfusable = true;
            } else {
                allConfusableOrLatin = false;
            }
            i += Character.charCount(cp);
        }
        if (!hasConfusable || !allConfusableOrLatin || !(hasLatin || mostlyLatin)) {
            return word;
        }
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            String f = MAP.get(cp);
            if (f != null) {
                sb.append(f);
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** True when no character of the text is a look-alike of the table or a fullwidth form (surrogates: unsure). */
    private static boolean nothingToFold(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FIRST_FOLDED && (Character.isSurrogate(c) || c >= '\uFF01' && c <= '\uFF5E'
                    || java.util.Arrays.binarySearch(KEYS, c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLatin(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    private static String foldFullwidth(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                if (sb == null) {
                    sb = new StringBuilder(text.substring(0, i));
                }
                sb.append((char) (c - 0xFEE0));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
