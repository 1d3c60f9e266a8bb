package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second report's scope data ({@code uncovered} in its report.json and lexicon.json, {@code notAspects},
 * facts over a range of years): what a reader asks beyond its figures is declined with what it does say, and
 * what it gives, in its own words ("last year", "revenues" as a share), stays answered.
 */
class SecondReportScopeTest {

    private static Reply ask(String text) {
        return TestEngines.secondReport().answer(Inbound.of(text, "second-" + UUID.randomUUID(), "test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "What was the price tag for training Llama 3?", "Wie viel kostete das Training von Claude?",
            "How many AI bills did Congress pass into law in 2023?", "Wie viele KI-Gesetze erließen die Bundesstaaten?",
            "How many AI rules came from the Federal Trade Commission?", "How much did Microsoft put into OpenAI?",
            "How many notable models were released in 2022?", "How many AI PhDs did American universities award?",
            "What do machine learning engineers earn in the US?", "How many funding rounds did AI startups close?",
            "Wie viele Foundation Models hat Google veröffentlicht?", "Sind Demokraten besorgter über KI als Republikaner?"})
    void declinesWhatTheReportDoesNotGive(String question) {
        Reply r = ask(question);
        assertThat(r.fallback()).as(question).isTrue();
        assertThat(r.factIds()).as(question).isEmpty();
    }

    @Test
    void anotherModelsTrainingCostIsDeclinedWithTheTwoTheReportGives() {
        assertThat(ask("What was the price tag for training Llama 3?").text())
                .startsWith("The report gives no figures on models other than GPT-4 and Gemini Ultra")
                .contains("What it does say:").contains("about 78 million US dollars");
        assertThat(ask("How much did Google spend to train Gemini Ultra?").text()).contains("191 million US dollars");
    }

    @Test
    void theYearBeforeIsAnsweredWhereTheFactsSpanBothYears() {
        Reply bills = ask("How many AI bills were proposed in Congress the year before?");
        assertThat(bills.fallback()).isFalse();
        assertThat(bills.text()).contains("88");
        Reply costs = ask("Did more organizations report lower costs than in the previous year?");
        assertThat(costs.fallback()).isFalse();
        assertThat(costs.text()).contains("10 percentage points");
    }

    @Test
    void theReportsOwnWordsAskNoOtherFigure() {
        Reply models = ask("How many notable models did US institutions release last year?");
        assertThat(models.fallback()).isFalse();
        assertThat(models.text()).contains("61");
        Reply revenue = ask("What share of organizations saw their revenues rise thanks to AI?");
        assertThat(revenue.fallback()).isFalse();
        assertThat(revenue.text()).contains("59 percent");
        Reply open = ask("Wie viel Prozent der Foundation Models waren Open Source?");
        assertThat(open.fallback()).isFalse();
        assertThat(open.text()).contains("65,7 Prozent");
        assertThat(ask("Nenne mir die Entwicklung des Anteils der KI-Stellen.").fallback()).isFalse();
    }

    @Test
    void aYearASentenceNamesOnlyAsWhatAGrowthIsMeasuredAgainstIsNotAYearWithAFigure() {
        // "grew by 22.1% compared with 2022": the report states no 2022 amount
        Reply before = ask("How much private money went into AI in the US in 2022?");
        assertThat(before.fallback()).isTrue();
        assertThat(before.text()).contains("2023").doesNotContain("Yes");
        // the two years together, or the year before after "compared with", ask for the growth
        Reply change = ask("How did US private AI investment change between 2022 and 2023?");
        assertThat(change.fallback()).isFalse();
        assertThat(change.text()).contains("22.1 percent");
        // a year a sentence gives a figure for stays answered ("down from 2.0% in 2022")
        Reply jobs = ask("What share of US job postings were AI jobs in 2022?");
        assertThat(jobs.fallback()).isFalse();
        assertThat(jobs.text()).contains("2.0 percent");
    }

    @Test
    void aQuestionForHowMuchSomethingGrewIsAnsweredNotConfirmed() {
        Reply how = ask("By how much did American private investment in AI rise?");
        assertThat(how.text()).doesNotStartWith("Yes").contains("22.1 percent");
        assertThat(ask("Did American private investment in AI rise?").text()).startsWith("Yes");
        assertThat(ask("Is it true that American private investment in AI shrank?").text()).startsWith("No");
    }
}
