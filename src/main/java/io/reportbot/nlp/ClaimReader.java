package io.reportbot.nlp;

import io.reportbot.core.Language;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a question claims: each stated quantity with its unit (yuan, euro, percent, count), scale
 * (Millionen, Mrd., billion, bn), bound (mehr als, mindestens, under, at most), direction (gewachsen, shrank) and
 * whether it is a change, a share of the national total or a national total; and a direction stated without a
 * number. A number that is no claim ("Frage 2", "in 5 words", "Q4", a year) is skipped. The words come from
 * {@link ClaimWords}. Immutable and thread-safe.
 *
 * <pre>{@code
 * reader.read("Stimmt es, dass es mehr als 30 Einhörner gibt?", Language.DE)
 *     // one quantity: 30, COUNT, MORE_THAN, AMOUNT
 * }</pre>
 */
public final class ClaimReader {

    private static final String PERCENT = "PERCENT";

    /** A name with a number in it ("GPT-4", "Llama2", "Q4") is one word, never a figure. */
    private static final Pattern TOKEN = Pattern.compile("[a-z]+-?\\d+[a-z0-9]*|\\d+(?:[.,]\\d+)*|[a-z]+|[%€$¥]");
    private static final Pattern MARKS = Pattern.compile("\\p{Mn}+");
    private static final Set<String> HALF_BEFORE = Set.of("die", "the", "a", "one", "ein", "eine", "einer", "der", "half");
    private static final Set<String> THIRD_BEFORE = Set.of("a", "one", "ein", "eine", "einem", "einer", "jedes");
    /** "the first three quarters" is a period, not three quarters of something. */
    private static final Set<String> PERIOD_BEFORE = Set.of("first", "last", "next", "past", "ersten", "letzten",
            "naechsten", "vergangenen", "the", "den", "die");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "die", "der", "das", "den", "ein", "eine", "einen");
    private static final int NOUN_WINDOW = 4;

    private final ClaimWords words;
    private final List<List<String>> ownPlace;
    private final List<List<String>> nation;
    /** The fractions by their first token, each list in the fractions' own iteration order; null if one is empty. */
    private final Map<String, List<Map.Entry<List<String>, Double>>> fractionsByFirst;
    private final TokenPhrases exceedVerbs;
    private final TokenPhrases shareCues;
    private final TokenPhrases verification;
    private final TokenPhrases growth;
    private final TokenPhrases decline;
    private final TokenPhrases flat;
    private final TokenPhrases amountQuestions;

    /**
     * @param words    the words to look for
     * @param ownPlace normalised names of the report's place ("beijing", "peking")
     * @param nation   normalised names of its nation ("china", "landesweit")
     */
    public ClaimReader(ClaimWords words, Set<String> ownPlace, Set<String> nation) {
        this.words = words;
        this.ownPlace = ownPlace.stream().map(ClaimReader::tokens).filter(t -> !t.isEmpty()).toList();
        this.nation = nation.stream().map(ClaimReader::tokens).filter(t -> !t.isEmpty()).toList();
        Map<String, List<Map.Entry<List<String>, Double>>> byFirst = new java.util.HashMap<>();
        for (Map.Entry<List<String>, Double> f : words.fractions().entrySet()) {
            if (f.getKey().isEmpty()) {
                byFirst = null;
                break;
            }
            byFirst.computeIfAbsent(f.getKey().get(0), k -> new ArrayList<>()).add(f);
        }
        this.fractionsByFirst = byFirst;
        this.exceedVerbs = new TokenPhrases(words.exceedVerbs());
        this.shareCues = new TokenPhrases(words.shareCues());
        this.verification = new TokenPhrases(words.verification());
        this.growth = new TokenPhrases(words.growth());
        this.decline = new TokenPhrases(words.decline());
        this.flat = new TokenPhrases(words.flat());
        this.amountQuestions = new TokenPhrases(words.amountQuestions());
    }

    /**
     * Token phrases indexed by their first token, so that "does any of them stand in these tokens" costs one
     * look-up per token; empty phrases never match (as in {@link #indexOf}). Immutable and thread-safe.
     */
    private static final class TokenPhrases {
        private final Map<String, List<List<String>>> byFirst = new java.util.HashMap<>();

        TokenPhrases(List<List<String>> phrases) {
            for (List<String> p : phrases) {
                if (!p.isEmpty()) {
                    byFirst.computeIfAbsent(p.get(0), k -> new ArrayList<>()).add(p);
                }
            }
        }

        boolean anyIn(List<String> t) {
            for (int i = 0; i < t.size(); i++) {
                List<List<String>> candidates = byFirst.get(t.get(i));
                if (candidates != null) {
                    for (List<String> p : candidates) {
                        if (matchesAt(t, i, p)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /** The claim in a question. */
    public Claim read(String text, Language language) {
        List<String> t = tokens(text);
        Optional<Claim.Direction> direction = direction(t);
        boolean exceeds = exceedVerbs.anyIn(t);
        boolean national = nation.stream().anyMatch(p -> indexOf(t, p, 0) >= 0)
                && ownPlace.stream().noneMatch(p -> indexOf(t, p, 0) >= 0);
        boolean share = shareCues.anyIn(t);
        List<Claim.Quantity> quantities = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            String tok = t.get(i);
            Optional<double[]> fraction = fraction(t, i);
            if (fraction.isPresent()) {
                Bound b = bound(t, i - (int) fraction.get()[1]);
                // "zwei Drittel" is a round figure: about 66.7 %, unless "genau" says otherwise
                Claim.Bound around = b.bound == Claim.Bound.EXACT && !b.strict ? Claim.Bound.ABOUT : b.bound;
                quantities.add(new Claim.Quantity(fraction.get()[0], Claim.Unit.PERCENT, around, Claim.Kind.SHARE, b.strict));
                i += (int) fraction.get()[2] - 1;
                continue;
            }
            boolean digits = Character.isDigit(tok.charAt(0));
            Double value = digits ? QuestionReader.parse(tok).orElse(null) : words.numberWords().get(tok);
            if (value == null || !Double.isFinite(value) || notAClaim(t, i, digits)) {
                continue;
            }
            int j = i + 1;
            double scale = 1;
            String code = null;
            if (i > 0) {
                code = unitAt(t, i - 1, true);
            }
            Map.Entry<Integer, Double> sc = phraseAt(t, j, words.scales().get(language));
            if (sc != null) {
                scale = sc.getValue();
                j += sc.getKey();
            }
            if (code == null) {
                int before = j;
                for (Map.Entry<String, List<List<String>>> u : words.units().entrySet()) {
                    for (List<String> p : u.getValue()) {
                        if (matchesAt(t, j, p)) {
                            code = u.getKey();
                            j += p.size();
                            break;
                        }
                    }
                    if (j != before) {
                        break;
                    }
                }
            }
            if (!digits && code == null && sc == null && !countNounFollows(t, i + 1)) {
                continue; // "drei" alone is no figure
            }
            Claim.Unit unit = code == null ? (sc != null ? Claim.Unit.NONE : Claim.Unit.COUNT)
                    : PERCENT.equals(code) ? Claim.Unit.PERCENT : Claim.Unit.MONEY;
            String currency = unit == Claim.Unit.MONEY ? code : null;
            Bound b = bound(t, i);
            Claim.Bound bound = b.bound;
            if (bound == Claim.Bound.EXACT && !b.strict && exceeds) {
                bound = Claim.Bound.MORE_THAN;
            }
            double v = value * scale;
            if (!Double.isFinite(v)) {
                continue;
            }
            Claim.Kind kind = Claim.Kind.AMOUNT;
            if (unit == Claim.Unit.PERCENT) {
                if (direction.isPresent() && !levelReached(t, i)) {
                    kind = Claim.Kind.CHANGE;
                    v = direction.get() == Claim.Direction.DOWN ? -v : v;
                } else {
                    kind = share ? Claim.Kind.SHARE : Claim.Kind.RATE;
                }
            } else if (national) {
                kind = Claim.Kind.NATIONAL; // "China has 60 unicorns", "China's AI industry is worth 1 trillion"
            }
            quantities.add(new Claim.Quantity(v, unit, bound, kind, b.strict, currency));
            i = Math.max(i, j - 1);
        }
        if (quantities.isEmpty() && amountQuestions.anyIn(t)) {
            direction = Optional.empty(); // "how much did it grow?" asks for the growth; it claims none
        }
        return new Claim(quantities, direction, t, verification.anyIn(t));
    }

    private record Bound(Claim.Bound bound, boolean strict) {
    }

    /** The bound and exactness stated right before position i ("mehr als 30", "over a third", "genau 11"). */
    private Bound bound(List<String> t, int i) {
        int end = i;
        if (end > 0 && (ARTICLES.contains(t.get(end - 1)) || "%€$¥".contains(t.get(end - 1)))) {
            end--; // "more than a third", "über € 3"
        }
        boolean strict = false;
        Claim.Bound found = Claim.Bound.EXACT;
        for (int k = 0; k < 2 && end > 0; k++) {
            boolean matched = false;
            for (List<String> p : words.exact()) {
                if (endsAt(t, end, p)) {
                    strict = true;
                    end -= p.size();
                    matched = true;
                    break;
                }
            }
            if (!matched && found == Claim.Bound.EXACT) {
                outer:
                for (Map.Entry<Claim.Bound, List<List<String>>> e : words.bounds().entrySet()) {
                    for (List<String> p : e.getValue()) {
                        if (endsAt(t, end, p)) {
                            found = e.getKey();
                            end -= p.size();
                            matched = true;
                            break outer;
                        }
                    }
                }
            }
            if (!matched) {
                break;
            }
        }
        return new Bound(found, strict && found == Claim.Bound.EXACT);
    }

    /** A fraction at position i: {value in percent, tokens before it that belong to it, its length}. */
    private Optional<double[]> fraction(List<String> t, int i) {
        Iterable<Map.Entry<List<String>, Double>> candidates = fractionsByFirst == null ? words.fractions().entrySet()
                : fractionsByFirst.getOrDefault(t.get(i), List.of());
        for (Map.Entry<List<String>, Double> f : candidates) {
            List<String> p = f.getKey();
            if (!matchesAt(t, i, p)) {
                continue;
            }
            String first = p.get(0);
            String before = i > 0 ? t.get(i - 1) : "";
            if (p.size() > 1 && PERIOD_BEFORE.contains(before)) {
                continue;
            }
            if (p.size() == 1 && (first.equals("half") || first.equals("haelfte")) && !HALF_BEFORE.contains(before)
                    && !(i + 1 < t.size() && t.get(i + 1).equals("of"))) {
                continue;
            }
            if (p.size() == 1 && (first.equals("third") || first.equals("drittel") || first.equals("viertel"))
                    && !THIRD_BEFORE.contains(before)) {
                continue;
            }
            int lead = p.size() == 1 && THIRD_BEFORE.contains(before) ? 1 : 0;
            return Optional.of(new double[] {f.getValue(), lead, p.size()});
        }
        return Optional.empty();
    }

    private boolean notAClaim(List<String> t, int i, boolean digits) {
        String tok = t.get(i);
        String before = i > 0 ? t.get(i - 1) : "";
        String after = i + 1 < t.size() ? t.get(i + 1) : "";
        if (words.notAClaimBefore().contains(before) || words.notAClaimAfter().contains(after)) {
            return true;
        }
        if (digits && tok.length() == 4 && tok.chars().allMatch(Character::isDigit)
                && (tok.startsWith("19") || tok.startsWith("20"))) {
            if (words.yearBefore().contains(before)) {
                return true; // "in 2023", "seit 2016": a year
            }
            String unit = unitAt(t, i + 1, false);
            boolean figure = phraseAt(t, i + 1, words.scales().get(Language.DE)) != null
                    || phraseAt(t, i + 1, words.scales().get(Language.EN)) != null
                    || unit != null && !PERCENT.equals(unit) // "2023 %" is a year and a percentage asked for
                    // "2023 KI-Regulierungen" counts regulations only when no other figure does ("21 Behörden haben
                    // 2023 KI-Regulierungen erlassen") and nothing asks for the amount ("wie viele … haben 2023 …")
                    || countNounFollows(t, i + 1) && !otherFigure(t, i) && !amountQuestions.anyIn(t);
            return !figure; // a year
        }
        return false;
    }

    /** Whether the word before the number at i, or the one before a bound, says the level reached ("auf", "to"). */
    private boolean levelReached(List<String> t, int i) {
        return i > 0 && words.levelBefore().contains(t.get(i - 1))
                || i > 1 && words.levelBefore().contains(t.get(i - 2)) && !Character.isDigit(t.get(i - 1).charAt(0));
    }

    /** Whether a token other than the one at i is a number that is not a year. */
    private static boolean otherFigure(List<String> t, int i) {
        for (int k = 0; k < t.size(); k++) {
            String w = t.get(k);
            if (k != i && !w.isEmpty() && Character.isDigit(w.charAt(0))
                    && !(w.length() == 4 && w.chars().allMatch(Character::isDigit) && (w.startsWith("19") || w.startsWith("20")))) {
                return true;
            }
        }
        return false;
    }

    private boolean countNounFollows(List<String> t, int from) {
        for (int k = from; k < Math.min(t.size(), from + NOUN_WINDOW); k++) {
            String w = t.get(k);
            for (String n : words.countNouns()) {
                if (w.equals(n) || w.endsWith(n) && n.length() > 3) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The unit written at position i: "PERCENT" or a currency's ISO code; null when there is none. */
    private String unitAt(List<String> t, int i, boolean symbolsOnly) {
        for (Map.Entry<String, List<List<String>>> u : words.units().entrySet()) {
            for (List<String> p : u.getValue()) {
                boolean symbol = p.size() == 1 && p.get(0).length() == 1 && !Character.isLetter(p.get(0).charAt(0));
                if ((!symbolsOnly || symbol) && matchesAt(t, i, p)) {
                    return u.getKey();
                }
            }
        }
        return null;
    }

    private Optional<Claim.Direction> direction(List<String> t) {
        boolean up = growth.anyIn(t);
        boolean down = decline.anyIn(t);
        boolean flat = this.flat.anyIn(t);
        int n = (up ? 1 : 0) + (down ? 1 : 0) + (flat ? 1 : 0);
        if (n != 1) {
            return Optional.empty();
        }
        return Optional.of(up ? Claim.Direction.UP : down ? Claim.Direction.DOWN : Claim.Direction.FLAT);
    }

    private static Map.Entry<Integer, Double> phraseAt(List<String> t, int i, Map<List<String>, Double> phrases) {
        Map.Entry<Integer, Double> best = null;
        for (Map.Entry<List<String>, Double> e : phrases.entrySet()) {
            if (matchesAt(t, i, e.getKey()) && (best == null || e.getKey().size() > best.getKey())) {
                best = Map.entry(e.getKey().size(), e.getValue());
            }
        }
        return best;
    }

    private static boolean matchesAt(List<String> t, int i, List<String> p) {
        if (i < 0 || i + p.size() > t.size()) {
            return false;
        }
        for (int k = 0; k < p.size(); k++) {
            if (!t.get(i + k).equals(p.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsAt(List<String> t, int end, List<String> p) {
        return matchesAt(t, end - p.size(), p);
    }

    /** Where the phrase starts in the tokens at or after {@code from}; -1 if nowhere. */
    public static int indexOf(List<String> t, List<String> p, int from) {
        if (p.isEmpty()) {
            return -1;
        }
        for (int i = from; i + p.size() <= t.size(); i++) {
            if (matchesAt(t, i, p)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The claim tokens of a text: lower case, umlauts and ß folded, accents stripped; numbers keep their
     * separators ("2.400", "4,3"); the symbols %, €, $ and ¥ are tokens of their own.
     */
    public static List<String> tokens(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String folded = TextNormalizer.decomposable(lower)
                ? MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("") : lower;
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(folded);
        while (m.find()) {
            String s = m.group();
            // "2.400." at a sentence end: the last separator is punctuation
            while (Character.isDigit(s.charAt(0)) && (s.endsWith(".") || s.endsWith(","))) {
                s = s.substring(0, s.length() - 1);
            }
            out.add(s);
        }
        return out;
    }
}
