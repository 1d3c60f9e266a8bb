package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Claims about the second report (the AI Index), whose facts hold several figures of one unit each (the US and
 * China, industry and academia, GPT-4 and Gemini Ultra, 2023 and 2022) and plain percentages: a figure confirms a
 * claim only when it is the figure of what the claim names, by the value's {@code terms} in report.json. The eighth
 * blind sets confirmed five false claims of these kinds; these sentences are written for the test, not taken from any
 * set. The verdict is read from the answer's first line, as the evaluation does.
 */
class SecondReportClaimsTest {

    private static String verdict(String text) {
        String first = TestEngines.secondReport().answer(Inbound.of(text, "claims-" + UUID.randomUUID(), "test")).text()
                .strip().split("\n")[0].toLowerCase(Locale.ROOT);
        if (first.matches("^(ja|yes)\\b.*")) {
            return "YES";
        }
        if (first.matches("^(nein|no)\\b.*")) {
            return "NO";
        }
        return first.matches(".*(offen|open|lässt|leaves).*") ? "OPEN" : "NONE";
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Academic institutions put out 51 notable models in 2023, right?                 | NO
            Stimmt es, dass die Industrie 2023 51 bedeutende Modelle veröffentlicht hat?     | YES
            Gemini Ultra cost roughly 78 million dollars to train, correct?                  | NO
            Das Training von GPT-4 soll etwa 78 Millionen Dollar gekostet haben, stimmt's?   | YES
            In 2023 Congress saw 88 AI bills, is that right?                                 | NO
            Im Jahr 2022 gab es 88 KI-Gesetzentwürfe im Kongress, oder?                      | YES
            Private AI investment in China went up by 44.2 percent last year, right?        | NO
            Chinas private KI-Investitionen sind 2023 um 44,2 Prozent gesunken, oder?        | YES
            Stimmt es, dass zwei Drittel der Beschäftigten eine neue Arbeitsweise durch KI erwarten? | NO
            Is it true that 57 percent of workers expect AI to change their jobs?            | YES""")
    void aFigureConfirmsOnlyTheSubjectAndYearItIsFor(String claim, String expected) {
        assertThat(verdict(claim)).as(claim).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Is it true that 42 percent of firms said AI lowered their costs?                 | YES
            Stimmt es, dass 42 Prozent der Firmen mehr Umsatz durch KI melden?               | NO
            Der Anteil der KI-Stellen fiel 2023 auf 1,6 Prozent, stimmt das?                 | YES
            AI roles climbed to 2 percent of US job ads in 2023, right?                      | NO
            Waren es nur 1,6 Prozent der Stellenanzeigen im Jahr 2023?                       | YES
            Stimmt es, dass rund zwei Drittel der Foundation Models Open Source waren?       | YES""")
    void aPercentageIsJudgedAsTheShareOfWhatTheClaimNames(String claim, String expected) {
        assertThat(verdict(claim)).as(claim).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → not yes")
    @CsvSource(delimiter = '|', textBlock = """
            Is it true that 80 percent of the foundation models were trained in Europe?
            Overall private AI investment climbed worldwide in 2023, right?
            Stimmt es, dass die gesamten privaten KI-Investitionen weltweit gestiegen sind?""")
    void aShareOrDirectionOfSomethingTheReportDoesNotNameIsNotConfirmed(String claim) {
        assertThat(verdict(claim)).as(claim).isNotEqualTo("YES");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Weltweit flossen 2023 25,2 Milliarden Dollar in generative KI, richtig?          | YES
            Generative AI drew 25.2 billion euros of funding worldwide in 2023, right?       | NO""")
    void aWorldwideFigureIsTheTopicsOwnAndTheSameNumberInAnotherCurrencyIsAMixUp(String claim, String expected) {
        assertThat(verdict(claim)).as(claim).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Wie viele Aufsichtsbehörden haben 2022 KI-Vorschriften veröffentlicht?           | 17
            Nenne mir die Zahl der Gesetzentwürfe, die 2022 im Kongress eingebracht wurden.  | 88
            how much did generative AI raise in 2023 worldwide                               | 25.2""")
    void aQuestionNamingAYearIsAnsweredNotJudgedAsAClaim(String question, String figure) {
        String text = TestEngines.secondReport().answer(Inbound.of(question, "q-" + UUID.randomUUID(), "test")).text();
        assertThat(text).as(question).doesNotStartWith("Nein").doesNotStartWith("No,").contains(figure);
    }
}
