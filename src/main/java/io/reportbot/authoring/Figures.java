package io.reportbot.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a sentence writes, as values: digits in the sentence's language's notation ("2.400" and "39,2"
 * in German, "1,812" and "67.2" in English), the small number words ("one", "dreißig") and fractions as the
 * percentage they state ("die Hälfte" = 50). Stateless and thread-safe.
 */
public final class Figures {

    /** A number as written, with its position. */
    public record Written(double value, String text, int start, int end) {
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d+)?(?![\\d])"
            + "|(?<![\\p{L}\\d])\\d+(?:[.,]\\d+)?(?![\\d])");
    private static final Map<String, Double> WORDS = Map.ofEntries(
            Map.entry("one", 1.0), Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0),
            Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0),
            Map.entry("eleven", 11.0), Map.entry("twelve", 12.0), Map.entry("eins", 1.0), Map.entry("zwei", 2.0),
            Map.entry("drei", 3.0), Map.entry("vier", 4.0), Map.entry("fünf", 5.0), Map.entry("sechs", 6.0),
            Map.entry("sieben", 7.0), Map.entry("acht", 8.0), Map.entry("neun", 9.0), Map.entry("zehn", 10.0),
            Map.entry("elf", 11.0), Map.entry("zwölf", 12.0), Map.entry("twenty", 20.0), Map.entry("thirty", 30.0),
            Map.entry("forty", 40.0), Map.entry("fifty", 50.0), Map.entry("hundred", 100.0), Map.entry("zwanzig", 20.0),
            Map.entry("dreißig", 30.0), Map.entry("vierzig", 40.0), Map.entry("fünfzig", 50.0), Map.entry("hundert", 100.0),
            // fractions, as the percentage they state ("mehr als die Hälfte" is a share of more than 50 %)
            Map.entry("hälfte", 50.0), Map.entry("half", 50.0), Map.entry("viertel", 25.0), Map.entry("quarter", 25.0),
            Map.entry("drittel", 100.0 / 3), Map.entry("third", 100.0 / 3));
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}])(" + String.join("|", WORDS.keySet()) + ")(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Figures() {
    }

    /**
     * Every number a text writes, in order.
     *
     * @param language {@code de} or {@code en}: which of "," and "." is the decimal mark; null to guess (a
     *                 single separator before exactly three digits is a thousands separator)
     * @param words    whether number words count ("one" in "from just one to 25")
     */
    public static List<Written> in(String text, String language, boolean words) {
        List<Written> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            Double v = parse(m.group(), language);
            if (v != null) {
                out.add(new Written(v, m.group(), m.start(), m.end()));
            }
        }
        if (words) {
            Matcher w = WORD.matcher(text);
            while (w.find()) {
                out.add(new Written(WORDS.get(w.group(1).toLowerCase(Locale.ROOT)), w.group(), w.start(), w.end()));
            }
            out.sort(java.util.Comparator.comparingInt(Written::start));
        }
        return out;
    }

    static Double parse(String raw, String language) {
        String s = raw;
        char decimal;
        if ("de".equals(language)) {
            decimal = ',';
        } else if ("en".equals(language)) {
            decimal = '.';
        } else {
            int dots = count(s, '.');
            int commas = count(s, ',');
            if (dots > 0 && commas > 0) {
                decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
            } else {
                char sep = dots > 0 ? '.' : ',';
                String[] parts = s.split(Pattern.quote(String.valueOf(sep)));
                boolean thousands = parts.length > 2 || parts.length == 2 && parts[1].length() == 3;
                decimal = thousands ? (sep == '.' ? ',' : '.') : sep;
            }
        }
        char thousands = decimal == '.' ? ',' : '.';
        s = s.replace(String.valueOf(thousands), "").replace(decimal, '.');
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    /** Whether two figures are the same within rounding (39.2 and 39.20; 300 and 300.0). */
    public static boolean same(double a, double b) {
        return Math.abs(a - b) <= Math.max(1e-9, Math.abs(a) * 0.0005);
    }
}
