package io.reportbot.answer;

import io.reportbot.core.Language;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * Formats figures the way each language writes them, whatever the JVM's default locale: German
 * "2.400", "39,2 Milliarden", "4,3 Billionen"; English "2,400", "39.2 billion", "4.3 trillion".
 * Thread-safe: a {@link DecimalFormat} is not, so each thread keeps its own per language and number of decimals.
 */
public final class NumberFormatter {

    /** Formats kept per thread for up to this many decimals; more are made per call. */
    private static final int KEPT_DECIMALS = 4;

    private final Wording wording;
    /** Per thread: the format for each language (by ordinal) and number of decimals, made on first use. */
    private final ThreadLocal<DecimalFormat[][]> formats =
            ThreadLocal.withInitial(() -> new DecimalFormat[Language.values().length][KEPT_DECIMALS + 1]);

    public NumberFormatter(Wording wording) {
        this.wording = wording;
    }

    /** A plain number with up to {@code decimals} decimals: 2.400 / 2,400; 1,12 / 1.12. */
    public String number(double value, int decimals, Language language) {
        if (decimals < 0 || decimals > KEPT_DECIMALS) {
            return format(decimals, language).format(value);
        }
        DecimalFormat[] byDecimals = formats.get()[language.ordinal()];
        DecimalFormat f = byDecimals[decimals];
        if (f == null) {
            f = format(decimals, language);
            byDecimals[decimals] = f;
        }
        return f.format(value);
    }

    private static DecimalFormat format(int decimals, Language language) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(language.locale());
        StringBuilder pattern = new StringBuilder("#,##0");
        if (decimals > 0) {
            pattern.append('.').append("#".repeat(decimals));
        }
        DecimalFormat f = new DecimalFormat(pattern.toString(), symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    /**
     * A large amount in words: 300 Milliarden / 300 billion, 4,3 Billionen / 4.3 trillion, 260 Millionen /
     * 260 million; below a million, the plain number. Two significant decimals at most.
     */
    public String amount(double value, Language language) {
        double abs = Math.abs(value);
        String scale;
        double divisor;
        if (abs >= 1e12) {
            scale = "trillion";
            divisor = 1e12;
        } else if (abs >= 1e9) {
            scale = "billion";
            divisor = 1e9;
        } else if (abs >= 1e6) {
            scale = "million";
            divisor = 1e6;
        } else {
            return number(value, abs < 10 ? 2 : (abs < 100 ? 1 : 0), language);
        }
        double mantissa = round(value / divisor, Math.abs(value / divisor) < 10 ? 2 : 1);
        boolean one = Math.abs(mantissa) == 1.0;
        String word = wording.get(language, "scale." + scale + (one ? ".one" : ""));
        return number(mantissa, 2, language) + " " + word;
    }

    /** A percentage: "12 Prozent" / "12 percent". */
    public String percent(double value, Language language) {
        return withPercent(number(value, 1, language), language);
    }

    /** A formatted number followed by the language's word for percent. */
    public String withPercent(String number, Language language) {
        return number + " " + wording.get(language, "unit.percent");
    }

    /** The number with exactly this many decimals, trailing zeros kept: 2,0 / 2.0. */
    public String fixed(double value, int decimals, Language language) {
        DecimalFormat f = format(decimals, language);
        f.setMinimumFractionDigits(decimals);
        return f.format(value);
    }

    /** The figure as it is written before its scale word: 300 for 300 billion, 4.3 for 4.3 trillion. */
    public static double mantissa(double amount) {
        double a = Math.abs(amount);
        if (a >= 1e12) {
            return amount / 1e12;
        }
        if (a >= 1e9) {
            return amount / 1e9;
        }
        if (a >= 1e6) {
            return amount / 1e6;
        }
        return amount;
    }

    static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
