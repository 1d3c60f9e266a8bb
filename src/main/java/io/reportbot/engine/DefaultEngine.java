package io.reportbot.engine;

import io.reportbot.core.Language;

import io.reportbot.answer.AnswerComposer;
import io.reportbot.answer.ClaimChecker;
import io.reportbot.answer.Composed;
import io.reportbot.answer.Wording;
import io.reportbot.nlp.Aspect;
import io.reportbot.nlp.Claim;
import io.reportbot.nlp.ClaimReader;
import io.reportbot.nlp.ClaimWords;
import io.reportbot.nlp.Confusables;
import io.reportbot.nlp.ScopeWords;
import io.reportbot.nlp.ChatWords;
import io.reportbot.nlp.FollowUpAspect;
import io.reportbot.nlp.TextNormalizer;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.IntentClassifier;
import io.reportbot.nlp.LanguageGuesser;
import io.reportbot.nlp.Question;
import io.reportbot.nlp.QuestionReader;
import io.reportbot.nlp.ScoredIntent;
import io.reportbot.nlp.TopicWords;
import io.reportbot.report.Report;
import io.reportbot.report.Topic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: reads a question, decides what it asks, and answers it from the report or says honestly
 * that the report doesn't say. Safe to call from many threads: its only mutable state is the bounded,
 * thread-safe conversation store.
 *
 * <p>The decision, in order: input problems (empty, too long, binary, no words); language; the intent
 * classifier; a follow-up (an aspect such as "in euros?" naming no topic) is answered about the
 * conversation's last topic; a scope guard for places, years and metrics the report doesn't cover (no
 * threshold catches those: "How many language models were registered in 2020?" scores as high as the real
 * question); several topics joined by a conjunction; the confidence threshold; then small talk or the
 * topic's answer, with the aspects the question asks for.
 */
final class DefaultEngine implements Engine {

