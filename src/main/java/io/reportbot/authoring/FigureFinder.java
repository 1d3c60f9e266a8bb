package io.reportbot.authoring;

import io.reportbot.core.Language;
import io.reportbot.report.Qualifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures of a tokenized sentence with their qualifier ("mehr als", "about"), scale ("Milliarden",
 * "billion") and unit (a currency, percent, percentage points, a multiple, or a count), and the years it names.
 * Numbers that are part of a name ("GPT-4") and years are not figures. Rules, not a model: what they can't tell
 * is left to the person who fills in the draft. Stateless and thread-safe.
 */
public final class FigureFinder {

    /**
     * A figure as found.
     *
     * @param value     at full magnitude (67.2 billion is 67200000000)
     * @param unit      a currency code, {@code percent}, {@code points}, {@code times} or {@code count}
     * @param qualifier how exact the sentence is about it
     * @param start     where its words start in the sentence (qualifier included)
     * @param end       where they end (unit included)
     */
    public record Found(double value, String unit, Qualifier qualifier, int start, int end) {
    }

    /** What a sentence holds: its figures and the years it names. */
    public record Result(List<Found> figures, List<Integer> years) {
    }

    private static final Pattern NUMBER = Pattern.compile("([$€¥£]|US\\$)?(\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)(%)?");
    private static final Map<String, Double> WORDS = Map.ofEntries(
            Map.entry("one", 1.0), Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0),
            Map.entry("five", 5.0), Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0),
            Map.entry("nine", 9.0), Map.entry("ten", 10.0), Map.entry("twelve", 12.0), Map.entry("twenty", 20.0),
            Map.entry("thirty", 30.0), Map.entry("fifty", 50.0), Map.entry("hundred", 100.0),
            Map.entry("zwei", 2.0), Map.entry("drei", 3.0), Map.entry("vier", 4.0), Map.entry("fünf", 5.0),
            Map.entry("sechs", 6.0), Map.entry("sieben", 7.0), Map.entry("acht", 8.0), Map.entry("neun", 9.0),
            Map.entry("zehn", 10.0), Map.entry("zwölf", 12.0), Map.entry("zwanzig", 20.0), Map.entry("dreißig", 30.0),
            Map.entry("vierzig", 40.0), Map.entry("fünfzig", 50.0), Map.entry("hundert", 100.0));
    private static final Map<String, Double> FRACTIONS = Map.of("hälfte", 50.0, "half", 50.0, "viertel", 25.0,
            "quarter", 25.0, "drittel", 100.0 / 3, "third", 100.0 / 3);
    private static final Map<String, Double> SCALE_DE = Map.of("million", 1e6, "millionen", 1e6, "mio", 1e6,
            "milliarde", 1e9, "milliarden", 1e9, "mrd", 1e9, "billion", 1e12, "billionen", 1e12);
    private static final Map<String, Double> SCALE_EN = Map.of("million", 1e6, "millions", 1e6, "billion", 1e9,
            "billions", 1e9, "bn", 1e9, "trillion", 1e12, "trillions", 1e12);
    private static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(Map.entry("yuan", "CNY"),
            Map.entry("rmb", "CNY"), Map.entry("renminbi", "CNY"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"),
            Map.entry("eur", "EUR"), Map.entry("dollar", "USD"), Map.entry("dollars", "USD"), Map.entry("usd", "USD"),
            Map.entry("us-dollar", "USD"), Map.entry("pfund", "GBP"), Map.entry("pounds", "GBP"), Map.entry("yen", "JPY"));
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "US$", "USD", "€", "EUR", "¥", "CNY", "£", "GBP");
    private static final Set<String> PERCENT = Set.of("%", "prozent", "percent", "pct");
    private static final Set<String> POINTS = Set.of("prozentpunkte", "prozentpunkten", "prozentpunkt");
    private static final Set<String> TIMES = Set.of("times", "mal", "-mal", "fold", "-fold");
    private static final Map<String, Qualifier> BEFORE = Map.ofEntries(
            Map.entry("more than", Qualifier.MORE_THAN), Map.entry("over", Qualifier.MORE_THAN),
            Map.entry("above", Qualifier.MORE_THAN), Map.entry("upwards of", Qualifier.MORE_THAN),
            Map.entry("mehr als", Qualifier.MORE_THAN), Map.entry("über", Qualifier.MORE_THAN),
            Map.entry("less than", Qualifier.LESS_THAN), Map.entry("fewer than", Qualifier.LESS_THAN),
            Map.entry("under", Qualifier.LESS_THAN), Map.entry("below", Qualifier.LESS_THAN),
            Map.entry("weniger als", Qualifier.LESS_THAN), Map.entry("unter", Qualifier.LESS_THAN),
            Map.entry("about", Qualifier.ABOUT), Map.entry("around", Qualifier.ABOUT), Map.entry("roughly", Qualifier.ABOUT),
            Map.entry("nearly", Qualifier.ABOUT), Map.entry("almost", Qualifier.ABOUT),
            Map.entry("approximately", Qualifier.ABOUT), Map.entry("some", Qualifier.ABOUT),
            Map.entry("an estimated", Qualifier.ABOUT), Map.entry("rund", Qualifier.ABOUT), Map.entry("etwa", Qualifier.ABOUT),
            Map.entry("circa", Qualifier.ABOUT), Map.entry("ca.", Qualifier.ABOUT), Map.entry("fast", Qualifier.ABOUT),
            Map.entry("knapp", Qualifier.ABOUT), Map.entry("nahezu", Qualifier.ABOUT), Map.entry("ungefähr", Qualifier.ABOUT),
            Map.entry("annähernd", Qualifier.ABOUT), Map.entry("at least", Qualifier.AT_LEAST),
            Map.entry("mindestens", Qualifier.AT_LEAST), Map.entry("wenigstens", Qualifier.AT_LEAST));
    /** Verbs after a figure that make it a lower bound: "… 300 Milliarden Yuan überschreiten". */
    private static final Set<String> EXCEED = Set.of("überschreiten", "überschreitet", "übersteigen", "übersteigt",
            "übertreffen", "übertrifft", "exceed", "exceeds", "exceeded", "surpass", "surpassed");
    private static final Set<String> ARTICLES = Set.of("die", "der", "das", "the", "a", "an", "ein", "eine");

    private FigureFinder() {
    }

    /** The figures and years of one sentence. */
    public static Result find(TextModels.Sentence s, Language language) {
        List<String> tokens = s.tokens();
        List<String> lower = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        List<Found> found = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            int start = s.spans().get(i).getStart();
            Double value = null;
            String unit = null;
            boolean fraction = false;
            Matcher m = NUMBER.matcher(tok);
            if (m.matches()) {
                if (start > 0 && s.text().charAt(start - 1) == '-' && start > 1
                        && Character.isLetter(s.text().charAt(start - 2))) {
                    continue; // "GPT-4": part of a name
                }
                value = Figures.parse(m.group(2), language.code());
                if (m.group(1) != null) {
                    unit = SYMBOLS.get(m.group(1));
                }
                if (m.group(3) != null) {
                    unit = "percent";
                }
            } else if (WORDS.containsKey(lower.get(i))) {
                value = WORDS.get(lower.get(i));
            } else if (FRACTIONS.containsKey(lower.get(i))) {
                value = FRACTIONS.get(lower.get(i));
                unit = "percent";
                fraction = true;
            }
            if (value == null) {
                continue;
            }
            int end = s.spans().get(i).getEnd();
            int first = i;
            if (unit == null && i > 0 && SYMBOLS.containsKey(tokens.get(i - 1))) {
                unit = SYMBOLS.get(tokens.get(i - 1));
                first = i - 1;
            }
            int j = i + 1;
            Map<String, Double> scales = language == Language.DE ? SCALE_DE : SCALE_EN;
            if (j < tokens.size() && scales.containsKey(stripDot(lower.get(j)))) {
                value = new java.math.BigDecimal(String.valueOf(value))
                        .multiply(java.math.BigDecimal.valueOf(scales.get(stripDot(lower.get(j))))).doubleValue();
                end = s.spans().get(j).getEnd();
                j++;
            }
            if (unit == null && j < tokens.size()) {
                String next = lower.get(j);
                String next2 = j + 1 < tokens.size() ? next + " " + lower.get(j + 1) : next;
                if (PERCENT.contains(next) || next2.equals("per cent")) {
                    unit = "percent";
                } else if (POINTS.contains(next) || next2.startsWith("percentage point")) {
                    unit = "points";
                    if (next2.startsWith("percentage point")) {
                        j++;
                    }
                } else if (TIMES.contains(next)) {
                    unit = "times";
                } else if (CURRENCY_WORDS.containsKey(next)) {
                    unit = CURRENCY_WORDS.get(next);
                } else if (next.equals("us") && j + 1 < tokens.size() && lower.get(j + 1).startsWith("dollar")) {
                    unit = "USD";
                    j++;
                }
                if (unit != null) {
                    end = s.spans().get(j).getEnd();
                }
            }
            if (unit == null && !fraction && value >= 1900 && value <= 2099 && value == Math.rint(value)
                    && tok.matches("\\d{4}")) {
                years.add(value.intValue());
                continue;
            }
            unit = unit == null ? "count" : unit;
            Qualifier q = Qualifier.EXACT;
            int k = first - 1;
            while (k >= 0 && ARTICLES.contains(lower.get(k))) {
                k--;
            }
            for (int w = 2; w >= 1; w--) {
                if (k - w + 1 < 0) {
                    continue;
                }
                String phrase = String.join(" ", lower.subList(k - w + 1, k + 1));
                if (BEFORE.containsKey(phrase)) {
                    q = BEFORE.get(phrase);
                    start = s.spans().get(k - w + 1).getStart();
                    break;
                }
            }
            if (q == Qualifier.EXACT) {
                for (int a = i + 1; a < Math.min(tokens.size(), i + 12); a++) {
                    if (EXCEED.contains(lower.get(a))) {
                        q = Qualifier.MORE_THAN;
                        break;
                    }
                }
            }
            found.add(new Found(value, unit, q, Math.min(start, s.spans().get(first).getStart()), end));
        }
        // a conversion in brackets shares the bound of the amount before it: "rund 32 Milliarden Yuan (4,2 Milliarden Euro)"
        for (int n = 1; n < found.size(); n++) {
            Found before = found.get(n - 1);
            Found f = found.get(n);
            String between = s.text().substring(Math.min(before.end(), f.start()), f.start()).strip();
            if (between.equals("(") && isMoney(before.unit()) && isMoney(f.unit()) && f.qualifier() == Qualifier.EXACT) {
                found.set(n, new Found(f.value(), f.unit(), before.qualifier(), f.start(), f.end()));
            }
        }
        return new Result(found, years);
    }

    private static boolean isMoney(String unit) {
        return !io.reportbot.report.Value.PLAIN_UNITS.contains(unit);
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
