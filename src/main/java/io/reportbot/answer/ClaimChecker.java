package io.reportbot.answer;

import io.reportbot.core.Language;
import io.reportbot.nlp.Claim;
import io.reportbot.nlp.ClaimReader;
import io.reportbot.nlp.ClaimWords;
import io.reportbot.nlp.Gazetteer;
import io.reportbot.nlp.Lexicon;
import io.reportbot.nlp.TextNormalizer;
import io.reportbot.report.Assertion;
import io.reportbot.report.Fact;
import io.reportbot.report.Qualifier;
import io.reportbot.report.Rate;
import io.reportbot.report.Report;
import io.reportbot.report.Topic;
import io.reportbot.report.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a claim against a topic's facts: each stated quantity against the figure of the same unit and kind
 * (an amount in yuan or euro, a count, a change on the year before, a share of the national total, or the
 * national total computed from the share, a share of a whole, a change in percent with its direction), bounds on
 * both sides taken into account, and against the figure the claim names by the value's terms (the US's or China's,
 * 2023's or 2022's); statements without a number against the facts' {@link Assertion}s. A figure confirmed confirms
 * nothing else the claim says: who pays, which ones, what all of them are are left open. Three verdicts: yes (with
 * the figure), no (with the true figure), or left open when the report's bound doesn't decide ("mehr als 2.400"
 * against 2.500). Immutable and thread-safe.
 */
public final class ClaimChecker {

    /** A point claim within this of the report's figure matches it. */
    private static final double MATCH_TOLERANCE = 0.005;
    /** What each of a figure's terms that a claim names adds to how plainly the claim names it ({@link #score}). */
    private static final int TERM_SCORE = 3;
    /** Words that open what a number counts ("die Zahl der Behörden"), as claim tokens. */
    private static final Set<String> COUNT_OF = Set.of("zahl der", "anzahl der", "number of", "count of", "zahl an");
    /** How many words after a number or "Zahl der" say what it counts. */
    private static final int HEAD_WINDOW = 2;
    /** "more than 2,400" leaves 3,000 open, but not 5,000 (the report would give the higher bound). */
    private static final double OPEN_RANGE = 1.5;
    /**
     * A bound that far from the figure confirms nothing: "more than 300 million yuan" is true of 300 billion but
     * says the wrong scale, so it gets "no" with the true figure.
     */
    private static final double SCALE_GAP = 10;
    /** "rund 32 Milliarden": anything within this is consistent with it. */
    private static final double ABOUT_RANGE = 0.1;

    /** The three verdicts. */
    public enum Outcome { YES, NO, OPEN }

    /**
     * A verdict and the line that says it.
     *
     * @param outcome yes, no or open
     * @param text    the first line of the answer
     */
    public record Verdict(Outcome outcome, String text) {
    }

    private enum Kind { COUNT, MONEY, CHANGE, SHARE, NATIONAL }

    /** A figure of the report a claim may be about; {@code currency} is the ISO code of an amount of money. */
    private record Measure(Kind kind, Range range, Qualifier qualifier, double figure, String display, int score,
                           String currency, boolean unnamed) {
        Measure(Kind kind, Range range, Qualifier qualifier, double figure, String display, int score) {
            this(kind, range, qualifier, figure, display, score, null, false);
        }

        Measure(Kind kind, Range range, Qualifier qualifier, double figure, String display, int score,
                String currency) {
            this(kind, range, qualifier, figure, display, score, currency, false);
        }
    }

    /** An interval with open or closed ends; a point when lo == hi. */
    private record Range(double lo, double hi, boolean loOpen, boolean hiOpen) {
        boolean point() {
            return lo == hi;
        }

        boolean within(Range c) {
            boolean loOk = c.lo < lo || c.lo == lo && (!c.loOpen || loOpen);
            boolean hiOk = c.hi > hi || c.hi == hi && (!c.hiOpen || hiOpen);
            return loOk && hiOk;
        }

        boolean disjoint(Range c) {
            return hi < c.lo || c.hi < lo || hi == c.lo && (hiOpen || c.loOpen) || c.hi == lo && (c.hiOpen || loOpen);
        }
    }

    private final Report report;
    private final Wording wording;
    private final ValueRenderer values;

