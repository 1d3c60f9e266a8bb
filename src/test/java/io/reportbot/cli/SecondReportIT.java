package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reportbot.cli.AskJsonl.Question;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second report (a summary of the Stanford AI Index 2024: another place, US dollars, percentage points,
 * multiples, counts of people, a range of years, an English source) answered through {@code ask --jsonl} by
 * the same build as the bundled white paper, with no Java change between them.
 */
class SecondReportIT {

    static final Path AI_INDEX = Path.of("src/test/resources/reports/ai-index-2024");

    private static AskJsonl run;

    private static final List<Question> QUESTIONS = List.of(
            new Question("How much private investment went into AI in the US?", "en1"),   // 0
            new Question("and the year before?", "en1"),                                   // 1
            new Question("Wie viele Foundation Models wurden 2023 veröffentlicht?", null),  // 2
            new Question("Stimmt es, dass 150 Foundation Models veröffentlicht wurden?", null), // 3
            new Question("Is it true that training GPT-4 cost about $78 million?", null),   // 4
            new Question("Is it true that private AI investment in China was $7 billion?", null), // 5
            new Question("Who won the Super Bowl?", null),                                 // 6
            new Question("How many AI patents were filed in the US?", null),              // 7
            new Question("How many notable models came from Germany?", null),            // 8
            new Question("How many AI regulations did the US have in 2019?", null),        // 9
            new Question("Was hat das Training von GPT-4 gekostet?", "de1"),               // 10
            new Question("Woher stammt das?", "de1"),                                      // 11
            new Question("Macht KI die Menschen weltweit nervös?", null),                   // 12
            new Question("How many AI bills were proposed in Congress?", null),            // 13
            new Question("Wie viel privates Kapital floss in den USA in KI?", "de2"),        // 14
            new Question("und in Euro?", "de2"),                                           // 15
            new Question("What share of US job postings were AI jobs?", null));            // 16

    @BeforeAll
    static void ask() throws Exception {
        run = AskJsonl.run(List.of("--report", AI_INDEX.toString()), QUESTIONS);
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.replies()).hasSize(QUESTIONS.size());
    }

    @Test
    void answersInEnglishWithDollarsAndQuotesTheSource() {
        assertThat(run.answer(0)).contains("67.2 billion US dollars").contains("22.1 percent")
                .contains("about 8.7 times").contains("less than 8 billion US dollars")
                .contains("Source (Stanford AI Index 2024 (summary)): “The United States pulled further ahead");
    }

    @Test
    void aFollowUpComputesThePreviousYearFromTheGrowthRate() {
        assertThat(run.replies().get(1).path("intent").asText()).isEqualTo("us_private_investment");
        assertThat(run.answer(1)).contains("Computed").contains("about 55 billion US dollars");
    }

    @Test
    void answersInGermanWithGermanNumbersAndNamesTheEnglishOriginal() {
        assertThat(run.answer(2)).contains("149 Foundation Models").contains("65,7 Prozent")
                .contains("englisches Original");
        assertThat(run.answer(12)).contains("mehr als 22.000 Erwachsene").contains("13 Prozentpunkte");
    }

    @Test
    void claimsAreConfirmedCorrectedOrLeftOpen() {
        assertThat(run.answer(3)).startsWith("Nein").contains("149");
        assertThat(run.answer(4)).startsWith("Yes").contains("about 78 million US dollars");
        assertThat(run.answer(5)).startsWith("The report leaves that open").contains("less than 8 billion US dollars");
    }

    @Test
    void outOfScopeQuestionsAreRefusedHonestly() {
        assertThat(run.replies().get(6).path("fallback").asBoolean()).isTrue();
        assertThat(run.answer(7)).startsWith("The report gives no figures on patents");
        assertThat(run.answer(8)).startsWith("The report covers the United States only; it gives no figures for Germany");
        assertThat(run.answer(9)).contains("it says nothing about 2019");
        for (int i : new int[] {6, 7, 8, 9}) {
            assertThat(run.replies().get(i).path("facts")).isEmpty();
        }
    }

    @Test
    void germanFollowUpsGiveTheSourceAndSayThereIsNoEuroFigure() {
        assertThat(run.answer(10)).contains("rund 78 Millionen US-Dollar").contains("rund 191 Millionen US-Dollar")
                .contains("Berechnet");
        assertThat(run.answer(11)).startsWith("Quelle").contains("$78 million");
        assertThat(run.answer(15)).contains("nur in US-Dollar").doesNotContain("Yuan");
    }

    @Test
    void percentagesOfATopicAnswerAShareQuestionWithoutANoteAboutNationalTotals() {
        assertThat(run.answer(16)).contains("1.6 percent").doesNotContain("no total or share");
        assertThat(run.answer(13)).contains("181").contains("88");
    }

    @Test
    void nothingOfTheFirstReportLeaksIntoTheSecond() {
        for (JsonNode r : run.replies()) {
            assertThat(r.path("answer").asText()).doesNotContain("Beijing", "Peking", "Yuan", "yuan",
                    "German original", "Weißbuch", "white paper");
        }
        assertThat(run.stderr()).doesNotContain("uncovered term").doesNotContain("out_of_scope example");
    }

    @Test
    void theBundledReportAndTheSecondRunFromTheSameBuild(@TempDir Path dir) throws Exception {
        AskJsonl bundled = AskJsonl.run(List.of(), List.of(
                new Question("Wie viele Einhörner gibt es in Beijing?", null),
                new Question("How many large models are registered in all of China?", null)));
        assertThat(bundled.answer(0)).contains("Beijing").contains("deutsches Original").doesNotContain("US-Dollar");
        assertThat(bundled.answer(1)).contains("Computed").contains("in all of China");

        // the old single-file form still works, with a deprecation warning
        Path file = dir.resolve("report.json");
        Files.copy(Path.of("src/main/resources/reports/beijing-ai-2024/report.json"), file);
        AskJsonl old = AskJsonl.run(List.of("--report", file.toString()),
                List.of(new Question("How many unicorns are there in Beijing?", null)));
        assertThat(old.exit()).isZero();
        assertThat(old.answer(0)).contains("Beijing");
        assertThat(old.stderr()).contains("deprecated");
    }
}
