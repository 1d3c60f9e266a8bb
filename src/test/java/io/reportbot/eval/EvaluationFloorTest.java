package io.reportbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.Engine;
import io.reportbot.engine.Reply;
import io.reportbot.engine.TestEngines;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The matcher on labelled questions written apart from the training examples, with floors. labelled.jsonl
 * is the development set (its misses have been looked at); holdout.jsonl was written later, by someone
 * who saw neither the intents nor the first set, and only its totals have been looked at; holdout2.jsonl and
 * holdout3.jsonl, written later the same way, were each measured untouched and then had their misses
 * studied once (see the README).
 */
class EvaluationFloorTest {

    private final Engine engine = TestEngines.bundled();

    @ParameterizedTest
    @ValueSource(strings = {"labelled.jsonl", "holdout.jsonl", "holdout2.jsonl", "holdout3.jsonl"})
    void meetsTheFloors(String file) {
        List<LabelledQuestion> questions = Evaluator.read(Path.of("src/test/resources/eval", file));
        List<Reply> replies = Evaluator.answer(engine, questions);
        EvalResult r = Evaluator.measure(questions, replies);
        System.out.printf(Locale.ROOT,
                "[eval %s] %d questions: accuracy %.1f %%, in-scope %.1f %%, out-of-scope rejection %.1f %%, "
                        + "language %.1f %%, expected figures %.1f %%%n",
                file, r.questions(), r.accuracy() * 100, r.inScopeAccuracy() * 100, r.outOfScopeRejection() * 100,
                r.languageAccuracy() * 100, r.answerAccuracy() * 100);
        assertThat(r.inScopeAccuracy()).as("in-scope accuracy").isGreaterThanOrEqualTo(0.93);
        assertThat(r.outOfScopeRejection()).as("out-of-scope rejection").isGreaterThanOrEqualTo(0.88);
        assertThat(r.languageAccuracy()).as("language accuracy").isGreaterThanOrEqualTo(0.97);
        assertThat(r.answerAccuracy()).as("answers with the expected figures").isGreaterThanOrEqualTo(0.95);
    }

    /**
     * nearmiss.jsonl: questions that name a known topic but ask about another place, the world or all of China,
     * a part the report doesn't break out, another metric or period, or names; every one must be declined.
     * Measured untouched at 46.0 %, then its misses studied once (see the README).
     */
    @Test
    void declinesTheNearMisses() {
        List<LabelledQuestion> questions = Evaluator.read(Path.of("src/test/resources/eval/nearmiss.jsonl"));
        EvalResult r = Evaluator.measure(questions, Evaluator.answer(engine, questions));
        System.out.printf(Locale.ROOT, "[eval nearmiss.jsonl] %d questions: declined %.1f %%%n", r.questions(),
                r.outOfScopeRejection() * 100);
        assertThat(r.outOfScopeRejection()).as("near-misses declined").isGreaterThanOrEqualTo(0.95);
    }

    /**
     * chat.jsonl: questions as people type them in a group chat (greetings around a question, requests,
     * indirect wording), written blind and scored untouched first (see the README); floors at what was reached
     * minus a small margin.
     */
    @Test
    void chatShapedQuestionsMeetTheirFloors() {
        List<LabelledQuestion> questions = Evaluator.read(Path.of("src/test/resources/eval/chat.jsonl"));
        EvalResult r = Evaluator.measure(questions, Evaluator.answer(engine, questions));
        System.out.printf(Locale.ROOT, "[eval chat.jsonl] %d questions: in-scope %.1f %%, out-of-scope rejection %.1f %%%n",
                r.questions(), r.inScopeAccuracy() * 100, r.outOfScopeRejection() * 100);
        assertThat(r.inScopeAccuracy()).as("in-scope accuracy").isGreaterThanOrEqualTo(0.95);
        assertThat(r.outOfScopeRejection()).as("out-of-scope rejection").isGreaterThanOrEqualTo(0.93);
        assertThat(r.languageAccuracy()).as("language accuracy").isGreaterThanOrEqualTo(0.98);
    }

