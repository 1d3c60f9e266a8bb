package io.reportbot.engine;

import io.reportbot.answer.AnswerComposer;
import io.reportbot.answer.Composed;
import io.reportbot.answer.Wording;
import io.reportbot.nlp.Aspect;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.IntentClassifier;
import io.reportbot.nlp.LanguageGuesser;
import io.reportbot.nlp.Question;
import io.reportbot.nlp.QuestionReader;
import io.reportbot.nlp.ScoredIntent;
import io.reportbot.nlp.TextNormalizer;
import io.reportbot.report.Fact;
import io.reportbot.report.Report;
import io.reportbot.report.Topic;
import io.reportbot.report.Uncovered;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: reads a question, decides what it asks, and answers it from the report or says honestly
 * that the report doesn't say. Immutable after construction and safe to call from many threads.
 *
 * <p>The decision, in order: input problems (empty, too long, binary, no words); the intent classifier;
 * a scope guard for places, years and metrics the report doesn't cover (no threshold catches those:
 * "How many language models were registered in 2020?" scores as high as the real question); the
 * confidence threshold; then the topic's answer, with the aspects the question asks for.
 */
final class DefaultEngine implements Engine {

    static final String FALLBACK = "fallback";
    private static final Logger log = LoggerFactory.getLogger(DefaultEngine.class);

    private final Report report;
    private final Map<String, Intent> intents;
    private final IntentClassifier classifier;
    private final LanguageGuesser languages;
    private final QuestionReader reader;
    private final AnswerComposer composer;
    private final Wording wording;
    private final double threshold;
    private final Map<String, String> topicSourcesNormalized;
    private final Map<Language, List<String>> examples;

    DefaultEngine(Report report, List<Intent> intents, IntentClassifier classifier, LanguageGuesser languages,
                  QuestionReader reader, Wording wording, double threshold) {
        this.report = report;
        this.intents = intents.stream().collect(Collectors.toUnmodifiableMap(Intent::name, Function.identity()));
        this.classifier = classifier;
        this.languages = languages;
        this.reader = reader;
        this.wording = wording;
        this.composer = new AnswerComposer(report, wording);
        this.threshold = threshold;
        this.topicSourcesNormalized = report.topics().stream().collect(Collectors.toUnmodifiableMap(Topic::id,
                t -> TextNormalizer.normalize(report.factsOf(t).stream().map(Fact::source).collect(Collectors.joining(" ")))));
        this.examples = Map.of(Language.DE, collectExamples(Language.DE), Language.EN, collectExamples(Language.EN));
    }

    @Override
    public Reply answer(Inbound inbound) {
        try {
            return answerChecked(inbound);
        } catch (RuntimeException e) {
            log.error("could not answer a question on {} ({}); answering with a fallback", inbound.platform(),
                    e.getClass().getSimpleName(), e);
            Language lang = inbound.languageHint().orElse(Language.DE);
            return fallback(lang, wording.get(lang, "fallback.unknown"), 0, List.of(), List.of());
        }
    }

    private Reply answerChecked(Inbound inbound) {
        String raw = inbound.text();
        Optional<InputCheck.Problem> problem = InputCheck.problem(raw);
        if (problem.isPresent()) {
            return inputProblem(problem.get(), raw, inbound.languageHint());
        }
        String text = InputCheck.clean(raw);
        Language lang = languages.guess(text, inbound.languageHint());
        List<ScoredIntent> scores = classifier.classify(classifier.prepare(text));
        List<IntentScore> ranking = scores.stream().limit(3).map(s -> new IntentScore(s.intent(), s.score())).toList();
        ScoredIntent top = scores.get(0);
        Intent intent = intents.get(top.intent());
        Question q = reader.read(text);

        Optional<Reply> outOfScope = scopeGuard(q, intent, lang, top, scores, ranking);
        if (outOfScope.isPresent()) {
            return outOfScope.get();
        }
        if (top.score() < threshold || intent.kind() == Intent.Kind.OUT_OF_SCOPE) {
            return fallback(lang, wording.get(lang, "fallback.unknown"), top.score(), suggestions(scores, lang, null), ranking);
        }
        if (intent.kind() == Intent.Kind.SMALLTALK) {
            return new Reply(lang, intent.name(), top.score(), false, smalltalk(intent.name(), lang),
                    List.of(), List.of(), List.of(), ranking);
        }
        Topic topic = report.topic(intent.name()).orElse(null);
        if (topic == null) {
            log.warn("intent {} has no topic in report {}", intent.name(), report.id());
            return fallback(lang, wording.get(lang, "fallback.unknown"), top.score(), suggestions(scores, lang, null), ranking);
        }
        return topicReply(topic, lang, top.score(), aspectsFor(q), claimsFor(q), ranking);
    }

