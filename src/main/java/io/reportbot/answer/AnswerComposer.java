package io.reportbot.answer;

import io.reportbot.core.Language;
import io.reportbot.nlp.Aspect;
import io.reportbot.report.Computed;
import io.reportbot.report.Fact;
import io.reportbot.report.Qualifier;
import io.reportbot.report.Rate;
import io.reportbot.report.Report;
import io.reportbot.report.Topic;
import io.reportbot.report.Value;
import java.math.BigDecimal;
import java.math.MathContext;
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

    private static final double MATCH_TOLERANCE = 0.005;
    /** "more than 2,400" leaves 3,000 open, but not 5,000. */
    private static final double OPEN_RANGE = 1.5;

    private final Report report;
    private final Wording wording;
    private final NumberFormatter numbers;
    private final ValueRenderer values;
    private final Optional<Double> eurPerCny;
    private final Set<String> factsNamingATime;

    public AnswerComposer(Report report, Wording wording) {
        this(report, wording, List.of());
    }

    /**
     * @param timeWords normalised words that name a time (weekdays, months, quarters): a topic whose sentences
     *                  contain one can answer "when?"
     */
    public AnswerComposer(Report report, Wording wording, List<String> timeWords) {
        this.report = report;
        this.factsNamingATime = report.facts().stream().filter(f -> namesATime(f, timeWords)).map(Fact::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.wording = wording;
        this.numbers = new NumberFormatter(wording);
        this.values = new ValueRenderer(wording, numbers, report);
        this.eurPerCny = report.eurPerCny();
    }

    /**
     * The answer to a topic question.
     *
     * @param claims figures the question states ("Stimmt es, dass es 70 Einhörner gibt?"), to confirm or correct
     */
    public Composed topic(Topic topic, Language lang, Set<Aspect> aspects, List<Double> claims) {
        return topic(topic, lang, aspects, claims, true);
    }

    /**
     * The answer to a topic question.
     *
     * @param claims        figures the question states
     * @param askedToVerify whether the question asks to confirm them ("stimmt es", "is it true"); if not, a
     *                      verdict is given only when a stated figure is wrong
     */
    public Composed topic(Topic topic, Language lang, Set<Aspect> aspects, List<Double> claims, boolean askedToVerify) {
        List<Fact> facts = report.factsOf(topic);
        List<Value> all = facts.stream().flatMap(f -> f.values().values().stream()).toList();
        String label = topic.label().get(lang);

        if (aspects.contains(Aspect.PREVIOUS_YEAR) && all.stream().noneMatch(v -> v.yoy() != null)) {
            return new Composed(wording.format(lang, "fallback.previous_year", label),
                    ids(facts), List.of(), true);
        }

        StringBuilder main = new StringBuilder();
        for (Fact f : facts) {
            if (main.length() > 0) {
                main.append(' ');
            }
            main.append(values.fill(f.answer().get(lang), f.values(), lang));
        }

        List<String> lines = new ArrayList<>();
        Optional<String> unanswered = unansweredPart(facts, all, aspects, lang);
        if (unanswered.isPresent()) {
            lines.add(unanswered.get());
        } else if (!claims.isEmpty() && (askedToVerify || !all.isEmpty() && !anyMatch(all, claims))) {
            lines.add(verdict(all, claims, lang));
        }
        lines.add(main.toString());
        lines.addAll(extras(facts, all, lang, aspects, true));

        List<String> sources = new ArrayList<>(new LinkedHashSet<>(facts.stream().map(Fact::source).toList()));
        StringBuilder text = new StringBuilder(String.join("\n", lines));
        text.append("\n");
        for (String s : sources) {
            text.append("\n").append(wording.format(lang, "source", s, report.title().get(lang)));
        }
        return new Composed(text.toString(), ids(facts), sources, unanswered.isPresent());
    }

    /**
     * What the question asks that the report doesn't give, said first, before what it does say: names or a
     * ranking, a cause, a date the topic's sentences don't name, a count for a topic without a number. Empty
     * when the report answers what is asked.
     */
    private Optional<String> unansweredPart(List<Fact> facts, List<Value> all, Set<Aspect> aspects, Language lang) {
        if (aspects.contains(Aspect.NAMES)) {
            return Optional.of(wording.get(lang, all.isEmpty() ? "note.no_names" : "note.no_names_only_figures"));
        }
        if (aspects.contains(Aspect.WHY)) {
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
        boolean national = all.stream().anyMatch(v -> v.share() != null);
        if (aspects.contains(Aspect.NATIONAL_TOTAL) && !all.isEmpty() && !national) {
            return Optional.of(wording.get(lang, "note.no_national")); // "how many in all of China?": Beijing only
        }
        return Optional.empty();
    }

    private static boolean namesATime(Fact f, List<String> timeWords) {
        String source = " " + io.reportbot.nlp.TextNormalizer.normalize(f.source()) + " ";
        return timeWords.stream().anyMatch(w -> source.contains(" " + w + " "));
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
        if (aspects.contains(Aspect.PREVIOUS_YEAR) && all.stream().noneMatch(v -> v.yoy() != null)) {
            return new Composed(wording.format(lang, "fallback.previous_year", label), ids(facts), List.of(), true);
        }
        List<String> lines = new ArrayList<>();
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
        if (lines.isEmpty() && (aspects.contains(Aspect.SHARE) || aspects.contains(Aspect.NATIONAL))) {
            lines.add(wording.get(lang, "note.no_national"));
        } else if (lines.isEmpty() && !aspects.contains(Aspect.SOURCE)) {
            lines.add(wording.format(lang, "followup.about", label));
        }
        List<String> sources = new ArrayList<>(new LinkedHashSet<>(facts.stream().map(Fact::source).toList()));
        StringBuilder text = new StringBuilder(String.join("\n", lines));
        for (String src : sources) {
            text.append(text.length() == 0 ? "" : "\n").append(wording.format(lang, "source", src, report.title().get(lang)));
        }
        return new Composed(text.toString().strip(), ids(facts), sources, unanswered.isPresent());
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
                        values.qualified(m.qualifier(), values.bare(m.amount(), m.unit(), lang), lang),
                        values.qualified(count.qualifier(), numbers.number(count.amount(), 0, lang), lang),
                        noun(count, lang), approx(q, each, lang)));
            }
        }
        return lines;
    }

    private String verdict(List<Value> all, List<Double> claims, Language lang) {
        if (all.isEmpty()) {
            return wording.get(lang, "note.no_figure");
        }
        if (anyMatch(all, claims)) {
            return wording.get(lang, "verify.true");
        }
        for (Value v : all) {
            for (double c : claims) {
                if (leftOpen(v, c)) {
                    return wording.format(lang, "verify.open",
                            values.qualified(v.qualifier(), values.bare(v.amount(), v.unit(), lang), lang));
                }
            }
        }
        return wording.get(lang, "verify.false");
    }

    private static boolean anyMatch(List<Value> all, List<Double> claims) {
        return claims.stream().anyMatch(c -> all.stream().anyMatch(v -> matches(v, c)));
    }

    private static boolean matches(Value v, double claim) {
        List<Double> candidates = new ArrayList<>(List.of(v.amount(), NumberFormatter.mantissa(v.amount())));
        if (v.eur() != null) {
            candidates.add(v.eur());
            candidates.add(NumberFormatter.mantissa(v.eur()));
        }
        if (v.yoy() != null) {
            candidates.add(v.yoy().percent());
        }
        if (v.share() != null) {
            candidates.add(v.share().percent());
        }
        return candidates.stream().anyMatch(c -> Math.abs(c - claim) <= Math.abs(c) * MATCH_TOLERANCE);
    }

    /**
     * Whether a claimed figure is consistent with a bounded one without being confirmed by it: 3,000 AI
     * companies against "more than 2,400", or 33 billion against "about 32 billion".
     */
    private static boolean leftOpen(Value v, double claim) {
        for (double amount : List.of(v.amount(), NumberFormatter.mantissa(v.amount()))) {
            boolean sameScale = amount == v.amount() || claim < 1e6;
            if (!sameScale) {
                continue;
            }
            switch (v.qualifier()) {
                case MORE_THAN, AT_LEAST -> {
                    if (claim > amount && claim <= amount * OPEN_RANGE) {
                        return true;
                    }
                }
                case LESS_THAN -> {
                    if (claim < amount && claim >= amount / OPEN_RANGE) {
                        return true;
                    }
                }
                case ABOUT -> {
                    if (Math.abs(claim - amount) <= Math.abs(amount) * 0.1) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
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
                lines.add(wording.get(lang, "note.no_national"));
            }
        } else if (aspects.contains(Aspect.SHARE) && !hasShare && all.stream().noneMatch(v -> v.yoy() != null)) {
            lines.add(wording.get(lang, "note.no_national"));
        }
        if (aspects.contains(Aspect.EURO)) {
            boolean money = all.stream().anyMatch(Value::isMoney);
            if (!money && !all.isEmpty()) {
                lines.add(wording.get(lang, "note.no_eur"));
            }
            for (Value v : all) {
                if ("CNY".equals(v.unit()) && v.eur() == null && eurPerCny.isPresent()) {
                    lines.add(converted(v, lang));
                }
            }
        }
        if (aspects.contains(Aspect.OTHER_CURRENCY) && all.stream().anyMatch(Value::isMoney)) {
            lines.add(wording.get(lang, "note.other_currency"));
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
        double prev = significant(v.amount() / factor);
        Qualifier q = derivedQualifier(v.qualifier(), g.qualifier());
        String figure = values.bare(prev, v.unit(), lang);
        if (v.eur() != null) {
            figure += " (" + values.bare(significant(v.eur() / factor), "EUR", lang) + ")";
        }
        return wording.format(lang, "computed.previous_year", noun(v, lang), approx(q, figure, lang),
                values.rate(g, lang));
    }

    private String nationalTotal(Value v, Language lang) {
        Rate s = v.share();
        double total = significant(v.amount() / (s.percent() / 100.0));
        Qualifier q = s.qualifier().inverted();
        if (v.qualifier() != Qualifier.EXACT && q == Qualifier.EXACT) {
            q = Qualifier.ABOUT;
        }
        return wording.format(lang, "computed.national_total", noun(v, lang),
                approx(q, values.bare(total, v.unit(), lang), lang), values.rate(s, lang));
    }

    private String converted(Value v, Language lang) {
        double rate = eurPerCny.orElseThrow();
        String cny = values.bare(v.amount(), v.unit(), lang);
        String eur = values.bare(significant(v.amount() * rate), "EUR", lang);
        return wording.format(lang, "computed.eur", cny, approx(Qualifier.ABOUT, eur, lang),
                "1", numbers.number(significant(rate), 4, lang));
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

    private static List<String> ids(List<Fact> facts) {
        return facts.stream().map(Fact::id).toList();
    }

    /** The renderer that fills answer templates (for other handlers that show a fact). */
    public ValueRenderer values() {
        return values;
    }
}