    private final Gazetteer gazetteer;

    /**
     * The general-language words a claim's content is read with: function words and the words that ask to confirm
     * ("stimmt es, dass"), which are no content, and the comparisons a claim may make ("mehr … als").
     *
     * @param notContent  normalised words that carry no content of a claim
     * @param comparisons a comparative and its joining word, as claim tokens
     * @param membership  words that make a thing one of those counted ("eine der", "one of the"), as claim tokens
     * @param agents      words before who does something ("vom", "by the"), as claim tokens
     * @param universal   words that say something of all or most of those counted ("alle", "die meisten"), as claim
     *                    tokens
     */
    public record Words(Set<String> notContent, List<List<String>> comparisons, List<List<String>> membership,
                        List<List<String>> agents, List<List<String>> universal) {
        public Words {
            notContent = Set.copyOf(notContent);
            comparisons = List.copyOf(comparisons);
            membership = List.copyOf(membership);
            agents = List.copyOf(agents);
            universal = List.copyOf(universal);
        }

        /** From the engine's claim words and function words. */
        public static Words of(ClaimWords claimWords, Set<String> functionWords) {
            Set<String> none = new HashSet<>(functionWords);
            claimWords.verification().forEach(none::addAll);
            return new Words(none, claimWords.comparisons(), claimWords.membership(), claimWords.agents(),
                    claimWords.universal());
        }

        /** The words bundled with reportbot. */
        public static Words bundled() {
            Set<String> functionWords = new HashSet<>();
            Lexicon.bundled().functionWords().values().forEach(functionWords::addAll);
            return of(ClaimWords.bundled(), functionWords);
        }
    }

    private final Words words;
    /** Per topic, the stems of every word its sentences, answers, label, assertions and the report's title use. */
    private final Map<String, Set<String>> topicStems;
    /** The topics whose own words make a comparison ("mehr … als"). */
    private final Set<String> topicsComparing;
    /** The topics whose own sentences speak of the report's nation or whole ("Worldwide, …" in a US report). */
    private final Set<String> topicsOfTheWhole;

    public ClaimChecker(Report report, Wording wording, ValueRenderer values) {
        this(report, wording, values, Gazetteer.bundled(), Words.bundled());
    }