    static final String FALLBACK = "fallback";
    /** A part of a several-topic question must be at least this sure of its topic. */
    static final double MULTI_THRESHOLD = 0.5;
    /** A question this sure of a topic may drop the statements around it. */
    static final double SURE = 0.8;
    /** How sure the classifier must be of small talk ("what can you do?") to answer a message that asks something. */
    static final double SMALL_TALK_FOR_A_QUESTION = 0.5;
    /** How sure the classifier must be of a topic the question names by its own words, and no other. */
    static final double NAMED_FLOOR = 0.2;
    /** How sure the classifier must be of a runner-up topic whose sentences name the place a question asks about. */
    static final double PLACE_TOPIC_FLOOR = 0.1;
    private static final Pattern CONJUNCTION = Pattern.compile(
            "\\s+(?:und|and|sowie|plus|as well as|ebenso wie|&)\\s+|\\s*[,;]\\s*|\\s+(?:oder|or)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Logger log = LoggerFactory.getLogger(DefaultEngine.class);

    private final Report report;
    private final Map<String, Intent> intents;
    private final IntentClassifier classifier;
    private final LanguageGuesser languages;
    private final QuestionReader reader;
    private final AnswerComposer composer;
    private final Wording wording;
    private final double threshold;
    private final ScopeGuard guard;
    private final Map<Language, List<String>> examples;
    private final Conversations conversations;
    private final FallbackListener listener;
    private final TopicWords topicWords;
    private final ClaimReader claims;
    private final ChatWords chatWords;
    private final MessageCore messageCore;
    private final Set<String> functionWords;
    /** Single words that name a currency ("euro", "dollar", "usd"). */
    private final Set<String> currencyWords;
    private final List<String> ownPlace;
    private final List<String> nationAliases;
    private final TopicVocabulary vocabulary;
    private final ScopeWords scopeWords;

    DefaultEngine(Report report, List<Intent> intents, IntentClassifier classifier, LanguageGuesser languages,
                  QuestionReader reader, Wording wording, double threshold, Conversations conversations,
                  FallbackListener listener) {
        this.listener = listener;
        this.conversations = conversations;
        // another place's name names no topic, however often one topic's examples use it ("und in Shanghai?")
        this.topicWords = new TopicWords(intents, reader.gazetteer().aliases().stream()
                .filter(a -> !a.contains(" ") && (report.place() == null || !report.place().aliases().contains(a)))
                .collect(Collectors.toUnmodifiableSet()));
        this.report = report;
        this.intents = intents.stream().collect(Collectors.toUnmodifiableMap(Intent::name, Function.identity()));
        this.classifier = classifier;
        this.languages = languages;
        this.reader = reader;
        this.wording = wording;
        this.functionWords = reader.lexicon().functionWords().values().stream().flatMap(List::stream)
                .collect(Collectors.toUnmodifiableSet());
        // "und in Dollar?": a currency asks for a unit, it names no topic (even where "billion-dollar startups" is how
        // the training data names the unicorns)
        this.currencyWords = java.util.stream.Stream.of(Aspect.EURO, Aspect.OTHER_CURRENCY)
                .flatMap(a -> reader.lexicon().aspects().getOrDefault(a, List.of()).stream())
                .filter(w -> !w.contains(" ")).collect(Collectors.toUnmodifiableSet());
        ClaimWords claimWords = ClaimWords.bundled();
        this.composer = new AnswerComposer(report, wording, reader.lexicon().timeWords(),
                reader.lexicon().reasonWords(), reader.gazetteer(), ClaimChecker.Words.of(claimWords, functionWords));
        this.threshold = threshold;
        this.scopeWords = ScopeWords.bundled();
        this.guard = new ScopeGuard(report, wording, reader.gazetteer(), scopeWords);
        this.claims = new ClaimReader(claimWords, Set.copyOf(report.place().aliases()),
                Set.copyOf(report.place().nationAliases()));
        this.examples = Map.of(Language.DE, collectExamples(Language.DE), Language.EN, collectExamples(Language.EN));
        this.chatWords = ChatWords.bundled();
        this.messageCore = new MessageCore(chatWords, this::clearlyAsksATopic);
        this.ownPlace = report.place() == null ? List.of() : report.place().aliases();
        this.nationAliases = report.place() == null ? List.of() : report.place().nationAliases();
        // the words that ask for an aspect ("Zahl", "Wachstum", "in Euro") say what is asked, not about which topic
        Set<String> notTopicWords = new java.util.HashSet<>(functionWords);
        chatWords.followUps().values().forEach(m -> m.values().forEach(phrases -> phrases.stream()
                .filter(p -> !p.contains(" ")).forEach(notTopicWords::add)));
        this.vocabulary = new TopicVocabulary(report, notTopicWords);
    }

    /** Whether a text on its own names a topic with confidence (its words and the classifier agree). */
    private boolean clearlyAsksATopic(String text) {
        List<String> tokens = classifier.prepare(text);
        if (tokens.isEmpty()) {
            return false;
        }
        ScoredIntent best = classifier.classify(tokens).get(0);
        return clearlyAsksATopic(best, tokens)
                || intents.get(best.intent()).kind() == Intent.Kind.TOPIC && best.score() >= SURE;
    }

    private boolean clearlyAsksATopic(ScoredIntent best, List<String> tokens) {
        Intent intent = intents.get(best.intent());
        return intent.kind() == Intent.Kind.TOPIC && best.score() >= threshold && topicWords.names(intent.name(), tokens);
    }

    @Override
    public Reply answer(Inbound inbound) {
        Reply reply = answerSafely(inbound);
        FallbackListener.tell(listener, inbound, reply);
        return reply;
    }

    private Reply answerSafely(Inbound inbound) {
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
        if (inbound.chosenTopic().isPresent()) {
            return chosenTopic(inbound);
        }
        String raw = inbound.text();
        Optional<InputCheck.Problem> problem = InputCheck.problem(raw);
        if (problem.isPresent()) {
            return inputProblem(problem.get(), raw, inbound.languageHint());
        }
        String text = Confusables.fold(InputCheck.clean(raw));
        Optional<Conversations.Context> context = conversations.get(inbound.conversationId());
        // a turn whose words don't tell its language ("2023?", "in euro?") is in the asker's client language where the
        // platform gives one (a channel's conversation is shared by people with different locales), else it goes on
        // in the conversation's
        Language lang = inbound.languageFixed() ? inbound.languageHint().orElseThrow()
                : languages.guess(text, inbound.languageHint().or(() -> context.map(Conversations.Context::language)));
        MessageCore.Cut cut = messageCore.cut(text);
        String core = cut.core();
        List<String> tokens = classifier.prepare(core);
        List<ScoredIntent> scores = classifier.classify(tokens);
        if (!core.equals(text) && !clearlyAsksATopic(scores.get(0), tokens)) {
            // the words around the question may be what it is about ("yo, what's up"): then the whole message counts
            List<String> whole = classifier.prepare(text);
            List<ScoredIntent> wholeScores = classifier.classify(whole);
            // but a greeting around a question never wins over it ("Guten Tag, könnten Sie mir sagen, welche …?")
            if (wholeScores.get(0).score() >= threshold && !chatWords.asksSomething(core)
                    && intents.get(wholeScores.get(0).intent()).kind() == Intent.Kind.SMALLTALK) {
                core = text;
                tokens = whole;
                scores = wholeScores;
            }
        }
        scores = smallTalkNeverWins(scores, core, cut.smallTalkOnly());
        Question q = reader.read(chatWords.withoutIdioms(chatWords.withPercentSpelledOut(core, lang)));
        if (!core.equals(text)) {
            // "Ich schreibe über Shanghai. Wie viele Einhörner gibt es?": a place named around the question still counts
            q = q.withOtherPlaces(reader.otherPlaces(text));
        }
        List<ScoredIntent> byPlace = placeNamedByATopic(scores, q);
        boolean pickedByPlace = byPlace != scores; // a new list only when a runner-up went first
        scores = byPlace;
        List<IntentScore> ranking = scores.stream().limit(3).map(s -> new IntentScore(s.intent(), s.score())).toList();
        ScoredIntent top = scores.get(0);
        Intent intent = intents.get(top.intent());

        boolean namesTopic = intent.kind() == Intent.Kind.TOPIC && top.score() >= threshold
                && topicWords.names(intent.name(), tokens);
        Set<Aspect> aspects = aspectsFor(q, tokens);
        Set<FollowUpAspect> followUps = chatWords.followUpAspects(TextNormalizer.normalize(core.replace("\u20ac", " euro ")));
        if (followUps.contains(FollowUpAspect.GROWTH) && !q.verification() && q.claims().isEmpty()
                && chatWords.followUpAspects((" " + q.normalized() + " ").replace(" last year ", " ").strip())
                .contains(FollowUpAspect.GROWTH)) {
            // "how fast has the number of listed companies grown?": said where not given ("how many … last year?"
            // asks a figure of the report's year, and "and last year?" after an answer is a follow-up of its own)
            aspects.add(Aspect.GROWTH);
        }
        if (!followUps.contains(FollowUpAspect.WORLD) && nationAliases.stream().anyMatch(q::mentions)) {
            Set<FollowUpAspect> withNation = EnumSet.of(FollowUpAspect.NATIONAL); // "und in ganz China?", from its data
            withNation.addAll(followUps);
            followUps = withNation;
        }
        // small talk that scores low for a question ("which jobs are most at risk?" as "what can you do?") is no answer
        boolean lukewarmSmallTalk = intent.kind() == Intent.Kind.SMALLTALK && top.score() < SMALL_TALK_FOR_A_QUESTION
                && !cut.smallTalkOnly() && chatWords.asksSomething(core);
        // "wie sieht es an den Schulen aus?": a first question that names a topic by its own words, and no other, or a
        // place only that topic's sentences name, is about that topic even where the classifier is less sure of it
        boolean namedFirst = context.isEmpty() && intent.kind() == Intent.Kind.TOPIC && top.score() >= NAMED_FLOOR
                && (pickedByPlace || topicWords.names(intent.name(), tokens)
                && namedTopics(core).equals(Set.of(intent.name())));
        boolean confident = top.score() >= threshold && !lukewarmSmallTalk || namedFirst;
        Set<String> named = namedTopics(core);
        if (named.isEmpty() && confident && intent.kind() == Intent.Kind.TOPIC && tokens.size() <= Turn.MAX_FOLLOW_UP_TOKENS
                && context.isPresent() && !context.get().topics().contains(intent.name())
                && vocabulary.speaksOf(contentWords(core), intent.name(), context.get().topics())) {
            named = Set.of(intent.name()); // "how many companies?" after the industry's volume: words only that topic uses
        }
        if (asksThePlaceTheLastTopicNames(context, q, tokens, core, lang)) {
            // "and China?" after the US models, whose sentence gives China's: the last topic, for that place
            return followUp(inbound, context.get(), lang, aspects, followUps, q, tokens, top, scores, ranking);
        }
        Turn turn = Turn.decide(new Turn.Facts(context, tokens.size(), intent.name(), intent.kind(), top.score(),
                confident, named, scores.stream().limit(2).map(ScoredIntent::intent).toList(), followUps, aspects, q.pointsBack(),
                !q.otherPlaces().isEmpty(), cut.smallTalkOnly(), ownPlace.stream().anyMatch(q::mentions),
                // the words of the last answer count only for a short turn the classifier is unsure of: not looked up otherwise
                context.isPresent() && !confident && tokens.size() <= Turn.MAX_FOLLOW_UP_TOKENS
                        && vocabulary.echoes(TextNormalizer.tokens(core), context.get().topics()),
                !q.years().isEmpty()));
        if (turn instanceof Turn.NoContext) {
            return fallback(lang, wording.format(lang, "followup.no_context", firstExample(lang)), top.score(),
                    topics(lang).stream().limit(3).toList(), ranking);
        }
        if (turn instanceof Turn.FollowUp f) {
            return followUp(inbound, f.context(), lang, aspects, followUps, q, tokens, top, scores, ranking);
        }

        String contextTopic = context.map(c -> c.topics().get(0)).orElse(null);
        boolean statement = chatWords.states(text);
        Optional<Reply> outOfScope = scopeGuard(q, intent, lang, top, scores, ranking,
                namesTopic ? null : contextTopic, statement);
        if (outOfScope.isPresent()) {
            if (!q.otherPlaces().isEmpty() && namesTopic) {
                conversations.put(inbound.conversationId(), Conversations.Context.declined(intent.name(), lang));
            }
            return outOfScope.get();
        }
        Optional<Reply> multi = multiTopic(core, lang, aspects, ranking);
        if (multi.isPresent()) {
            remember(inbound, multi.get(), Set.of());
            return multi.get();
        }
        boolean smallTalkAlone = cut.smallTalkOnly() && intent.kind() == Intent.Kind.SMALLTALK;
        if (!smallTalkAlone && (!confident || intent.kind() == Intent.Kind.OUT_OF_SCOPE)) {
            return fallback(lang, wording.get(lang, "fallback.unknown"), top.score(), suggestions(scores, lang, null), ranking);
        }
        if (intent.kind() == Intent.Kind.SMALLTALK) {
            // a message of nothing but small talk ("hi", "merci!") is answered as such even when its few words
            // leave the classifier unsure
            return new Reply(lang, intent.name(), top.score(), false, smalltalk(intent.name(), lang),
                    List.of(), List.of(), List.of(), ranking);
        }
        Topic topic = report.topic(intent.name()).orElse(null);
        if (topic == null) {
            log.warn("intent {} has no topic in report {}", intent.name(), report.id());
            return fallback(lang, wording.get(lang, "fallback.unknown"), top.score(), suggestions(scores, lang, null), ranking);
        }
        if (followUps.contains(FollowUpAspect.PER_UNIT) && composer.computesPerUnit(topic) && q.claims().isEmpty()
                && !q.verification()) {
            // "what's the average market cap per listed company?": the report gives no average; said so, with the
            // one its figures give, computed, and the topic remembered for what follows
            Composed c = composer.followUp(topic, lang, EnumSet.of(Aspect.PER_UNIT), Set.of());
            conversations.put(inbound.conversationId(), new Conversations.Context(List.of(topic.id()), lang, Set.of()));
            return new Reply(lang, FALLBACK, top.score(), true, c.text(), List.of(), c.factIds(), c.sources(), ranking,
                    List.of());
        }
        if (TopicScope.namesItGives(topic, scopeWords, q.normalized())) {
            // "wie heißt das Dokument?", "which country comes second?": a name or rank the topic gives is not withheld
            Set<Aspect> withoutNames = EnumSet.noneOf(Aspect.class);
            withoutNames.addAll(aspects);
            withoutNames.remove(Aspect.NAMES);
            aspects = withoutNames;
        }
        Reply reply = topicReply(topic, lang, top.score(), aspects, q, claims.read(text, lang), statement, ranking);
        remember(inbound, reply, Focus.of(topic, report.factsOf(topic), followUps, tokens));
        return reply;
    }

    /**
     * Whether a topic's figures carry a share of the national total, from which "und in ganz China?" after an
     * answer about it is computed (and said to be computed) rather than declined.
     */
    private boolean hasShare(Topic topic) {
        return report.factsOf(topic).stream().flatMap(f -> f.values().values().stream()).anyMatch(v -> v.share() != null);
    }

    /**
     * The topics a turn names by their own words, leaving out follow-up phrases and function words ("Welcher
     * Anteil ist das?" names no topic, whatever intent "welcher" shows up in most).
     */
    /**
     * A short turn naming another place and no other topic, after an answer whose topic's sentences name that
     * place: it asks that topic about the place (the scope guard lets it through). A place the topic doesn't name
     * goes the usual way and is declined, so that "and in Beijing?" can go back to the topic.
     */
    private boolean asksThePlaceTheLastTopicNames(Optional<Conversations.Context> context, Question q, List<String> tokens,
                                                  String core, Language lang) {
        int most = q.pointsBack() ? Turn.MAX_FOLLOW_UP_TOKENS : Turn.SHORT; // "how does that compare to China?"
        if (context.isEmpty() || context.get().declined() || q.otherPlaces().isEmpty() || tokens.size() > most) {
            return false;
        }
        List<String> words = contentWords(core);
        q.otherPlaces().forEach(p -> words.removeAll(TextNormalizer.tokens(p))); // a place is no topic's word here
        if (!context.get().topics().containsAll(namedTopics(words))) {
            return false;
        }
        Intent last = intents.get(context.get().topics().get(0));
        return last != null && last.kind() == Intent.Kind.TOPIC && guard.refusal(q, last, lang).isEmpty();
    }

    /** The turn's words without its follow-up phrases and function words. */
    private List<String> contentWords(String core) {
        List<String> words = new ArrayList<>(chatWords.withoutFollowUpWords(TextNormalizer.tokens(core)));
        words.removeAll(functionWords);
        words.removeAll(currencyWords);
        return words;
    }

    /**
     * "Wie stark sind die KI-Investitionen in China zurückgegangen?" on a report about the US: where the best topic's
     * sentences don't name the other place the question names but a runner-up's do (China's investment is in the US
     * investment's sentence), that topic goes first; the place is then no reason to decline.
     */
    private List<ScoredIntent> placeNamedByATopic(List<ScoredIntent> scores, Question q) {
        if (q.otherPlaces().isEmpty() || scores.size() < 2) {
            return scores;
        }
        Intent best = intents.get(scores.get(0).intent());
        if (best.kind() == Intent.Kind.TOPIC && guard.sourcesName(best.name(), q.otherPlaces())) {
            return scores;
        }
        for (int i = 1; i < Math.min(3, scores.size()); i++) {
            ScoredIntent s = scores.get(i);
            if (s.score() >= PLACE_TOPIC_FLOOR && intents.get(s.intent()).kind() == Intent.Kind.TOPIC
                    && guard.sourcesName(s.intent(), q.otherPlaces())) {
                List<ScoredIntent> reordered = new ArrayList<>(scores);
                reordered.remove(i);
                reordered.add(0, s);
                return reordered;
            }
        }
        return scores;
    }

    private Set<String> namedTopics(String core) {
        return namedTopics(contentWords(core));
    }

    private Set<String> namedTopics(List<String> words) {
        Set<String> named = new java.util.HashSet<>(topicWords.named(words));
        named.removeIf(id -> report.topic(id).isEmpty());
        return named;
    }

    /**
     * A greeting or a thank-you never wins over a question in the same message: when small talk scores best
     * but the message is not all small talk and names the runner-up topic by its own words, the topic goes first;
     * a closing ("thanks", "bye") that scores best for a message with a question word goes last.
     */
    private List<ScoredIntent> smallTalkNeverWins(List<ScoredIntent> scores, String core, boolean smallTalkOnly) {
        if (scores.size() < 2 || intents.get(scores.get(0).intent()).kind() != Intent.Kind.SMALLTALK || smallTalkOnly) {
            return scores;
        }
        if (chatWords.closes(scores.get(0).intent()) && chatWords.asksSomething(core)) {
            // "und welche waren das?" is no goodbye: a closing never answers a question; it goes last
            List<ScoredIntent> reordered = new ArrayList<>(scores.subList(1, scores.size()));
            reordered.add(scores.get(0));
            return reordered;
        }
        ScoredIntent second = scores.get(1);
        if (intents.get(second.intent()).kind() != Intent.Kind.TOPIC || !namedTopics(core).contains(second.intent())) {
            return scores;
        }
        List<ScoredIntent> reordered = new ArrayList<>(scores);
        reordered.remove(1);
        reordered.add(0, second);
        return reordered;
    }

    /** A topic picked by button or number: answered like a question about it, and remembered. */
    private Reply chosenTopic(Inbound inbound) {
        Language lang = inbound.languageHint().orElse(Language.DE);
        Optional<Topic> topic = report.topic(inbound.chosenTopic().get());
        if (topic.isEmpty()) {
            return fallback(lang, wording.get(lang, "fallback.unknown"), 0, topics(lang).stream().limit(3).toList(), List.of());
        }
        Reply reply = topicReply(topic.get(), lang, 1.0, EnumSet.noneOf(Aspect.class), null, Claim.none(), false,
                List.of());
        remember(inbound, reply, Set.of());
        return reply;
    }

    /**
     * A turn that leans on the last answer ("und die Anzahl?", "and in euros?", "where?"): answered about the
     * conversation's last topic(s), about the figure the last answer was about; places, years and metrics the
     * report doesn't cover are declined as for any question.
     */
    private Reply followUp(Inbound inbound, Conversations.Context context, Language lang, Set<Aspect> aspects,
                           Set<FollowUpAspect> followUps, Question q, List<String> tokens, ScoredIntent top,
                           List<ScoredIntent> scores, List<IntentScore> ranking) {
        String first = context.topics().get(0);
        Optional<Topic> firstTopic = report.topic(first);
        Optional<Topic> answeredElsewhere = firstTopic.flatMap(t -> followUps.stream()
                .map(a -> t.aspectTopics().get(a.name())).filter(java.util.Objects::nonNull).findFirst())
                .flatMap(report::topic);
        if (answeredElsewhere.isPresent()) {
            // "sind die gut?" after the large models: the topic the report names for that aspect answers it
            Topic other = answeredElsewhere.get();
            Reply reply = topicReply(other, lang, top.score(), aspects, q, Claim.none(), false, ranking);
            remember(inbound, reply, Set.of());
            return reply;
        }
        if (followUps.contains(FollowUpAspect.QUALITY) && firstTopic.isPresent()) {
            // no topic of the report rates it: said so, with the topic to go back to
            return fallback(lang, wording.format(lang, "fallback.quality", firstTopic.get().label().get(lang)),
                    top.score(), suggestions(scores, lang, first), ranking);
        }
        Intent firstIntent = intents.getOrDefault(first, intents.get(top.intent()));
        Optional<String> refusal = guard.refusal(q, firstIntent, lang);
        boolean computesTheNation = (followUps.contains(FollowUpAspect.NATIONAL) || aspects.contains(Aspect.NATIONAL))
                && q.otherPlaces().isEmpty() && context.topics().stream().map(report::topic).flatMap(Optional::stream)
                .allMatch(this::hasShare);
        if (refusal.isPresent() && !computesTheNation) {
            return fallback(lang, refusal.get(), top.score(), suggestions(scores, lang, first), ranking);
        }
        Set<Aspect> asked = EnumSet.noneOf(Aspect.class);
        asked.addAll(aspects);
        followUps.forEach(f -> {
            switch (f) {
                case EURO -> asked.add(Aspect.EURO);
                case NATIONAL -> asked.add(Aspect.NATIONAL);
                case SHARE -> asked.add(Aspect.SHARE);
                case SOURCE -> asked.add(Aspect.SOURCE);
                case PER_UNIT -> asked.add(Aspect.PER_UNIT);
                case GROWTH -> asked.add(Aspect.GROWTH);
                case COUNT, VALUE -> asked.add(Aspect.HOW_MANY);
                default -> {
                }
            }
        });
        boolean targeted = asked.stream().anyMatch(a -> Turn.LEANING_ASPECTS.contains(a) || a == Aspect.PER_UNIT);
        List<String> texts = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        Set<String> focus = new java.util.HashSet<>();
        boolean allFallback = true;
        for (String topicId : context.topics()) {
            Topic topic = report.topic(topicId).orElse(null);
            if (topic == null) {
                continue;
            }
            boolean figures = report.factsOf(topic).stream().anyMatch(fact -> !fact.values().isEmpty());
            boolean aboutFigures = targeted && (figures || asked.contains(Aspect.EURO) || asked.contains(Aspect.SOURCE)
                    || asked.contains(Aspect.PER_UNIT) || asked.contains(Aspect.PREVIOUS_YEAR));
            Composed c = aboutFigures ? composer.followUp(topic, lang, asked, context.focus())
                    : composer.topic(topic, lang, asked, q.claims(), q.verification());
            texts.add(c.text());
            facts.addAll(c.factIds());
            sources.addAll(c.sources());
            answered.add(topicId);
            allFallback &= c.fallback();
            Set<String> named = Focus.of(topic, report.factsOf(topic), followUps, tokens);
            focus.addAll(aboutFigures || named.isEmpty() ? context.focus() : named);
        }
        List<Suggestion> sugg = allFallback ? answered.stream().map(report::topic).flatMap(Optional::stream)
                .map(t -> new Suggestion(t.id(), t.label().get(lang))).toList() : List.of();
        if (!allFallback) {
            conversations.put(inbound.conversationId(), new Conversations.Context(answered, lang, focus));
        }
        if (refusal.isPresent() && !allFallback && !followUps.contains(FollowUpAspect.MORE)) {
            // "und in ganz China?": the report gives no national total; what its share lets compute is offered after
            // saying so, and the reply counts as declined ("is that a lot for the country?" is answered by the share)
            return new Reply(lang, FALLBACK, top.score(), true, refusal.get() + "\n" + String.join("\n\n", texts),
                    List.of(), facts, sources, ranking, List.of());
        }
        if (asked.contains(Aspect.PER_UNIT) && !allFallback) {
            // "und pro Unternehmen?": the report gives no figure per company; what its figures give is computed and
            // said to be computed, and the reply counts as declined
            return new Reply(lang, FALLBACK, top.score(), true, String.join("\n\n", texts), List.of(), facts, sources,
                    ranking, List.of());
        }
        return new Reply(lang, allFallback ? FALLBACK : answered.get(0), top.score(), allFallback,
                String.join("\n\n", texts), sugg, facts, sources, ranking, allFallback ? List.of() : answered);
    }

    /**
     * "Wie viele Einhörner und börsennotierte KI-Unternehmen gibt es?": when the question splits at a
     * conjunction into parts that each name a different topic with confidence, every part is answered.
     */
    private Optional<Reply> multiTopic(String text, Language lang, Set<Aspect> aspects, List<IntentScore> ranking) {
        String[] parts = CONJUNCTION.split(text);
        if (parts.length < 2) {
            return Optional.empty();
        }
        List<Topic> topics = new ArrayList<>();
        double minScore = 1;
        for (String part : parts) {
            List<String> tokens = classifier.prepare(part);
            if (tokens.isEmpty()) {
                continue;
            }
            ScoredIntent best = classifier.classify(tokens).get(0);
            Intent intent = intents.get(best.intent());
            if (intent.kind() != Intent.Kind.TOPIC || best.score() < MULTI_THRESHOLD
                    || !topicWords.names(intent.name(), tokens)) {
                continue;
            }
            Optional<Topic> topic = report.topic(intent.name());
            if (topic.isPresent() && !topics.contains(topic.get())) {
                topics.add(topic.get());
                minScore = Math.min(minScore, best.score());
            }
        }
        if (topics.size() < 2) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Topic t : topics) {
            Composed c = composer.topic(t, lang, aspects, List.of());
            texts.add(c.text());
            facts.addAll(c.factIds());
            sources.addAll(c.sources());
        }
        List<String> ids = topics.stream().map(Topic::id).toList();
        return Optional.of(new Reply(lang, ids.get(0), minScore, false, String.join("\n\n", texts), List.of(), facts,
                sources, ranking, ids));
    }

