package io.reportbot.report;

import java.util.Optional;

/**
 * One figure the report gives.
 *
 * @param amount    the number at full magnitude (300 billion is 300000000000)
 * @param unit      a currency code the report names ({@code CNY}, {@code USD}, ...), {@code count},
 *                  {@code percent}, {@code points} (percentage points) or {@code times} (a multiple)
 * @param qualifier how exact the report is ("mehr als", "rund")
 * @param eur       the euro figure, only where the report gives one
 * @param yoy       the year-on-year change, where the report gives one
 * @param share     the share of the national total, where the report gives one
 * @param noun      what is counted or measured, for computed sentences
 * @param terms     normalised words that name this figure in a claim ("investiert", "attracted"), to tell two
 *                  figures of the same unit apart; may be empty
 * @param direction for a percentage that is a change on an earlier figure rather than a share of a whole: "up"
 *                  ("rose by 56.3 %") or "down" ("fell by 44.2 %"); null for a share
 * @param decimals  how many decimals the report prints where it keeps a trailing zero ("2.0 %" is 1); null
 *                  when the figure is printed as its value reads
 */
public record Value(double amount, String unit, Qualifier qualifier, Double eur, Rate yoy, Rate share, Text noun,
                    java.util.List<String> terms, String direction, Integer decimals) {

    /** The units that are not money. */
    public static final java.util.Set<String> PLAIN_UNITS = java.util.Set.of("count", "percent", "points", "times");

    public Value {
        qualifier = qualifier == null ? Qualifier.EXACT : qualifier;
        unit = unit == null ? "count" : unit;
        terms = terms == null ? java.util.List.of() : java.util.List.copyOf(terms);
        if (decimals != null && (decimals < 0 || decimals > 3)) {
            throw new IllegalArgumentException("decimals must be 0 to 3, not " + decimals);
        }
    }

    public Optional<Double> euro() {
        return Optional.ofNullable(eur);
    }

    public Optional<Rate> yearOnYear() {
        return Optional.ofNullable(yoy);
    }

    public Optional<Rate> nationalShare() {
        return Optional.ofNullable(share);
    }

    /** Whether the figure is a change in percent (with {@link #direction}), not a share. */
    public boolean isChange() {
        return "percent".equals(unit) && direction != null;
    }

    /** A change as a signed percentage: -44.2 for "fell by 44.2 %". */
    public double signedChange() {
        return "down".equals(direction) ? -amount : amount;
    }

    public boolean isMoney() {
        return !PLAIN_UNITS.contains(unit);
    }
}
