package io.reportbot.answer;

import io.reportbot.core.Language;
import io.reportbot.nlp.Aspect;
import io.reportbot.nlp.Claim;
import io.reportbot.nlp.Gazetteer;
import io.reportbot.nlp.Lexicon;
import io.reportbot.report.Computed;
import io.reportbot.report.Fact;
import io.reportbot.report.Qualifier;
import io.reportbot.report.Rate;
import io.reportbot.report.Report;
import io.reportbot.report.Topic;
import io.reportbot.report.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a topic's answer from the report in the asker's language: the facts' own sentences with their
 * figures, the lines an {@link Aspect} asks for (stated by the report, or computed and marked as computed),
 * a yes/no for a figure the user claims, and the source sentences. Immutable and thread-safe.
 */
public final class AnswerComposer {

    private final Report report;
    private final Wording wording;
    private final NumberFormatter numbers;
    private final ValueRenderer values;
    private final Optional<Double> eurPerCny;
    private final Set<String> factsNamingATime;
    private final Set<String> factsGivingAReason;
    private final ClaimChecker checker;

    public AnswerComposer(Report report, Wording wording) {
        this(report, wording, List.of(), List.of(), Gazetteer.bundled(), ClaimChecker.Words.bundled());
    }

    /**
     * @param timeWords normalised words that name a time (weekdays, months, quarters): a topic whose sentences
     *                  contain one can answer "when?"
     * @param reasonWords normalised words and phrases that give a cause ("weil", "treiben", "driven by"): a topic
     *                  whose sentences contain one can answer "why?" with them; any other "why?" is told the report
     *                  gives no reasons
     * @param gazetteer   the other places, for the claim checker
     * @param claimWords  the general-language words the claim checker reads a claim's content with
     */
    public AnswerComposer(Report report, Wording wording, List<String> timeWords, List<String> reasonWords,
                          Gazetteer gazetteer, ClaimChecker.Words claimWords) {
        this.report = report;
        this.factsNamingATime = report.facts().stream().filter(f -> contains(f, timeWords)).map(Fact::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.factsGivingAReason = report.facts().stream().filter(f -> contains(f, reasonWords)).map(Fact::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.wording = wording;
        this.numbers = new NumberFormatter(wording);
        this.values = new ValueRenderer(wording, numbers, report);
        this.eurPerCny = report.eurPerCny();
        this.checker = new ClaimChecker(report, wording, values, gazetteer, claimWords);
    }

    /** The answer to a topic question that states no claim. */
    public Composed topic(Topic topic, Language lang, Set<Aspect> aspects) {
        return topic(topic, lang, aspects, Claim.none(), false, List.of());
    }

    /**
     * The answer to a topic question with bare figures to check (each a count, or an amount when a million or
     * more); kept for callers that have no {@link Claim}.
     *
     * @param claims figures the question states ("Stimmt es, dass es 70 Einhörner gibt?"), to confirm or correct
     */
    public Composed topic(Topic topic, Language lang, Set<Aspect> aspects, List<Double> claims) {
        return topic(topic, lang, aspects, claims, true);
    }

    /**
     * The answer to a topic question with bare figures to check; kept for callers that have no {@link Claim}.
     *
     * @param askedToVerify whether the question asks to confirm them; if not, only a wrong figure gets a verdict
     */
    public Composed topic(Topic topic, Language lang, Set<Aspect> aspects, List<Double> claims, boolean askedToVerify) {
        List<Claim.Quantity> qs = claims.stream().map(c -> new Claim.Quantity(c,
                Math.abs(c) >= 1e6 ? Claim.Unit.NONE : Claim.Unit.COUNT, Claim.Bound.EXACT, Claim.Kind.AMOUNT, false)).toList();
        return topic(topic, lang, aspects, new Claim(qs, Optional.empty(), List.of(), askedToVerify), askedToVerify, List.of());
    }

    /**
     * The answer to a topic question.
     *
     * @param claim         what the question claims, checked by the {@link ClaimChecker}
     * @param askedToVerify whether the question asks to confirm it ("stimmt es", "is it true"); if not, a
     *                      verdict is given only when the claim is wrong
     * @param otherPlaces   the places other than the report's that the question names
     */
    public Composed topic(Topic topic, Language lang, Set<Aspect> aspects, Claim claim, boolean askedToVerify,
                          List<String> otherPlaces) {
        return topic(topic, lang, aspects, claim, askedToVerify, otherPlaces, List.of());
    }

    /**
     * The answer to a topic question that may name years.
     *
     * @param years the years the question names: a claim that matches a figure but names a year none of the
     *              topic's figures is for ("300 billion in 2023" where the report gives 2024) is not confirmed
     */
    public Composed topic(Topic topic, Language lang, Set<Aspect> aspects, Claim claim, boolean askedToVerify,
                          List<String> otherPlaces, List<Integer> years) {
        List<Fact> facts = report.factsOf(topic);
        List<Value> all = facts.stream().flatMap(f -> f.values().values().stream()).toList();
        String label = topic.label().get(lang);

        if (aspects.contains(Aspect.PREVIOUS_YEAR) && noPreviousYear(facts, all)) {
            return new Composed(wording.format(lang, "fallback.previous_year", label),
                    ids(facts), List.of(), true);
        }

        String main = said(facts, lang);

        List<String> lines = new ArrayList<>();
        // an amount claimed in euro ("25.2 billion euros, right?") is judged, not declined for the currency
        Optional<String> unanswered = unansweredPart(facts, all, aspects, lang, !claim.quantities().isEmpty());
        if (unanswered.isPresent()) {
            lines.add(unanswered.get());
        } else if (askedToVerify || claim.states()) {
            checker.check(topic, claim, otherPlaces, lang)
                    .map(v -> v.outcome() == ClaimChecker.Outcome.YES ? otherYear(facts, years, lang).orElse(v) : v)
                    // a statement ("Beijing hat 36 Einhörner.") is confirmed or corrected like a question; what the
                    // report leaves open is only said when asked
                    .filter(v -> askedToVerify || v.outcome() != ClaimChecker.Outcome.OPEN)
                    .ifPresent(v -> lines.add(v.text()));
        }
        lines.add(main);
        lines.addAll(extras(facts, all, lang, aspects, true));

        List<String> sources = new ArrayList<>(new LinkedHashSet<>(facts.stream().map(Fact::source).toList()));
        StringBuilder text = new StringBuilder(String.join("\n", lines));
        text.append("\n");
        for (String s : sources) {
            text.append("\n").append(sourceLine(s, lang));
        }
        return new Composed(text.toString(), ids(facts), sources, unanswered.isPresent());
    }

    /**
     * What the question asks that the report doesn't give, said first, before what it does say: names or a
     * ranking, what a term means, a cause, a date the topic's sentences don't name, a count for a topic without a
     * number, euro of a report without euro figures, another currency than the report's, a share of the nation of a
     * topic without one. Empty when the
     * report answers what is asked.
     */
    private Optional<String> unansweredPart(List<Fact> facts, List<Value> all, Set<Aspect> aspects, Language lang) {
        return unansweredPart(facts, all, aspects, lang, false);
    }

    private Optional<String> unansweredPart(List<Fact> facts, List<Value> all, Set<Aspect> aspects, Language lang,
                                            boolean claimsAFigure) {
        if (aspects.contains(Aspect.NAMES)) {
            return Optional.of(wording.get(lang, all.isEmpty() ? "note.no_names" : "note.no_names_only_figures"));
        }
        if (aspects.contains(Aspect.DEFINITION)) {
            return Optional.of(wording.get(lang, "note.no_definition")); // "was ist photonisches Computing?"
        }
        if (aspects.contains(Aspect.WHY) && facts.stream().map(Fact::id).noneMatch(factsGivingAReason::contains)) {
            return Optional.of(wording.get(lang, "note.no_reasons"));
        }
        if (aspects.contains(Aspect.WHEN) && facts.stream().map(Fact::id).noneMatch(factsNamingATime::contains)) {
            return Optional.of(wording.get(lang, "note.no_date"));
        }
        if (aspects.contains(Aspect.HOW_MANY) && all.isEmpty()) {
            return Optional.of(wording.get(lang, "note.no_figure"));
        }
        if (aspects.contains(Aspect.MONEY) && !all.isEmpty() && all.stream().noneMatch(Value::isMoney)) {
            return Optional.of(wording.get(lang, "note.no_money")); // "what are the unicorns worth?": only a count
        }
        if (aspects.contains(Aspect.EURO) && !report.currencies().containsKey("EUR")
                && all.stream().anyMatch(Value::isMoney) && !aspects.contains(Aspect.SOURCE) && !claimsAFigure) {
            // "in Euro?" of a report in dollars only: what it doesn't give is said first, then its own figures
            return Optional.of(wording.format(lang, "note.other_currency", currencyNames(lang)));
        }
        if (aspects.contains(Aspect.GROWTH) && !all.isEmpty() && !claimsAFigure && noChange(facts, all)) {
            // "how fast has the number of listed companies grown?": a figure for one year only
            return Optional.of(wording.get(lang, "note.no_growth"));
        }
        if (aspects.contains(Aspect.OTHER_CURRENCY) && !aspects.contains(Aspect.EURO) && !aspects.contains(Aspect.SOURCE)
                && all.stream().anyMatch(Value::isMoney) && !claimsAFigure) {
            // "in USD?" of a report in yuan and euro: it gives no rate for that currency, said first
            return Optional.of(wording.format(lang, "note.other_currency", currencyNames(lang)));
        }
        boolean national = all.stream().anyMatch(v -> v.share() != null);
        // "how many in all of China?": Beijing only; a topic of shares of a whole ("52 % of respondents worldwide")
        // answers a share of it
        if (aspects.contains(Aspect.NATIONAL_TOTAL) && !all.isEmpty() && !national
                && !(aspects.contains(Aspect.SHARE) && all.stream().anyMatch(v -> "percent".equals(v.unit())))) {
            return Optional.of(noNational(lang));
        }
        return Optional.empty();
    }

    /** Whether the facts give no change and no earlier figure: no growth rate, no rise or fall, no span of years. */
    private static boolean noChange(List<Fact> facts, List<Value> all) {
        return facts.stream().noneMatch(Fact::spansYears) && all.stream().noneMatch(v -> v.yoy() != null || v.isChange()
                || "points".equals(v.unit()) || "times".equals(v.unit()));
    }

    /** Whether a fact's source sentence contains one of the (normalised) words or phrases, as whole words. */
    private static boolean contains(Fact f, List<String> words) {
        String source = " " + io.reportbot.nlp.TextNormalizer.normalize(f.source()) + " ";
        return words.stream().anyMatch(w -> w.contains(Lexicon.GAP)
                ? containsWithGap(source, w.split(java.util.regex.Pattern.quote(Lexicon.GAP)))
                : source.contains(" " + w + " "));
    }

    /** A phrase with a gap: "um ... zu" (normalised "um" then "zu" within {@link #MAX_GAP} words: a purpose). */
    private static final int MAX_GAP = 12;

    private static boolean containsWithGap(String source, String[] parts) {
        String[] words = source.trim().split(" ");
        for (int i = 0; i < words.length; i++) {
            if (!startsAt(words, i, parts[0])) {
                continue;
            }
            int at = i + parts[0].split(" ").length;
            boolean all = true;
            for (int p = 1; p < parts.length && all; p++) {
                int found = -1;
                for (int j = at; j < Math.min(words.length, at + MAX_GAP + 1); j++) {
                    if (startsAt(words, j, parts[p])) {
                        found = j;
                        break;
                    }
                }
                all = found >= 0;
                at = found + parts[p].split(" ").length;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsAt(String[] words, int i, String phrase) {
        String[] p = phrase.split(" ");
        if (i + p.length > words.length) {
            return false;
        }
        for (int k = 0; k < p.length; k++) {
            if (!words[i + k].equals(p[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The answer to a follow-up about a topic already answered ("und in Euro?", "and the year before?",
     * "Woher stammt das?"): only what the aspects ask for, and the source.
     */
    public Composed followUp(Topic topic, Language lang, Set<Aspect> aspects) {
        return followUp(topic, lang, aspects, Set.of());
    }

    /**
     * The answer to a follow-up about a topic already answered, about the figures the last answer was about:
     * "und in Euro?" after "what is the fund's investment?" converts that figure, not every figure of the topic.
     *
     * @param focus the figures the last answer was about ({@link #valueRef} form); empty for all of the topic's
     */
    public Composed followUp(Topic topic, Language lang, Set<Aspect> aspects, Set<String> focus) {
        List<Fact> facts = report.factsOf(topic);
        List<Value> all = facts.stream().flatMap(f -> f.values().values().stream()).toList();
        List<Value> money = focused(facts, focus).stream().filter(Value::isMoney).toList();
        List<Value> euroCandidates = money.isEmpty() ? all : money;
        String label = topic.label().get(lang);
        if (aspects.contains(Aspect.PREVIOUS_YEAR) && noPreviousYear(facts, all)) {
            return new Composed(wording.format(lang, "fallback.previous_year", label), ids(facts), List.of(), true);
        }
        List<String> lines = new ArrayList<>();
        if (aspects.contains(Aspect.PREVIOUS_YEAR) && all.stream().noneMatch(v -> v.yoy() != null)) {
            // no growth rate to compute from, but sentences that give the earlier year themselves
            facts.stream().filter(Fact::spansYears)
                    .forEach(f -> lines.add(values.fill(f.answer().get(lang), f.values(), lang)));
        }
        Optional<String> unanswered = unansweredPart(facts, all, aspects, lang);
        if (unanswered.isEmpty() && aspects.contains(Aspect.PER_UNIT)) {
            List<String> perUnit = perUnit(facts, lang);
            if (perUnit.isEmpty()) {
                unanswered = Optional.of(wording.format(lang, "note.no_per_unit", label));
                for (Fact f : facts) {
                    perUnit.add(values.fill(f.answer().get(lang), f.values(), lang));
                }
            }
            lines.addAll(perUnit);
        }
        unanswered.ifPresent(u -> lines.add(0, u));
        if (aspects.contains(Aspect.EURO)) {
            for (Value v : euroCandidates) {
                if (v.eur() != null) {
                    lines.add(wording.format(lang, "stated.eur", capitalise(noun(v, lang)),
                            values.qualified(v.qualifier(), values.bare(v.eur(), "EUR", lang), lang)));
                }
            }
        }
        Set<Aspect> rest = java.util.EnumSet.noneOf(Aspect.class);
        rest.addAll(aspects);
        rest.remove(Aspect.SOURCE);
        lines.addAll(extras(facts, rest.contains(Aspect.EURO) ? euroCandidates : all, lang, rest,
                aspects.contains(Aspect.RATIO)));
        if (unanswered.isPresent() && lines.size() == 1) {
            lines.add(said(facts, lang)); // "in euro?" of a report in dollars: what it doesn't give, then what it does
        }
        boolean ownShares = all.stream().noneMatch(v -> v.share() != null) && all.stream().anyMatch(v -> "percent".equals(v.unit()));
        if (lines.isEmpty() && aspects.contains(Aspect.SHARE) && !aspects.contains(Aspect.NATIONAL) && ownShares) {
            // "what share was open source?": the topic's own shares answer it, not a share of the nation
            lines.add(said(facts, lang));
        } else if (lines.isEmpty() && (aspects.contains(Aspect.SHARE) || aspects.contains(Aspect.NATIONAL))) {
            lines.add(noNational(lang));
        } else if (lines.isEmpty() && !aspects.contains(Aspect.SOURCE)) {
            lines.add(wording.format(lang, "followup.about", label));
        }
        List<String> sources = new ArrayList<>(new LinkedHashSet<>(facts.stream().map(Fact::source).toList()));
        StringBuilder text = new StringBuilder(String.join("\n", lines));
        for (String src : sources) {
            text.append(text.length() == 0 ? "" : "\n").append(sourceLine(src, lang));
        }
        return new Composed(text.toString().strip(), ids(facts), sources, unanswered.isPresent());
    }

    /** Neither a growth rate to compute the year before from, nor a sentence that gives it (a range of years). */
    private static boolean noPreviousYear(List<Fact> facts, List<Value> all) {
        return all.stream().noneMatch(v -> v.yoy() != null) && facts.stream().noneMatch(Fact::spansYears);
    }

    /** How a figure is named in a conversation's memory: "factId/valueKey". */
    public static String valueRef(Fact fact, String key) {
        return fact.id() + "/" + key;
    }

    /** The topic's figures named by the focus; all of them when the focus names none of them. */
    private static List<Value> focused(List<Fact> facts, Set<String> focus) {
        List<Value> out = new ArrayList<>();
        for (Fact f : facts) {
            f.values().forEach((k, v) -> {
                if (focus.contains(valueRef(f, k))) {
                    out.add(v);
                }
            });
        }
        return out.isEmpty() ? facts.stream().flatMap(f -> f.values().values().stream()).toList() : out;
    }

    /** Whether a fact of the topic gives an amount of money and a count, so that an amount per unit can be computed. */
    public boolean computesPerUnit(Topic topic) {
        return report.factsOf(topic).stream().anyMatch(f -> f.values().values().stream().anyMatch(Value::isMoney)
                && f.values().values().stream().anyMatch(v -> "count".equals(v.unit()) && v.amount() > 0));
    }

    /**
     * "Pro Unternehmen?": where one fact gives an amount of money and a count, the amount per counted thing,
     * computed and said to be computed. Empty where no fact gives both.
     */
    private List<String> perUnit(List<Fact> facts, Language lang) {
        List<String> lines = new ArrayList<>();
        for (Fact f : facts) {
            Value count = f.values().values().stream().filter(v -> "count".equals(v.unit())).findFirst().orElse(null);
            if (count == null || count.amount() <= 0) {
                continue;
            }
            for (Value m : f.values().values()) {
                if (!m.isMoney()) {
                    continue;
                }
                String each = values.bare(significant(m.amount() / count.amount()), m.unit(), lang);
                if (m.eur() != null) {
                    each += " (" + values.bare(significant(m.eur() / count.amount()), "EUR", lang) + ")";
                }
                Qualifier q = count.qualifier() == Qualifier.EXACT ? m.qualifier() : Qualifier.ABOUT;
                lines.add(wording.format(lang, "computed.per_unit", capitalise(noun(m, lang)),
                        values.qualified(m.qualifier(), values.bare(m, lang), lang),
                        values.qualified(count.qualifier(), numbers.number(count.amount(), 0, lang), lang),
                        noun(count, lang), approx(q, each, lang)));
            }
        }
        return lines;
    }

    private List<String> extras(List<Fact> facts, List<Value> all, Language lang, Set<Aspect> aspects,
                                boolean ratios) {
        List<String> lines = new ArrayList<>();
        if (aspects.contains(Aspect.PREVIOUS_YEAR)) {
            for (Value v : all) {
                if (v.yoy() != null) {
                    lines.add(previousYear(v, lang));
                }
            }
        }
        boolean hasShare = all.stream().anyMatch(v -> v.share() != null);
        if (aspects.contains(Aspect.SHARE) && hasShare) {
            for (Value v : all) {
                if (v.share() != null) {
                    lines.add(wording.format(lang, "note.share", capitalise(noun(v, lang)), values.rate(v.share(), lang)));
                }
            }
        }
        if (aspects.contains(Aspect.NATIONAL)) {
            if (hasShare) {
                for (Value v : all) {
                    if (v.share() != null) {
                        lines.add(nationalTotal(v, lang));
                    }
                }
            } else {
                lines.add(noNational(lang));
            }
        } else if (aspects.contains(Aspect.SHARE) && !hasShare && all.stream().noneMatch(v -> v.yoy() != null)
                && all.stream().noneMatch(v -> "percent".equals(v.unit()))) {
            lines.add(noNational(lang));
        }
        boolean money = all.stream().anyMatch(Value::isMoney);
        boolean euroAskedWithoutEuro = aspects.contains(Aspect.EURO) && !report.currencies().containsKey("EUR");
        if (aspects.contains(Aspect.EURO)) {
            if (!money && !all.isEmpty()) {
                lines.add(wording.get(lang, "note.no_eur"));
            }
            for (Value v : all) {
                if (v.isMoney() && !"EUR".equals(v.unit()) && v.eur() == null && eurPerCny.isPresent()) {
                    lines.add(converted(v, lang));
                }
            }
        }
        // euro of a report without euro figures, and another currency asked alone, are said first, as what it
        // doesn't give (unansweredPart); asked beside euro ("in Euro und Dollar?"), after the euro
        if (aspects.contains(Aspect.OTHER_CURRENCY) && aspects.contains(Aspect.EURO) && !euroAskedWithoutEuro && money) {
            lines.add(wording.format(lang, "note.other_currency", currencyNames(lang)));
        }
        if (ratios) {
            for (Fact f : facts) {
                for (Computed c : f.computed()) {
                    lines.add(ratio(f, c, lang));
                }
            }
        }
        return lines;
    }

    private String previousYear(Value v, Language lang) {
        Rate g = v.yoy();
        double factor = 1 + g.percent() / 100.0;
        Qualifier q = derivedQualifier(v.qualifier(), g.qualifier());
        double prev = significant(v.amount() / factor, q);
        String figure = values.bare(prev, v.unit(), lang);
        if (v.eur() != null) {
            figure += " (" + values.bare(significant(v.eur() / factor, q), "EUR", lang) + ")";
        }
        return wording.format(lang, "computed.previous_year", noun(v, lang), approx(q, figure, lang),
                values.rate(g, lang));
    }

    private String nationalTotal(Value v, Language lang) {
        Rate s = v.share();
        Qualifier q = s.qualifier().inverted();
        if (v.qualifier() != Qualifier.EXACT && q == Qualifier.EXACT) {
            q = Qualifier.ABOUT;
        }
        double total = significant(v.amount() / (s.percent() / 100.0), q);
        return wording.format(lang, "computed.national_total", noun(v, lang),
                approx(q, values.bare(total, v.unit(), lang), lang), values.rate(s, lang),
                report.place().whole().get(lang));
    }

    private String converted(Value v, Language lang) {
        double rate = eurPerCny.orElseThrow();
        String cny = values.bare(v.amount(), v.unit(), lang);
        String eur = values.bare(significant(v.amount() * rate), "EUR", lang);
        return wording.format(lang, "computed.eur", cny, approx(Qualifier.ABOUT, eur, lang),
                "1", numbers.number(significant(rate), 4, lang), values.currency(v.unit(), lang),
                values.currency("EUR", lang));
    }

    private String ratio(Fact f, Computed c, Language lang) {
        Map<String, Value> vs = f.values();
        double r = vs.get(c.numerator()).amount() / vs.get(c.denominator()).amount();
        return c.text().get(lang).replace("{ratio}", numbers.number(r, 2, lang));
    }

    /** How exact a figure derived from a bounded value and a bounded rate is. */
    private static Qualifier derivedQualifier(Qualifier value, Qualifier rate) {
        if (rate == Qualifier.EXACT && (value == Qualifier.MORE_THAN || value == Qualifier.LESS_THAN)) {
            return value;
        }
        if (value == Qualifier.EXACT && (rate == Qualifier.MORE_THAN || rate == Qualifier.LESS_THAN)) {
            return rate.inverted();
        }
        return Qualifier.ABOUT;
    }

    /** Computed figures are never exact: "etwa X", or the bound the inputs give ("weniger als 72"). */
    private String approx(Qualifier q, String figure, Language lang) {
        if (q == Qualifier.EXACT || q == Qualifier.ABOUT) {
            return wording.get(lang, "approx") + " " + figure;
        }
        return values.qualified(q, figure, lang);
    }

    /** "Source (title, German original): …", or without the edition when the report names none. */
    private String sourceLine(String source, Language lang) {
        String title = report.title().get(lang);
        String edition = report.edition() == null ? null : report.edition().get(lang);
        return edition == null || edition.isBlank() ? wording.format(lang, "source", source, title)
                : wording.format(lang, "source.edition", source, title, edition);
    }

    /** "The report gives only the figures for Beijing here, no total or share for all of China." */
    private String noNational(Language lang) {
        return wording.format(lang, "note.no_national", report.place().name().get(lang),
                report.place().whole().get(lang));
    }

    /** The report's currencies by display name: "Yuan und Euro", "US dollars". */
    private String currencyNames(Language lang) {
        List<String> names = report.currencies().keySet().stream().sorted()
                .map(code -> values.currency(code, lang)).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + wording.get(lang, "and") + " "
                + names.get(names.size() - 1);
    }

    private String noun(Value v, Language lang) {
        return v.noun() == null ? "" : v.noun().get(lang);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Three significant digits: 267.857… billion → 268 billion; 2,201.8 → 2,200. */
    static double significant(double v) {
        return new BigDecimal(v).round(new MathContext(3)).doubleValue();
    }

    /**
     * Three significant digits that keep a bound honest: a lower bound ("mehr als") is rounded down, an upper
     * bound ("weniger als") up, so "mehr als 300 Mrd. ÷ 1,12" is "mehr als 267 Mrd.", never 268.
     */
    static double significant(double v, Qualifier q) {
        RoundingMode mode = switch (q) {
            case MORE_THAN, AT_LEAST -> v >= 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
            case LESS_THAN -> v >= 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
            default -> RoundingMode.HALF_EVEN;
        };
        return new BigDecimal(v).round(new MathContext(3, mode)).doubleValue();
    }

    private static List<String> ids(List<Fact> facts) {
        return facts.stream().map(Fact::id).toList();
    }

    /** The facts' answers with their figures, one after the other. */
    private String said(List<Fact> facts, Language lang) {
        return facts.stream().map(f -> values.fill(f.answer().get(lang), f.values(), lang))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /**
     * What the report says on a topic, for an answer that declines a question about it: its facts' sentences
     * with their figures, and the computed national total or previous-year value where asked, without sources.
     */
    public String summary(Topic topic, Language lang, Set<Aspect> aspects) {
        List<Fact> facts = report.factsOf(topic);
        StringBuilder sb = new StringBuilder(said(facts, lang));
        Set<Aspect> computed = java.util.EnumSet.noneOf(Aspect.class);
        for (Aspect a : List.of(Aspect.NATIONAL, Aspect.PREVIOUS_YEAR)) {
            if (aspects.contains(a)) {
                computed.add(a);
            }
        }
        List<Value> all = facts.stream().flatMap(f -> f.values().values().stream()).toList();
        for (String line : extras(facts, all, lang, computed, false)) {
            sb.append(' ').append(line);
        }
        return sb.toString();
    }

    /** The renderer that fills answer templates (for other handlers that show a fact). */
    public ValueRenderer values() {
        return values;
    }

    /**
     * "No" for a claim whose figure matches but whose year none of the facts is for; empty when the question names
     * no year, when the facts carry no period, or when a fact's period covers a named year ("2022-2023", "2024-Q1-Q3").
     */
    private Optional<ClaimChecker.Verdict> otherYear(List<Fact> facts, List<Integer> years, Language lang) {
        List<String> periods = facts.stream().map(Fact::period).filter(p -> p != null && !p.isBlank()).distinct().toList();
        if (years.isEmpty() || periods.isEmpty() || years.stream().anyMatch(y -> periods.stream().anyMatch(p -> covers(p, y)))) {
            return Optional.empty();
        }
        String own = periods.stream().map(p -> p.length() >= 4 ? p.substring(0, 4) : p).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return Optional.of(new ClaimChecker.Verdict(ClaimChecker.Outcome.NO, wording.format(lang, "verify.other_year",
                own, years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))));
    }

    /** Whether a period ("2024", "2022-2023", "2024-Q1-Q3") covers a year. */
    static boolean covers(String period, int year) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:-(\\d{4}))?").matcher(period);
        if (!m.lookingAt()) {
            return false;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        return year >= from && year <= to;
    }

}