    private void remember(Inbound inbound, Reply reply, Set<String> focus) {
        if (reply.fallback() && !reply.factIds().isEmpty() && report.topic(reply.intent()).isPresent()) {
            // a part the report doesn't give ("in dollars?", "which ones?") was declined about a topic it knows:
            // the conversation stays on that topic ("und wie viele sind es?")
            conversations.put(inbound.conversationId(), new Conversations.Context(List.of(reply.intent()),
                    reply.language(), focus));
            return;
        }
        if (reply.fallback() || reply.factIds().isEmpty() || reply.topics().isEmpty()) {
            return;
        }
        conversations.put(inbound.conversationId(), new Conversations.Context(reply.topics(), reply.language(), focus));
    }

    /** Places, years and metrics the report doesn't cover: an honest "the report doesn't say". */
    private Optional<Reply> scopeGuard(Question q, Intent intent, Language lang, ScoredIntent top,
                                       List<ScoredIntent> scores, List<IntentScore> ranking, String contextTopic,
                                       boolean statement) {
        if (intent.kind() == Intent.Kind.SMALLTALK && top.score() >= threshold) {
            return Optional.empty();
        }
        String suggestFirst = contextTopic != null ? contextTopic : intent.kind() == Intent.Kind.TOPIC ? intent.name() : null;
        Optional<Topic> topic = intent.kind() == Intent.Kind.TOPIC && top.score() >= threshold
                ? report.topic(intent.name()) : Optional.empty();
        return guard.refusal(q, intent, lang)
                // a statement the report doesn't cover ("Beijing has more unicorns than Silicon Valley.") is left open
                .map(reason -> statement && !q.verification() ? wording.format(lang, "verify.open_scope", reason) : reason)
                .map(reason -> topic.map(t -> reason + " " + wording.format(lang, "fallback.what_it_says",
                        composer.summary(t, lang, aspectsFor(q, List.of())))).orElse(reason))
                .map(reason -> fallback(lang, reason, top.score(), suggestions(scores, lang, suggestFirst), ranking));
    }

