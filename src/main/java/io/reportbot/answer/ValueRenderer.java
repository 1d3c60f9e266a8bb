package io.reportbot.answer;

import io.reportbot.core.Language;
import io.reportbot.report.Qualifier;
import io.reportbot.report.Rate;
import io.reportbot.report.Report;
import io.reportbot.report.Text;
import io.reportbot.report.Value;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a fact's figures into its answer template: {@code {key}} is qualifier + number + unit (and, for
 * yuan with a euro figure from the report, the euro in brackets), {@code {key.bare}} without qualifier or
 * euro, {@code {key.eur}} the euro figure, {@code {key.yoy}} and {@code {key.share}} the percentages.
 * Immutable and thread-safe.
 */
public final class ValueRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)(?:\\.([a-z]+))?}");

    private final Wording wording;
    private final NumberFormatter numbers;
    private final Map<String, Text> currencies;

    public ValueRenderer(Wording wording, NumberFormatter numbers, Report report) {
        this.wording = wording;
        this.numbers = numbers;
        this.currencies = report.currencies();
    }

    /** A template with every placeholder filled in. */
    public String fill(String template, Map<String, Value> values, Language language) {
        int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        // finds what PLACEHOLDER finds, left to right, without a regex (ValueRendererTest compares the two)
        StringBuilder sb = new StringBuilder(template.length() + 32);
        int copied = 0;
        for (; open >= 0; open = template.indexOf('{', open + 1)) {
            int nameEnd = open + 1;
            while (nameEnd < template.length() && nameChar(template.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == open + 1 || nameEnd == template.length()) {
                continue;
            }
            int close;
            String part = null;
            if (template.charAt(nameEnd) == '}') {
                close = nameEnd;
            } else if (template.charAt(nameEnd) == '.') {
                int partEnd = nameEnd + 1;
                while (partEnd < template.length() && template.charAt(partEnd) >= 'a' && template.charAt(partEnd) <= 'z') {
                    partEnd++;
                }
                if (partEnd == nameEnd + 1 || partEnd == template.length() || template.charAt(partEnd) != '}') {
                    continue;
                }
                part = template.substring(nameEnd + 1, partEnd);
                close = partEnd;
            } else {
                continue;
            }
            Value v = values.get(template.substring(open + 1, nameEnd));
            sb.append(template, copied, open);
            if (v == null) {
                sb.append(template, open, close + 1);
            } else {
                sb.append(render(v, part, language));
            }
            copied = close + 1;
            open = close;
        }
        sb.append(template, copied, template.length());
        return sb.toString();
    }

    /** What {@link #fill} does, with the regex (for tests: the two must agree). */
    String fillByRegex(String template, Map<String, Value> values, Language language) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Value v = values.get(m.group(1));
            String part = m.group(2);
            String replacement = v == null ? m.group() : render(v, part, language);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean nameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private String render(Value v, String part, Language language) {
        if (part == null) {
            String main = qualified(v.qualifier(), bare(v, language), language);
            if (v.eur() != null && !"EUR".equals(v.unit())) {
                main += " (" + bare(v.eur(), "EUR", language) + ")";
            }
            return main;
        }
        return switch (part) {
            case "bare" -> bare(v, language);
            case "eur" -> v.eur() == null ? "" : qualified(v.qualifier(), bare(v.eur(), "EUR", language), language);
            case "yoy" -> v.yoy() == null ? "" : rate(v.yoy(), language);
            case "share" -> v.share() == null ? "" : rate(v.share(), language);
            default -> "";
        };
    }

    /** "12 Prozent", "mehr als 9 Prozent". */
    public String rate(Rate r, Language language) {
        return qualified(r.qualifier(), numbers.percent(r.percent(), language), language);
    }

    /** A value of the report with its unit and no qualifier, with the decimals the report prints ("2,0 Prozent"). */
    public String bare(Value v, Language language) {
        if (v.decimals() != null && ("percent".equals(v.unit()) || "count".equals(v.unit()))) {
            String n = numbers.fixed(v.amount(), v.decimals(), language);
            return "percent".equals(v.unit()) ? numbers.withPercent(n, language) : n;
        }
        return bare(v.amount(), v.unit(), language);
    }

    /** A figure with its unit and no qualifier: "300 Milliarden Yuan", "2.400", "40 Prozent", "8,7-mal". */
    public String bare(double amount, String unit, Language language) {
        return switch (unit) {
            case "count" -> numbers.number(amount, amount == Math.rint(amount) ? 0 : 1, language);
            case "percent" -> numbers.percent(amount, language);
            case "points" -> numbers.number(amount, 1, language) + " "
                    + wording.get(language, amount == 1 ? "unit.points.one" : "unit.points");
            case "times" -> wording.format(language, "unit.times", numbers.number(amount, 1, language));
            default -> numbers.amount(amount, language) + " " + currency(unit, language);
        };
    }

    /** The qualifier's words before a figure: "mehr als 2.400"; an exact figure stays as it is. */
    public String qualified(Qualifier q, String figure, Language language) {
        String w = wording.get(language, "qualifier." + q.key());
        return w.isBlank() ? figure : w + " " + figure;
    }

    /** The display name of a currency code. */
    public String currency(String code, Language language) {
        Text t = currencies.get(code);
        return t == null ? code : t.get(language);
    }
}
