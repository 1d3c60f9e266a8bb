package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A claim whose figure matches the report but whose year none of the topic's figures is for is never confirmed
 * ("300 billion in 2023" where the report gives 2024: "no"; a year further back: "the report leaves that open");
 * a claim with the figure's own year still is. Sentences
 * written for this test, not taken from any evaluation set.
 */
class ClaimYearTest {

    private final Engine engine = TestEngines.bundled();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Is it true that the AI sector of Beijing was worth more than 300 billion yuan in 2022?|The report leaves that open",
            "Stimmt es, dass die Branche schon 2023 über 300 Milliarden Yuan groß war?|Nein",
            "Stimmt es, dass 2021 rund 32 Milliarden Yuan Sozialfinanzierung zusammenkamen?|Das lässt der Bericht offen",
            "Is it true that the AI sector of Beijing is worth more than 300 billion yuan in 2024?|Yes",
            "Stimmt es, dass in den ersten drei Quartalen 2024 rund 32 Milliarden Yuan aufgebracht wurden?|Ja",
    })
    void aMatchingFigureOfAnotherYearIsNotConfirmed(String claim, String verdict) {
        String first = engine.answer(Inbound.of(claim, "year-" + claim.hashCode(), "test")).text().split("\n")[0];
        assertThat(first).startsWith(verdict);
    }
}