    /** Places, years and metrics the report doesn't cover: an honest "the report doesn't say". */
    private Optional<Reply> scopeGuard(Question q, Intent intent, Language lang, ScoredIntent top,
                                       List<ScoredIntent> scores, List<IntentScore> ranking) {
        if (intent.kind() == Intent.Kind.SMALLTALK && top.score() >= threshold) {
            return Optional.empty();
        }
        String sources = intent.kind() == Intent.Kind.TOPIC ? topicSourcesNormalized.getOrDefault(intent.name(), "") : "";
        String suggestFirst = intent.kind() == Intent.Kind.TOPIC ? intent.name() : null;
        for (String place : q.otherPlaces()) {
            if (!(" " + sources + " ").contains(" " + place + " ")) {
                return Optional.of(fallback(lang, wording.format(lang, "fallback.place", display(place)), top.score(),
                        suggestions(scores, lang, suggestFirst), ranking));
            }
        }
        for (Uncovered u : report.uncovered()) {
            if (u.terms().stream().anyMatch(q::mentions)) {
                return Optional.of(fallback(lang, wording.format(lang, "fallback.metric", u.label().get(lang)),
                        top.score(), suggestions(scores, lang, suggestFirst), ranking));
            }
        }
        int first = report.years().stream().mapToInt(Integer::intValue).min().orElse(0);
        int last = report.years().stream().mapToInt(Integer::intValue).max().orElse(0);
        String covered = report.years().stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (q.future() && intent.kind() != Intent.Kind.OUT_OF_SCOPE) {
            return Optional.of(fallback(lang, wording.format(lang, "fallback.future", String.valueOf(last)),
                    top.score(), suggestions(scores, lang, suggestFirst), ranking));
        }
        for (int year : q.years()) {
            if (report.years().contains(year) || (year == first - 1 && intent.kind() == Intent.Kind.TOPIC)) {
                continue;
            }
            String key = year > last ? "fallback.future" : "fallback.year";
            String text = year > last ? wording.format(lang, key, String.valueOf(last))
                    : wording.format(lang, key, String.valueOf(year), covered);
            return Optional.of(fallback(lang, text, top.score(), suggestions(scores, lang, suggestFirst), ranking));
        }
        return Optional.empty();
    }

    private Set<Aspect> aspectsFor(Question q) {
        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        aspects.addAll(q.aspects());
        int first = report.years().stream().mapToInt(Integer::intValue).min().orElse(0);
        if (q.years().contains(first - 1)) {
            aspects.add(Aspect.PREVIOUS_YEAR);
        }
        return aspects;
    }

    /** Figures the question states, to be confirmed or corrected: when it asks to verify, or a figure is off. */
    private static List<Double> claimsFor(Question q) {
        return q.claims();
    }

    private Reply topicReply(Topic topic, Language lang, double confidence, Set<Aspect> aspects, List<Double> claims,
                             List<IntentScore> ranking) {
        Composed c = composer.topic(topic, lang, aspects, claims);
        List<Suggestion> sugg = c.fallback() ? List.of(new Suggestion(topic.id(), topic.label().get(lang))) : List.of();
        return new Reply(lang, topic.id(), confidence, c.fallback(), c.text(), sugg, c.factIds(), c.sources(), ranking);
    }

    @Override
    public Reply answerTopic(String topicId, Language language, String conversationId, String platform) {
        Language lang = language == null ? Language.DE : language;
        Optional<Topic> topic = topicId == null ? Optional.empty() : report.topic(topicId);
        if (topic.isEmpty()) {
            return fallback(lang, wording.get(lang, "fallback.unknown"), 0, topics(lang).stream().limit(3).toList(), List.of());
        }
        return topicReply(topic.get(), lang, 1.0, EnumSet.noneOf(Aspect.class), List.of(), List.of());
    }

    @Override
    public List<Suggestion> topics(Language language) {
        return report.topics().stream().map(t -> new Suggestion(t.id(), t.label().get(language))).toList();
    }

    @Override
    public List<String> exampleQuestions(Language language) {
        return examples.get(language);
    }

    private List<String> collectExamples(Language language) {
        Set<String> all = new LinkedHashSet<>();
        report.topics().forEach(t -> {
            if (t.example() != null && t.example().get(language) != null) {
                all.add(t.example().get(language));
            }
        });
        intents.values().stream()
                .filter(i -> i.kind() == Intent.Kind.TOPIC)
                .sorted(java.util.Comparator.comparing(Intent::name))
                .forEach(i -> all.addAll(i.examples(language)));
        return List.copyOf(all);
    }

