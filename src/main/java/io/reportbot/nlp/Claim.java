package io.reportbot.nlp;

import java.util.List;
import java.util.Optional;

/**
 * What a question claims, as a {@link ClaimReader} reads it: the quantities it states, with unit, scale,
 * direction and bound, and a direction of change stated without a number ("the industry shrank"). Immutable.
 *
 * @param quantities the stated quantities, in order
 * @param direction  a direction of change the claim states, if any
 * @param tokens     the claim tokens of the text, for matching the dataset's words
 * @param asks       whether the text asks to confirm it ("Bestätige: …", "I read that …")
 */
public record Claim(List<Quantity> quantities, Optional<Direction> direction, List<String> tokens, boolean asks) {

    public Claim {
        quantities = List.copyOf(quantities);
        tokens = List.copyOf(tokens);
    }

    /** No quantity and no direction. */
    public static Claim none() {
        return new Claim(List.of(), Optional.empty(), List.of(), false);
    }

    /** Whether it states a quantity or a direction. */
    public boolean states() {
        return !quantities.isEmpty() || direction.isPresent();
    }

    /** Whether the text holds the normalised phrase as whole words. */
    public boolean mentions(String phrase) {
        List<String> p = phrase.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == ' ')
                ? List.of(phrase.trim().split(" +")) : ClaimReader.tokens(phrase);
        return ClaimReader.indexOf(tokens, p, 0) >= 0;
    }

    /**
     * One stated quantity.
     *
     * @param value  at full magnitude (300 billion is 3e11); a decline is negative
     * @param unit   what it measures
     * @param bound  how it is bounded ("mehr als" is {@link Bound#MORE_THAN})
     * @param kind   an amount, a change on the year before, a share of the national total, or a national total
     * @param strict whether it is stated as exact ("genau", "exactly"): then a bounded figure never confirms it
     * @param currency for {@link Unit#MONEY}, the currency's ISO code ("CNY", "EUR", "USD"); null otherwise
     */
    public record Quantity(double value, Unit unit, Bound bound, Kind kind, boolean strict, String currency) {

        /** A quantity that is no amount of money. */
        public Quantity(double value, Unit unit, Bound bound, Kind kind, boolean strict) {
            this(value, unit, bound, kind, strict, null);
        }
    }

    /**
     * What a quantity measures. {@link #MONEY}: an amount in the quantity's currency; {@link #NONE}: a number with a
     * scale but no unit ("4 trillion").
     */
    public enum Unit { COUNT, PERCENT, MONEY, NONE }

    /** How a quantity is bounded. */
    public enum Bound { EXACT, ABOUT, MORE_THAN, AT_LEAST, LESS_THAN, AT_MOST }

    /** Which figure a quantity is about: {@link #RATE} is a percentage that says neither change nor share. */
    public enum Kind { AMOUNT, CHANGE, SHARE, RATE, NATIONAL }

    /** A direction of change. */
    public enum Direction { UP, DOWN, FLAT }
}