    private Set<Aspect> aspectsFor(Question q, List<String> tokens) {
        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        aspects.addAll(q.aspects());
        if (chatWords.requestsAFigure(tokens)) {
            aspects.remove(Aspect.NAMES); // "Nenne mir die Zahl der Schulen" asks for a number, not for names
        }
        if (q.years().contains(guard.previousYear())) {
            aspects.add(Aspect.PREVIOUS_YEAR);
        }
        if (aspects.contains(Aspect.SHARE) && nationAliases.stream().anyMatch(q::mentions)) {
            // "what percentage of China's AI companies are in Beijing?": a share of the nation's total, asked explicitly
            aspects.add(Aspect.NATIONAL_TOTAL);
        }
        return aspects;
    }

    /** The years a question claims a figure for: not those it only compares with ("grew compared with 2022"). */
    private List<Integer> claimedYears(Question q) {
        String padded = " " + q.normalized() + " ";
        return q.years().stream().filter(y -> scopeWords.namesOtherThanCompared(padded, y)).toList();
    }

    /**
     * @param statement whether the message states something ("Beijing hat 40 Einhörner."): it is confirmed, corrected
     *                  or said to be left open, as if asked "is it true that …?"
     */
    private Reply topicReply(Topic topic, Language lang, double confidence, Set<Aspect> aspects, Question q,
                             Claim claim, boolean statement, List<IntentScore> ranking) {
        Composed c = q == null ? composer.topic(topic, lang, aspects)
                : composer.topic(topic, lang, aspects, claim, q.verification() || claim.asks() || statement,
                        q.otherPlaces(), claimedYears(q));
        List<Suggestion> sugg = c.fallback() ? List.of(new Suggestion(topic.id(), topic.label().get(lang))) : List.of();
        return new Reply(lang, topic.id(), confidence, c.fallback(), c.text(), sugg, c.factIds(), c.sources(), ranking);
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
}
