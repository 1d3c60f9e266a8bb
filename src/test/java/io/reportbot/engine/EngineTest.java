package io.reportbot.engine;

import io.reportbot.core.Language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngineTest {

    private final Engine engine = TestEngines.bundled();

    private Reply ask(String text) {
        return engine.answer(Inbound.of(text, "test-" + java.util.UUID.randomUUID(), "test")); // one question, no conversation
    }

    @Test
    void answersTheUnicornQuestionInGermanWithItsSource() {
        Reply r = ask("Wie viele Einhörner?");
        assertThat(r.language()).isEqualTo(Language.DE);
        assertThat(r.intent()).isEqualTo("unicorns");
        assertThat(r.fallback()).isFalse();
        assertThat(r.text()).contains("36 Einhorn-Unternehmen").contains("mehr als die Hälfte");
        assertThat(r.factIds()).containsExactly("unicorns");
        assertThat(r.sources()).singleElement().asString().contains("36 Einhorn-Unternehmen");
        assertThat(r.ranking()).isNotEmpty();
        assertThat(r.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void answersTheIndustryQuestionInEnglishWithFigureGrowthEuroAndSource() {
        Reply r = ask("How big is Beijing's AI industry?");
        assertThat(r.language()).isEqualTo(Language.EN);
        assertThat(r.intent()).isEqualTo("industry_size");
        assertThat(r.text()).contains("300 billion yuan").contains("39.2 billion euro").contains("12 percent")
                .contains("Source");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Wie viele Einhörner gibt es in Shanghai?",
            "How many unicorns does Shenzhen have?",
            "AI industry size in 2015?",
            "How many language models were registered in 2020?",
            "Wie viele Patente hält Beijing?",
            "What are salaries like in Beijing's AI industry?",
            "Erzähl mir einen Witz",
            "What's the weather tomorrow?",
            "Wie groß wird die KI-Branche 2030 sein?"})
    void declinesWhatTheReportDoesNotCoverWithoutAFigure(String question) {
        Reply r = ask(question);
        assertThat(r.fallback()).as(question).isTrue();
        // what the report does say may follow, after "What it does say:"; the refusal itself names no figure
        String refusal = r.text().split("What it does say:|Was er sagt:")[0];
        assertThat(refusal).as(question).doesNotContain("36").doesNotContain("300").doesNotContain("94");
        assertThat(r.suggestions()).as(question).hasSizeBetween(1, 3);
    }

    @Test
    void anotherCityIsNamedInTheAnswer() {
        assertThat(ask("Wie viele Einhörner gibt es in Shanghai?").text()).contains("nur Beijing").contains("Shanghai");
        assertThat(ask("unicorns in Berlin?").text()).contains("Beijing only").contains("Berlin");
    }

    @Test
    void theFallbackSuggestsTopicsInTheQuestionsLanguage() {
        Reply r = ask("Wie viele Einhörner gibt es in Shanghai?");
        assertThat(r.text()).contains("Meinten Sie");
        assertThat(r.suggestions().get(0).topicId()).isEqualTo("unicorns");
        assertThat(r.suggestions().get(0).label()).isEqualTo("Einhorn-Unternehmen");
        assertThat(ask("unicorns in Berlin?").text()).contains("Did you mean");
    }

    @Test
    void aWrongFigureGetsTheTrueOneNotAYes() {
        Reply r = ask("Stimmt es, dass es 70 Einhörner gibt?");
        assertThat(r.fallback()).isFalse();
        assertThat(r.text()).startsWith("Nein").contains("36");
        assertThat(ask("Is it true that Beijing has 36 unicorns?").text()).startsWith("Yes");
    }

    @Test
    void aFigureWithinTheReportsBoundIsNeitherConfirmedNorDenied() {
        assertThat(ask("Is it true that Beijing has 3000 AI companies?").text())
                .startsWith("The report leaves that open").contains("more than 2,400");
        assertThat(ask("Stimmt es, dass es 2000 KI-Unternehmen gibt?").text()).startsWith("Nein");
        assertThat(ask("Stimmt es, dass rund 33 Milliarden Yuan Sozialfinanzierung aufgebracht wurden?").text())
                .startsWith("Das lässt der Bericht offen").contains("rund 32 Milliarden Yuan");
    }

    @Test
    void theYearBeforeTheReportsIsSaidNotToBeStatedAndComputedFromTheGrowth() {
        Reply r = ask("How big was the AI industry in 2023?");
        assertThat(r.fallback()).as("the report states no figure for 2023").isTrue();
        assertThat(r.text()).startsWith("The report gives figures for 2024; it says nothing about 2023")
                .contains("Computed").contains("more than 267 billion yuan");
    }

    @Test
    void namesAndRankingsTheReportDoesNotGiveAreSaidToBeMissingWithTheFiguresItHas() {
        Reply r = ask("Welche Universitäten bieten KI-Studiengänge an?");
        assertThat(r.fallback()).isTrue();
        assertThat(r.text()).startsWith("Namen oder eine Rangliste nennt der Bericht nicht").contains("30 Universitäten");
        assertThat(ask("Who are the top 5 unicorns in Beijing?").text()).startsWith("The report gives no names").contains("36");
        assertThat(ask("list the listed AI companies").fallback()).isTrue();
        assertThat(ask("Welche Länder führen bei KI?").fallback()).isFalse();
    }

    @Test
    void causesAndDatesTheReportDoesNotGiveAreSaidToBeMissing() {
        Reply why = ask("Warum ist die Sozialfinanzierung so stark gestiegen?");
        assertThat(why.fallback()).isTrue();
        assertThat(why.text()).startsWith("Gründe dafür nennt der Bericht nicht").contains("84 Prozent");
        Reply when = ask("When will the key laboratories be finished?");
        assertThat(when.fallback()).isTrue();
        assertThat(when.text()).startsWith("The report gives no date");
        // the congress's days are in the report
        assertThat(ask("On which days is the Chinese Congress on AI held?").text()).contains("Friday to Sunday");
    }

    @Test
    void aCountTheReportDoesNotGiveIsSaidToBeMissing() {
        Reply r = ask("Wie viele nationale Schlüssellabore sind im Bau?");
        assertThat(r.text()).startsWith("Eine genaue Zahl nennt der Bericht dazu nicht.").contains("Mehrere nationale Schlüssellabore");
        assertThat(ask("How many unicorns?").text()).doesNotContain("no exact number");
    }

    @Test
    void aCurrencyTheReportDoesNotUseIsNotInvented() {
        Reply r = ask("What's the AI industry worth in dollars?");
        assertThat(r.text()).contains("yuan and euro only").doesNotContain("dollars (");
        assertThat(ask("Wie viele Einhörner in Dollar?").text()).doesNotContain("Yuan und Euro");
    }

    @Test
    void nationalTotalsAreDeclinedButComputedFromTheShare() {
        Reply models = ask("How many large models are registered in all of China?");
        assertThat(models.fallback()).isTrue();
        assertThat(models.text()).startsWith("The report gives only the figure for Beijing").contains("235");
        Reply unicorns = ask("Wie viele Einhörner gibt es in ganz China?");
        assertThat(unicorns.fallback()).isTrue();
        assertThat(unicorns.text()).contains("keine Gesamtzahl für China").contains("weniger als 72");
    }

    @Test
    void smallTalkIsAnswered() {
        assertThat(ask("Hallo!").intent()).isEqualTo("greeting");
        assertThat(ask("Hallo!").text()).contains("Weißbuch");
        assertThat(ask("thanks a lot").intent()).isEqualTo("thanks");
        assertThat(ask("what can you do?").text()).contains("Topics");
    }

    @Test
    void toleratesTyposAndMissingUmlauts() {
        assertThat(ask("wie viele einhoerner gibt es").intent()).isEqualTo("unicorns");
        assertThat(ask("Einhörne?").intent()).isEqualTo("unicorns");
        assertThat(ask("how many univeristies offer AI programmes").intent()).isEqualTo("universities");
        assertThat(ask("Startups mit Milliardenbewertung").intent()).isEqualTo("unicorns");
    }

    @Test
    void typoCorrectionRescuesWordsWithTwoTypos() {
        // character n-grams alone send this to ai_companies; mapping "lisetd" and "compnaies" to known words fixes it
        assertThat(ask("lisetd compnaies").intent()).isEqualTo("listed_companies");
        assertThat(ask("Wie vile Einhoerner gibbt es?").intent()).isEqualTo("unicorns");
    }

    @Test
    void badInputGetsAClearAnswerNeverAnException() {
        assertThat(ask("").text()).contains("Frage");
        assertThat(ask("   \n\t ").fallback()).isTrue();
        assertThat(ask("🦄🦄🦄").text()).contains("Worten");
        assertThat(ask("x".repeat(5000)).text()).contains("5000").contains("1000");
        assertThat(ask("\u0000\u0001\u0002\u0003binary\u0004\u0005\u0006").text()).contains("nicht lesen");
        assertThat(engine.answer(new Inbound(null, null, null, null)).fallback()).isTrue();
    }

    @Test
    void aLanguageHintDecidesOnlyWhenTheTextCannot() {
        assertThat(engine.answer(Inbound.of("", "c", "t", "en")).language()).isEqualTo(Language.EN);
        assertThat(engine.answer(Inbound.of("Wie viele Einhörner?", "c", "t", "en")).language()).isEqualTo(Language.DE);
    }

    @Test
    void answerTopicAnswersAButtonAndRejectsUnknownIds() {
        Reply r = engine.answerTopic("large_models", Language.EN, "c", "test");
        assertThat(r.text()).contains("94");
        assertThat(engine.answerTopic("no_such_topic", Language.DE, "c", "test").fallback()).isTrue();
        assertThat(engine.answerTopic(null, null, "c", "test").fallback()).isTrue();
    }

    @Test
    void describesItselfForAdapters() {
        assertThat(engine.topics(Language.DE)).extracting(Suggestion::topicId).contains("unicorns", "schools");
        assertThat(engine.exampleQuestions(Language.EN)).isNotEmpty();
        assertThat(engine.report(Language.EN).title()).contains("White Paper");
        assertThat(engine.report(Language.DE).keyFigures()).anySatisfy(k -> assertThat(k).contains("36"));
        assertThat(engine.message(Language.EN, "help")).contains("White Paper");
        assertThat(engine.detectLanguage(null, Optional.empty())).isNotNull();
    }

    @Test
    void isSafeToCallFromManyThreads() throws Exception {
        List<String> questions = List.of("Wie viele Einhörner?", "How big is the AI industry?", "Schulen mit KI?",
                "listed companies market value", "unicorns in Shanghai?");
        List<String> expected = questions.stream().map(q -> ask(q).text()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int k = i % questions.size();
                results.add(pool.submit(() -> ask(questions.get(k)).text().equals(expected.get(k))));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