    @Override
    public ReportInfo report(Language language) {
        List<String> key = report.topic("overview")
                .map(report::factsOf)
                .orElseGet(() -> report.facts().stream().filter(f -> !f.values().isEmpty()).limit(4).toList())
                .stream()
                .map(f -> composer.values().fill(f.answer().get(language), f.values(), language))
                .toList();
        return new ReportInfo(report.title().get(language),
                report.summary() == null ? "" : report.summary().get(language), key);
    }

    @Override
    public Language detectLanguage(String text, Optional<Language> hint) {
        return languages.guess(text == null ? "" : InputCheck.clean(text), hint == null ? Optional.empty() : hint);
    }

    @Override
    public String message(Language language, String key) {
        Language lang = language == null ? Language.DE : language;
        return switch (key) {
            case "greeting", "capabilities", "thanks", "goodbye" -> smalltalk(key, lang);
            case "help" -> wording.format(lang, "help", report.title().get(lang), firstExample(lang), topicList(lang));
            default -> wording.get(lang, key);
        };
    }

    private String smalltalk(String name, Language lang) {
        String title = report.title().get(lang);
        return switch (name) {
            case "greeting" -> wording.format(lang, "smalltalk.greeting", title, firstExample(lang));
            case "capabilities" -> wording.format(lang, "smalltalk.capabilities", title, topicList(lang), firstExample(lang));
            default -> wording.has(lang, "smalltalk." + name) ? wording.get(lang, "smalltalk." + name)
                    : wording.format(lang, "help", title, firstExample(lang), topicList(lang));
        };
    }

    private Reply inputProblem(InputCheck.Problem problem, String raw, Optional<Language> hint) {
        Language lang = problem == InputCheck.Problem.TOO_LONG
                ? languages.guess(InputCheck.clean(raw.substring(0, Math.min(raw.length(), InputCheck.MAX_CHARS))), hint)
                : hint.orElse(Language.DE);
        String text = switch (problem) {
            case EMPTY -> wording.format(lang, "input.empty", firstExample(lang));
            case TOO_LONG -> wording.format(lang, "input.too_long",
                    String.valueOf(raw.codePointCount(0, raw.length())), String.valueOf(InputCheck.MAX_CHARS));
            case UNREADABLE -> wording.get(lang, "input.unreadable");
            case NO_WORDS -> wording.format(lang, "input.no_words", firstExample(lang));
        };
        return fallback(lang, text, 0, topics(lang).stream().limit(3).toList(), List.of());
    }

    private Reply fallback(Language lang, String reason, double confidence, List<Suggestion> suggestions,
                           List<IntentScore> ranking) {
        StringBuilder text = new StringBuilder(reason);
        if (!suggestions.isEmpty()) {
            List<String> labels = suggestions.stream().map(Suggestion::label).toList();
            text.append(' ').append(wording.format(lang, "fallback.suggest", joinOr(labels, lang)));
        }
        return new Reply(lang, FALLBACK, confidence, true, text.toString(), suggestions, List.of(), List.of(), ranking);
    }

    /** The three best topics (the given one first), as suggestions. */
    private List<Suggestion> suggestions(List<ScoredIntent> scores, Language lang, String first) {
        List<String> ids = new ArrayList<>();
        if (first != null) {
            ids.add(first);
        }
        for (ScoredIntent s : scores) {
            if (ids.size() >= 3) {
                break;
            }
            if (!ids.contains(s.intent()) && report.topic(s.intent()).isPresent()) {
                ids.add(s.intent());
            }
        }
        return ids.stream().map(id -> report.topic(id).orElseThrow())
                .map(t -> new Suggestion(t.id(), t.label().get(lang))).toList();
    }

    private String joinOr(List<String> items, Language lang) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + wording.get(lang, "or") + " "
                + items.get(items.size() - 1);
    }

    private String firstExample(Language lang) {
        return report.topics().stream().map(Topic::example).filter(e -> e != null && e.get(lang) != null)
                .map(e -> e.get(lang)).findFirst().orElse("");
    }

    private String topicList(Language lang) {
        return report.topics().stream().map(t -> t.label().get(lang)).collect(Collectors.joining(", "));
    }

    private static String display(String normalizedPlace) {
        StringBuilder sb = new StringBuilder();
        for (String w : normalizedPlace.split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.length() <= 3 ? w.toUpperCase(java.util.Locale.ROOT)
                    : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return sb.toString();
    }
}