    /** chat_conversations.jsonl: first turns and follow-up turns apart; floors at what was reached minus a margin. */
    @Test
    void conversationsMeetTheirFloors() {
        List<LabelledQuestion> turns = Evaluator.read(Path.of("src/test/resources/eval/chat_conversations.jsonl"));
        assertThat(turns).allMatch(LabelledQuestion::inConversation);
        ConversationResult r = Evaluator.measureConversations(turns, Evaluator.answer(engine, turns));
        System.out.printf(Locale.ROOT, "[eval chat_conversations.jsonl] %d conversations: first turns %.1f %%, "
                + "follow-up turns %.1f %%%n", r.conversations(), r.firstTurnsRight() * 100, r.followUpsRight() * 100);
        assertThat(r.firstTurnsRight()).as("first turns right").isGreaterThanOrEqualTo(0.94);
        // 0.92, not 0.93: its one "pro Unternehmen?" after the listed companies is labelled as that topic, while every
        // blind set since labels a figure per company out of scope (the report gives none); it is now declined, with
        // the average its figures give computed and said to be computed
        assertThat(r.followUpsRight()).as("follow-up turns right").isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void aFollowUpIsAnsweredInItsOwnConversationOnly() {
        List<LabelledQuestion> turns = List.of(
                new LabelledQuestion("Wie viel hat Pekings KI-Fonds investiert?", "industry_fund", "de", List.of("2"), "a", false),
                new LabelledQuestion("und in Euro?", "industry_fund", "de", List.of("260"), "a", true),
                new LabelledQuestion("und in Euro?", "out_of_scope", "de", List.of(), "b", true));
        ConversationResult r = Evaluator.measureConversations(turns, Evaluator.answer(engine, turns));
        assertThat(r.conversations()).isEqualTo(2);
        assertThat(r.firstTurns().questions()).isEqualTo(1);
        assertThat(r.followUps().questions()).isEqualTo(2);
        assertThat(r.followUpsRight()).isEqualTo(1.0);
        assertThat(r.misses()).isEmpty();
    }

    @Test
    void theTestSetsAreBigEnoughAndKeptApartFromTheTrainingExamples() throws Exception {
        List<LabelledQuestion> questions = Evaluator.read(Path.of("src/test/resources/eval/labelled.jsonl"));
        Map<String, Long> perIntent = questions.stream()
                .collect(Collectors.groupingBy(LabelledQuestion::intent, Collectors.counting()));
        assertThat(perIntent.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
        assertThat(perIntent.get(LabelledQuestion.OUT_OF_SCOPE)).isGreaterThanOrEqualTo(50);

        var training = new io.reportbot.nlp.IntentLoader().load(Path.of("intents")).stream()
                .flatMap(i -> java.util.Arrays.stream(io.reportbot.core.Language.values())
                        .flatMap(l -> i.examples(l).stream()))
                .map(io.reportbot.nlp.TextNormalizer::normalize)
                .collect(Collectors.toSet());
        for (String file : List.of("labelled.jsonl", "holdout.jsonl", "holdout2.jsonl", "holdout3.jsonl")) {
            assertThat(Evaluator.read(Path.of("src/test/resources/eval", file)))
                    .as("test questions copied into intents/ (" + file + ")")
                    .noneMatch(q -> training.contains(io.reportbot.nlp.TextNormalizer.normalize(q.text())));
        }
        java.util.Set<String> coincidences = java.nio.file.Files.readAllLines(
                        Path.of("src/test/resources/eval/chat_coincidences.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(io.reportbot.nlp.TextNormalizer::normalize).collect(Collectors.toSet());
        for (String file : List.of("chat.jsonl", "chat_conversations.jsonl")) {
            assertThat(Evaluator.read(Path.of("src/test/resources/eval", file)))
                    .as("test questions copied into intents/ (" + file + ")")
                    .noneMatch(q -> training.contains(io.reportbot.nlp.TextNormalizer.normalize(q.text()))
                            && !coincidences.contains(io.reportbot.nlp.TextNormalizer.normalize(q.text())));
        }
        java.util.Set<String> finalCoincidences = java.nio.file.Files.readAllLines(
                        Path.of("src/test/resources/eval/final_coincidences.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(io.reportbot.nlp.TextNormalizer::normalize).collect(Collectors.toSet());
        for (String file : List.of("final_single.jsonl", "final_conversations.jsonl")) {
            assertThat(Evaluator.read(Path.of("src/test/resources/eval", file)))
                    .as("test questions copied into intents/ (" + file + ")")
                    .noneMatch(q -> training.contains(io.reportbot.nlp.TextNormalizer.normalize(q.text()))
                            && !finalCoincidences.contains(io.reportbot.nlp.TextNormalizer.normalize(q.text())));
        }
        for (String file : List.of("nearmiss.jsonl")) {
            assertThat(Evaluator.read(Path.of("src/test/resources/eval", file)))
                    .as("test questions copied into intents/ (" + file + ")")
                    .noneMatch(q -> training.contains(io.reportbot.nlp.TextNormalizer.normalize(q.text())));
        }
        var secondReport = new io.reportbot.nlp.IntentLoader().load(Path.of("src/test/resources/reports/ai-index-2024/intents"))
                .stream().flatMap(i -> java.util.Arrays.stream(io.reportbot.core.Language.values())
                        .flatMap(l -> i.examples(l).stream()))
                .map(io.reportbot.nlp.TextNormalizer::normalize)
                .collect(Collectors.toSet());
        assertThat(Evaluator.read(Path.of("src/test/resources/eval/ai-index-2024/blind.jsonl")))
                .as("the second report's blind questions copied into its intents")
                .noneMatch(q -> secondReport.contains(io.reportbot.nlp.TextNormalizer.normalize(q.text())));
    }

    @Test
    void measuresPrecisionRecallAndConfusionsOnAFixture() {
        List<LabelledQuestion> qs = List.of(
                new LabelledQuestion("Wie viele Einhörner?", "unicorns", "de", List.of("36")),
                new LabelledQuestion("Erzähl mir einen Witz", "out_of_scope", "de", List.of()),
                new LabelledQuestion("How many schools run AI pilots?", "universities", "en", List.of()));
        EvalResult r = Evaluator.measure(qs, Evaluator.answer(engine, qs));
        assertThat(r.questions()).isEqualTo(3);
        assertThat(r.outOfScopeRejection()).isEqualTo(1.0);
        assertThat(r.inScopeAccuracy()).isEqualTo(0.5);
        assertThat(r.confusions()).singleElement().satisfies(c -> {
            assertThat(c.expected()).isEqualTo("universities");
            assertThat(c.got()).isEqualTo("schools");
        });
        assertThat(r.perIntent().get("unicorns").f1()).isEqualTo(1.0);
        assertThat(r.errors()).extracting(EvalResult.Miss::text).containsExactly("How many schools run AI pilots?");
    }

    /**
     * The second report's blind set (written by someone who saw only its source text), answered by an engine
     * loaded from its folder: the same build serves another report as honestly. Untouched: 94.7 % in scope,
     * 55.8 % declined (see the README); after its scope data was written (studied since): 99.4 % and 98.1 %.
     * Floors at what the build reaches, minus a margin.
     */
    @Test
    void theSecondReportsBlindSetMeetsItsFloors() {
        Engine other = io.reportbot.engine.EngineFactory.create(new io.reportbot.engine.EngineSettings(
                java.util.Optional.of(Path.of("src/test/resources/reports/ai-index-2024")), java.util.Optional.empty()),
                io.reportbot.nlp.IntentClassifier.Settings.defaults());
        List<LabelledQuestion> questions = Evaluator.read(Path.of("src/test/resources/eval/ai-index-2024/blind.jsonl"));
        EvalResult r = Evaluator.measure(questions, Evaluator.answer(other, questions));
        System.out.printf(Locale.ROOT, "[eval ai-index-2024/blind.jsonl] %d questions: in-scope %.1f %%, "
                + "out-of-scope rejection %.1f %%%n", r.questions(), r.inScopeAccuracy() * 100, r.outOfScopeRejection() * 100);
        assertThat(r.inScopeAccuracy()).as("in-scope accuracy").isGreaterThanOrEqualTo(0.96);
        assertThat(r.outOfScopeRejection()).as("out-of-scope rejection").isGreaterThanOrEqualTo(0.94);
        assertThat(r.languageAccuracy()).as("language accuracy").isGreaterThanOrEqualTo(0.97);
    }

    /**
     * The last blind set (final_*.jsonl), written while this round's work went on and never studied: scored once
     * untouched (see the README); floors at what the merged build reaches, minus a margin, so it cannot get worse.
     */
    @Test
    void theLastBlindSetMeetsItsFloors() {
        List<LabelledQuestion> questions = Evaluator.read(Path.of("src/test/resources/eval/final_single.jsonl"));
        EvalResult r = Evaluator.measure(questions, Evaluator.answer(engine, questions));
        List<LabelledQuestion> turns = Evaluator.read(Path.of("src/test/resources/eval/final_conversations.jsonl"));
        ConversationResult c = Evaluator.measureConversations(turns, Evaluator.answer(engine, turns));
        System.out.printf(Locale.ROOT, "[eval final_single.jsonl] in-scope %.1f %%, out-of-scope rejection %.1f %%; "
                        + "[eval final_conversations.jsonl] first turns %.1f %%, follow-up turns %.1f %%%n",
                r.inScopeAccuracy() * 100, r.outOfScopeRejection() * 100, c.firstTurnsRight() * 100,
                c.followUpsRight() * 100);
        assertThat(r.inScopeAccuracy()).as("in-scope accuracy").isGreaterThanOrEqualTo(0.94);
        assertThat(r.outOfScopeRejection()).as("out-of-scope rejection").isGreaterThanOrEqualTo(0.93);
        assertThat(c.firstTurnsRight()).as("first turns right").isGreaterThanOrEqualTo(0.90);
        assertThat(c.followUpsRight()).as("follow-up turns right").isGreaterThanOrEqualTo(0.85);
    }
}