    /**
     * @param gazetteer the other places, so that any alias of a place the report names counts as naming it
     * @param words     the general-language words a claim's content is read with
     */
    public ClaimChecker(Report report, Wording wording, ValueRenderer values, Gazetteer gazetteer, Words words) {
        this.report = report;
        this.wording = wording;
        this.values = values;
        this.gazetteer = gazetteer;
        this.words = words;
        Map<String, Set<String>> stems = new HashMap<>();
        Set<String> comparing = new HashSet<>();
        for (Topic topic : report.topics()) {
            List<String> known = topicWords(topic);
            Set<String> s = new HashSet<>();
            known.forEach(k -> s.addAll(stems(k)));
            stems.put(topic.id(), Set.copyOf(s));
            if (compares(known)) {
                comparing.add(topic.id());
            }
        }
        this.topicStems = Map.copyOf(stems);
        this.topicsComparing = Set.copyOf(comparing);
        List<String> whole = report.place() == null ? List.of() : report.place().nationAliases();
        this.topicsOfTheWhole = report.topics().stream().filter(t -> report.factsOf(t).stream().map(Fact::source)
                        .filter(java.util.Objects::nonNull).map(src -> " " + TextNormalizer.normalize(src) + " ")
                        .anyMatch(src -> whole.stream().anyMatch(a -> src.contains(" " + a + " "))))
                .map(Topic::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The claim tokens of a topic's label, its facts' sentences, answers and assertions, and the report's title. */
    private List<String> topicWords(Topic topic) {
        List<String> known = new ArrayList<>();
        for (Language l : Language.values()) {
            known.addAll(ClaimReader.tokens(topic.label().get(l)));
            known.addAll(ClaimReader.tokens(report.title().get(l))); // "according to the white paper"
        }
        for (Fact f : report.factsOf(topic)) {
            known.addAll(ClaimReader.tokens(f.source()));
            for (Language l : Language.values()) {
                if (f.answer() != null && f.answer().get(l) != null) {
                    known.addAll(ClaimReader.tokens(f.answer().get(l).replaceAll("\\{[^}]*}", " ")));
                }
            }
            f.assertions().forEach(a -> a.holds().forEach(h -> known.addAll(ClaimReader.tokens(h))));
        }
        return known;
    }

    /**
     * The verdict on a claim about a topic; empty when the claim states nothing the facts can decide.
     *
     * @param otherPlaces the places other than the report's that the question names (normalised)
     */
    public Optional<Verdict> check(Topic topic, Claim claim, List<String> otherPlaces, Language lang) {
        List<Fact> facts = report.factsOf(topic);
        Optional<Boolean> asserted = assertions(facts, claim, otherPlaces);
        if (asserted.isPresent() && !asserted.get()) {
            return Optional.of(new Verdict(Outcome.NO, wording.get(lang, "verify.false")));
        }
        if (!claim.quantities().isEmpty()) {
            return Optional.of(saidMore(quantities(facts, claim, topicsOfTheWhole.contains(topic.id()), lang), topic,
                    claim, lang));
        }
        if (claim.direction().isPresent()) {
            Optional<Verdict> d = direction(facts, claim, lang);
            if (d.isPresent()) {
                return Optional.of(saidMore(d.get(), topic, claim, lang));
            }
        }
        if (asserted.isPresent() && saysMoreThan(topic, claim)) {
            // "die juristische Plattform wird vom Justizministerium betrieben": a word the topic's sentences share is
            // no confirmation of what they don't say
            return Optional.of(new Verdict(Outcome.OPEN, wording.get(lang, "verify.open_plain")));
        }
        return asserted.map(ok -> saidMore(new Verdict(Outcome.YES, wording.get(lang, "verify.true")), topic, claim, lang));
    }

    /**
     * A figure confirmed is no confirmation of what the claim says beside it: "die 25 Schulen werden vom
     * Bildungsministerium finanziert" (words the topic's sentences don't use) or "Tsinghua ist eine der 30
     * Universitäten" (one of those counted, by a name the report doesn't give) are left open.
     */
    private Verdict saidMore(Verdict v, Topic topic, Claim claim, Language lang) {
        if (v.outcome() != Outcome.YES) {
            return v;
        }
        List<String> t = claim.tokens();
        // "Tsinghua ist eine der 30 …": a name before; "all 36 unicorns are state-owned": what all are, after
        boolean member = words.membership().stream().map(p -> ClaimReader.indexOf(t, p, 0))
                .anyMatch(at -> at > 0 && unknownWords(topic, t.subList(0, at), MIN_NAME) > 0)
                || words.universal().stream().map(p -> ClaimReader.indexOf(t, p, 0))
                .anyMatch(at -> at >= 0 && unknownWords(topic, t.subList(at, t.size()), MIN_NAME) > 0);
        return member || byAnUnknownAgent(topic, claim)
                ? new Verdict(Outcome.OPEN, wording.get(lang, "verify.open_plain")) : v;
    }

    /**
     * Whether the claim names who does something ("vom Bildungsministerium", "by the ministry") by a word the topic's
     * sentences don't use.
     */
    private boolean byAnUnknownAgent(Topic topic, Claim claim) {
        Set<String> known = topicStems.getOrDefault(topic.id(), Set.of());
        List<String> t = claim.tokens();
        for (List<String> agent : words.agents()) {
            for (int at = ClaimReader.indexOf(t, agent, 0); at >= 0; at = ClaimReader.indexOf(t, agent, at + 1)) {
                // "by the ministry", "vom Bildungsministerium", "by the AI industry fund": a word of the agent's name
                for (int k = at + agent.size(); k < Math.min(t.size(), at + agent.size() + AGENT_WINDOW); k++) {
                    if (content(t.get(k), MIN_AGENT_WORD) && stems(t.get(k)).stream().noneMatch(known::contains)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean content(String token, int minLength) {
        return token.length() >= minLength && token.chars().noneMatch(Character::isDigit)
                && !words.notContent().contains(token);
    }

    /**
     * Whether the claim says more than the topic's words: two content words that none of them shares a stem with
     * ("vom Justizministerium betrieben"), or one and a comparison the topic's words don't make ("invest more in AI
     * than China"). One word of its own is taken for a paraphrase ("released" for "published").
     */
    private boolean saysMoreThan(Topic topic, Claim claim) {
        int unknown = unknownWords(topic, claim.tokens(), MIN_CONTENT_WORD);
        return unknown >= 2 || unknown == 1 && compares(claim.tokens()) && !topicsComparing.contains(topic.id());
    }

    /** The content words of at least {@code minLength} letters among these that share no stem with the topic's words. */
    private int unknownWords(Topic topic, List<String> tokens, int minLength) {
        Set<String> known = topicStems.getOrDefault(topic.id(), Set.of());
        int unknown = 0;
        for (String t : tokens) {
            if (content(t, minLength) && stems(t).stream().noneMatch(known::contains)) {
                unknown++;
            }
        }
        return unknown;
    }

    private boolean compares(List<String> tokens) {
        return words.comparisons().stream().anyMatch(pair -> tokens.containsAll(pair));
    }

    /** German separable prefixes, before which a participle's "ge" stands ("anführen", "angeführt"). */
    private static final Pattern PARTICIPLE =
            Pattern.compile("^(an|auf|aus|ein|mit|vor|zu|ab|nach|bei|fest|her|hin|weg|dar)?ge(.{3,})$");
    private static final Pattern SEPARABLE =
            Pattern.compile("^(an|auf|aus|ein|mit|vor|zu|ab|nach|bei|fest|her|hin|weg|dar)(.{5,})$");

    /**
     * The word's first five letters, and those of its forms without a participle's "ge" or a separable prefix:
     * "angeführt", "anführen" and "führen" share "führ".
     */
    private static Set<String> stems(String w) {
        Set<String> out = new HashSet<>();
        out.add(stem(w));
        Matcher m = PARTICIPLE.matcher(w);
        if (m.matches()) {
            out.add(stem((m.group(1) == null ? "" : m.group(1)) + m.group(2)));
            out.add(stem(m.group(2)));
        }
        Matcher p = SEPARABLE.matcher(w);
        if (p.matches()) {
            out.add(stem(p.group(2)));
        }
        return out;
    }

    private static String stem(String w) {
        return w.substring(0, Math.min(w.length(), STEM));
    }

    private static final int MIN_CONTENT_WORD = 5;
    /** How many words after "by the" may name the agent, and how short one of its words may be ("fund"). */
    private static final int AGENT_WINDOW = 3;
    private static final int MIN_AGENT_WORD = 4;
    /** A name may be short ("PKU", "MIT"). */
    private static final int MIN_NAME = 3;
    private static final int STEM = 5;

    /** False when the claim contradicts an assertion, true when it states one truly, empty when neither. */
    private Optional<Boolean> assertions(List<Fact> facts, Claim claim, List<String> otherPlaces) {
        boolean holds = false;
        for (Fact f : facts) {
            for (Assertion a : f.assertions()) {
                if (a.contradicts().stream().anyMatch(claim::mentions)) {
                    return Optional.of(false);
                }
                if (a.otherPlaces() && otherPlaces.stream().anyMatch(p -> !holdsPlace(a, p))) {
                    return Optional.of(false);
                }
                holds |= a.holds().stream().anyMatch(claim::mentions);
            }
        }
        return holds ? Optional.of(true) : Optional.empty();
    }

    /** Whether the place (a normalised alias) is one the assertion holds, under any of its aliases. */
    private boolean holdsPlace(Assertion a, String place) {
        List<String> holds = a.holds().stream().map(TextNormalizer::normalize).toList();
        return holds.contains(place) || gazetteer.place(place)
                .map(p -> p.aliases().stream().anyMatch(holds::contains)).orElse(false);
    }

    /** @param ofTheWhole whether the topic's own sentences speak of the report's nation or whole */
    private Verdict quantities(List<Fact> facts, Claim claim, boolean ofTheWhole, Language lang) {
        List<Measure> all = measures(facts, claim, lang);
        Verdict result = null;
        for (Claim.Quantity q : claim.quantities()) {
            Verdict v = quantity(facts, all, q, ofTheWhole, lang);
            if (result == null || v.outcome() == Outcome.NO
                    || v.outcome() == Outcome.OPEN && result.outcome() == Outcome.YES) {
                result = v;
            }
            if (v.outcome() == Outcome.NO) {
                break;
            }
        }
        return result;
    }

    private Verdict quantity(List<Fact> facts, List<Measure> all, Claim.Quantity stated, boolean ofTheWhole,
                             Language lang) {
        // "weltweit 25,2 Milliarden" where the topic's own sentence is about the whole world: its figure, not a total
        // computed from a share
        Claim.Quantity q = stated.kind() == Claim.Kind.NATIONAL && ofTheWhole
                ? new Claim.Quantity(stated.value(), stated.unit(), stated.bound(), Claim.Kind.AMOUNT, stated.strict(),
                        stated.currency())
                : stated;
        if (q.unit() == Claim.Unit.MONEY && all.stream().noneMatch(m -> q.currency().equals(m.currency()))
                && all.stream().anyMatch(m -> m.kind() == Kind.MONEY)) {
            // an amount in a currency the report doesn't use ("32 billion dollars" for a report in yuan): open, unless it
            // is the report's own figure in another currency ("25.2 billion euro" for 25.2 billion dollars), a mix-up
            Optional<Measure> mixedUp = all.stream().filter(m -> m.kind() == Kind.MONEY && same(q.value(), m.figure()))
                    .findFirst();
            return mixedUp.map(m -> new Verdict(Outcome.NO, wording.format(lang, "verify.no", m.display())))
                    .orElseGet(() -> new Verdict(Outcome.OPEN, wording.get(lang, "verify.open_currency")));
        }
        List<Measure> candidates = all.stream().filter(m -> compatible(q, m) && !m.unnamed()).toList();
        if (candidates.isEmpty()) {
            Optional<String> vague = facts.stream().flatMap(f -> f.assertions().stream())
                    .filter(a -> a.figure() != null).map(a -> a.figure().get(lang)).findFirst();
            return new Verdict(Outcome.OPEN, vague.map(v -> wording.format(lang, "verify.open", v))
                    .orElseGet(() -> wording.get(lang, "verify.open_no_figure")));
        }
        int best = candidates.stream().mapToInt(Measure::score).max().orElse(0);
        if (q.unit() == Claim.Unit.MONEY && candidates.stream().noneMatch(m -> same(q.value(), m.figure()))
                && all.stream().anyMatch(m -> m.kind() == Kind.MONEY && !q.currency().equals(m.currency())
                        && same(q.value(), m.figure()))) {
            // "39.2 billion yuan" where 39.2 billion is the euro figure of 300 billion yuan: the currencies are mixed up,
            // even if a bound would make it literally true
            Measure own = candidates.stream().filter(m -> m.score() == best).findFirst().orElse(candidates.get(0));
            return new Verdict(Outcome.NO, wording.format(lang, "verify.no", own.display()));
        }
        Range claimed = claimRange(q);
        Verdict open = null;
        Measure first = null;
        for (Measure m : candidates) {
            if (m.score() < best) {
                continue;
            }
            first = first == null ? m : first;
            Outcome o = compare(q, claimed, m);
            if (o == Outcome.YES) {
                return new Verdict(Outcome.YES, wording.format(lang, "verify.yes", m.display()));
            }
            if (o == Outcome.OPEN && open == null) {
                open = new Verdict(Outcome.OPEN, wording.format(lang, "verify.open", m.display()));
            }
        }
        return open != null ? open : new Verdict(Outcome.NO, wording.format(lang, "verify.no", first.display()));
    }

    private static boolean same(double claimed, double figure) {
        return Math.abs(claimed - figure) <= Math.abs(figure) * MATCH_TOLERANCE;
    }

    private static boolean compatible(Claim.Quantity q, Measure m) {
        if (q.kind() == Claim.Kind.NATIONAL) {
            // a national total is known only where a count and its share imply one
            return q.unit() == Claim.Unit.COUNT && m.kind() == Kind.NATIONAL;
        }
        return switch (q.unit()) {
            case MONEY -> m.kind() == Kind.MONEY && q.currency().equals(m.currency());
            case NONE -> m.kind() == Kind.MONEY;
            case COUNT -> m.kind() == Kind.COUNT;
            case PERCENT -> switch (q.kind()) {
                case CHANGE -> m.kind() == Kind.CHANGE;
                case SHARE -> m.kind() == Kind.SHARE;
                default -> m.kind() == Kind.CHANGE || m.kind() == Kind.SHARE;
            };
            default -> false;
        };
    }

    private static Outcome compare(Claim.Quantity q, Range claimed, Measure m) {
        Range r = m.range();
        boolean plain = q.bound() == Claim.Bound.EXACT && !q.strict();
        if (plain && Math.abs(q.value() - m.figure()) <= Math.abs(m.figure()) * MATCH_TOLERANCE
                && m.qualifier() != Qualifier.LESS_THAN) {
            return Outcome.YES; // "36 Einhörner", "32 Milliarden" for "rund 32 Milliarden"
        }
        if (claimed.point() && r.point()) {
            // "nur 1,6 %", "genau 36" against an exact figure: the same figure is the report's
            return same(q.value(), m.figure()) ? Outcome.YES : Outcome.NO;
        }
        if (r.within(claimed) && !(q.strict() && !r.point())) {
            boolean farBound = Math.abs(q.value()) > 0 && Math.abs(m.figure()) > 0 && !Double.isNaN(m.figure())
                    && (Math.abs(m.figure()) / Math.abs(q.value()) > SCALE_GAP
                    || Math.abs(q.value()) / Math.abs(m.figure()) > SCALE_GAP);
            return farBound ? Outcome.NO : Outcome.YES;
        }
        return r.disjoint(claimed) ? Outcome.NO : Outcome.OPEN;
    }

    private static Range claimRange(Claim.Quantity q) {
        double c = q.value();
        Claim.Bound b = q.bound();
        if (q.kind() == Claim.Kind.CHANGE && c < 0) {
            b = switch (b) { // "fell by more than 5 %" is a change below -5 %
                case MORE_THAN -> Claim.Bound.LESS_THAN;
                case AT_LEAST -> Claim.Bound.AT_MOST;
                case LESS_THAN -> Claim.Bound.MORE_THAN;
                case AT_MOST -> Claim.Bound.AT_LEAST;
                default -> b;
            };
        }
        double inf = Double.POSITIVE_INFINITY;
        return switch (b) {
            case EXACT -> new Range(c, c, false, false);
            case ABOUT -> new Range(Math.min(c * (1 - ABOUT_RANGE), c * (1 + ABOUT_RANGE)),
                    Math.max(c * (1 - ABOUT_RANGE), c * (1 + ABOUT_RANGE)), false, false);
            case MORE_THAN -> new Range(c, inf, true, false);
            case AT_LEAST -> new Range(c, inf, false, false);
            case LESS_THAN -> new Range(-inf, c, false, true);
            case AT_MOST -> new Range(-inf, c, false, false);
        };
    }

    private static Range reportRange(double r, Qualifier q) {
        if (r < 0) {
            // "a fall of more than 5 %" is a change below -5 %: the range of the size, mirrored
            Range size = reportRange(-r, q);
            return new Range(-size.hi(), -size.lo(), size.hiOpen(), size.loOpen());
        }
        return switch (q) {
            case EXACT -> new Range(r, r, false, false);
            case ABOUT -> new Range(r * (1 - ABOUT_RANGE), r * (1 + ABOUT_RANGE), false, false);
            case MORE_THAN -> new Range(r, r * OPEN_RANGE, true, false);
            case AT_LEAST -> new Range(r, r * OPEN_RANGE, false, false);
            case LESS_THAN -> new Range(r / OPEN_RANGE, r, false, true);
        };
    }

    /** A share is at most 100 %: "more than half" leaves anything up to all of it. */
    private static Range shareRange(Rate s) {
        Range r = reportRange(s.percent(), s.qualifier());
        return switch (s.qualifier()) {
            case MORE_THAN, AT_LEAST -> new Range(r.lo(), 100, r.loOpen(), false);
            default -> new Range(Math.max(r.lo(), 0), Math.min(r.hi(), 100), r.loOpen(), r.hiOpen());
        };
    }

    /** A figure with what it counts or measures; the figure alone where the dataset names nothing. */
    private String named(Language lang, String key, String figure, String noun) {
        return noun == null || noun.isBlank() ? figure : wording.format(lang, key, figure, noun);
    }

    /** Every figure of the facts a claim could be about, scored by how many of its words the claim names. */
    private List<Measure> measures(List<Fact> facts, Claim claim, Language lang) {
        List<Measure> out = new ArrayList<>();
        for (Fact f : facts) {
            for (Value v : f.values().values()) {
                int score = score(v, claim);
                String noun = v.noun() == null ? "" : v.noun().get(lang);
                String amount = values.qualified(v.qualifier(), values.bare(v, lang), lang);
                if ("count".equals(v.unit())) {
                    out.add(new Measure(Kind.COUNT, reportRange(v.amount(), v.qualifier()),
                            v.qualifier(), v.amount(), named(lang, "verify.figure.count", amount, noun), score));
                } else if (v.isMoney()) {
                    out.add(new Measure(Kind.MONEY, reportRange(v.amount(), v.qualifier()), v.qualifier(),
                            v.amount(), named(lang, "verify.figure.money", amount, noun), score, v.unit()));
                }
                if (v.isChange()) {
                    // "fell by 44.2 %": a change in percent the report gives as a figure of its own
                    Rate g = new Rate(v.signedChange(), v.qualifier());
                    out.add(new Measure(Kind.CHANGE, reportRange(g.percent(), g.qualifier()), g.qualifier(), g.percent(),
                            wording.format(lang, g.percent() < 0 ? "verify.figure.decline" : "verify.figure.growth",
                                    values.rate(new Rate(v.amount(), v.qualifier()), lang), noun), score));
                } else if ("percent".equals(v.unit())) {
                    // "42 % of organizations": a share of a whole the report names beside it
                    // judged only when the claim names what it is a share of, where the dataset gives its words: "70 % of
                    // the foundation models came from the US" is not about the 65.7 % that were open source
                    Rate s = new Rate(v.amount(), v.qualifier());
                    out.add(new Measure(Kind.SHARE, shareRange(s), s.qualifier(), s.percent(),
                            named(lang, "verify.figure.percent", values.rate(s, lang), noun), score, null,
                            score == 0 && !v.terms().isEmpty()));
                }
                if (v.eur() != null && !"EUR".equals(v.unit())) {
                    String eur = values.qualified(v.qualifier(), values.bare(v.eur(), "EUR", lang), lang);
                    out.add(new Measure(Kind.MONEY, reportRange(v.eur(), v.qualifier()), v.qualifier(), v.eur(),
                            named(lang, "verify.figure.money", eur, noun), score, "EUR"));
                }
                if (v.yoy() != null) {
                    Rate g = v.yoy();
                    out.add(new Measure(Kind.CHANGE, reportRange(g.percent(), g.qualifier()), g.qualifier(), g.percent(),
                            wording.format(lang, g.percent() < 0 ? "verify.figure.decline" : "verify.figure.growth",
                                    values.rate(new Rate(Math.abs(g.percent()), g.qualifier()), lang), noun), score));
                }
                if (v.share() != null) {
                    Rate s = v.share();
                    String share = wording.format(lang, "verify.figure.share", values.rate(s, lang), noun);
                    out.add(new Measure(Kind.SHARE, shareRange(s), s.qualifier(), s.percent(),
                            share, score));
                    if ("count".equals(v.unit())) {
                        out.add(national(v, share, score));
                    }
                }
            }
        }
        return out;
    }

    /** The national total a count and its share imply: 36 and "more than half" give 36 up to fewer than 72. */
    private static Measure national(Value v, String display, int score) {
        Range s = shareRange(v.share());
        double sLo = Math.max(s.lo(), 0);
        double sHi = Math.min(s.hi(), 100);
        double lo = v.amount() / (sHi / 100.0);
        double hi = sLo <= 0 ? Double.POSITIVE_INFINITY : v.amount() / (sLo / 100.0);
        Qualifier q = v.share().qualifier() == Qualifier.EXACT && v.qualifier() == Qualifier.EXACT ? Qualifier.EXACT
                : Qualifier.ABOUT;
        return new Measure(Kind.NATIONAL, new Range(lo, hi, s.hiOpen(), s.loOpen()), q, Double.NaN, display, score);
    }

    /**
     * How plainly the claim names this figure: 3 for each of its terms the claim uses (the words that tell it from the
     * others, "China", "academia", "2022"), 1 for each word of its noun ("private investment"), each word once.
     */
    private static int score(Value v, Claim claim) {
        int score = 0;
        Set<String> heads = v.terms().isEmpty() ? Set.of() : heads(claim.tokens());
        for (String t : v.terms()) {
            if (claim.mentions(t)) {
                score += TERM_SCORE;
                if (heads.contains(t.split(" ")[0])) {
                    score++; // "die Zahl der Behörden, die KI-Regeln erlassen": what is counted, not what it does
                }
            }
        }
        if (v.noun() != null) {
            Set<String> nounWords = new HashSet<>();
            for (String lang : List.of(v.noun().de(), v.noun().en())) {
                nounWords.addAll(TextNormalizer.tokens(lang));
            }
            for (String w : nounWords) {
                if (w.length() > 4 && claim.tokens().contains(w)) {
                    score++;
                }
            }
        }
        return score;
    }

    /**
     * The words that say what a claimed number counts: the two after "Zahl der" / "number of" and after a number
     * ("21 US-Behörden", "die Zahl der US-Behörden").
     */
    private static Set<String> heads(List<String> tokens) {
        Set<String> heads = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean number = !t.isEmpty() && Character.isDigit(t.charAt(0))
                    && t.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',');
            boolean countOf = i + 1 < tokens.size() && COUNT_OF.contains(t + " " + tokens.get(i + 1));
            int from = countOf ? i + 2 : number ? i + 1 : -1;
            for (int k = from; from >= 0 && k < Math.min(tokens.size(), from + HEAD_WINDOW); k++) {
                heads.add(tokens.get(k));
            }
        }
        return heads;
    }

    /**
     * How plainly a claimed direction names this figure: by its terms where the dataset gives them (a noun's general
     * words, "worldwide", "companies", name no figure of their own: "total investment rose worldwide" is not the
     * growth of the newly funded companies worldwide), else by its noun.
     */
    private static int directionScore(Value v, Claim claim) {
        return v.terms().isEmpty() ? score(v, claim) : (int) v.terms().stream().filter(claim::mentions).count();
    }

    /**
     * A claimed direction ("sind gestiegen", "fell") against the change of the figure the claim names by its words
     * (terms, noun): "China's investment rose" is not confirmed by the growth of the US's. A claim that names none of
     * the topic's changing figures is not decided by them.
     */
    private Optional<Verdict> direction(List<Fact> facts, Claim claim, Language lang) {
        List<Value> changing = facts.stream().flatMap(f -> f.values().values().stream())
                .filter(v -> v.yoy() != null || v.isChange()).toList();
        int best = changing.stream().mapToInt(v -> directionScore(v, claim)).max().orElse(0);
        if (best == 0) {
            return Optional.empty();
        }
        for (Value v : changing) {
            if (directionScore(v, claim) < best) {
                continue;
            }
            Rate g = v.yoy() != null ? v.yoy() : new Rate(v.signedChange(), v.qualifier());
            String noun = v.noun() == null ? "" : v.noun().get(lang);
            String display = wording.format(lang, g.percent() < 0 ? "verify.figure.decline" : "verify.figure.growth",
                    values.rate(new Rate(Math.abs(g.percent()), g.qualifier()), lang), noun);
            Range r = reportRange(g.percent(), g.qualifier());
            boolean up = r.lo() > 0 || r.lo() == 0 && r.loOpen();
            boolean down = r.hi() < 0 || r.hi() == 0 && r.hiOpen();
            Claim.Direction d = claim.direction().orElseThrow();
            boolean yes = d == Claim.Direction.UP && up || d == Claim.Direction.DOWN && down;
            boolean no = d == Claim.Direction.UP && down || d == Claim.Direction.DOWN && up
                    || d == Claim.Direction.FLAT && (up || down);
            if (yes) {
                return Optional.of(new Verdict(Outcome.YES, wording.format(lang, "verify.yes", display)));
            }
            if (no) {
                return Optional.of(new Verdict(Outcome.NO, wording.format(lang, "verify.no", display)));
            }
        }
        return Optional.empty();
    }
}
