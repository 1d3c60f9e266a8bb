package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Questions that name a known topic but ask beyond what the report gives: another country under any of its
 * names, the world or the whole nation, a district, a part of the topic, another metric or period, names. Each is
 * declined with "the report doesn't say …" and then what it does say; what it covers stays answered.
 */
class ScopeTest {

    private final Engine engine = TestEngines.bundled();

    private Reply ask(String text) {
        return engine.answer(Inbound.of(text, "scope-" + java.util.UUID.randomUUID(), "test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Unicorn count for the US?", "Large models registered in the U.S.?", "KI-Firmen in den Vereinigten Staaten?",
            "Wie viele KI-Firmen hat die Europäische Union?", "AI companies in America, how many?",
            "Einhörner weltweit?", "How many large models are there globally?", "Marktwert aller chinesischen KI-Firmen?",
            "Unicorns in China altogether?", "KI-Unternehmen im Stadtbezirk Haidian?", "Unicorns in Chaoyang?",
            "Gibt es Dekacorns unter den Einhörnern?", "Were any of the unicorns founded in 2024?",
            "Foreign unicorns in Beijing?", "KI an Kindergärten?", "Haben KI-Firmen Insolvenz angemeldet?",
            "What returns did the AI industry fund earn?", "Welchen Umsatz machen die börsennotierten KI-Firmen?",
            "Number of VC deals in 2024?", "Finanzierung im vierten Quartal?", "Social financing for the full year 2024?",
            "Who heads the AI industry fund?", "Wer ist der Autor des Weißbuchs?", "Which listed AI firms are there?",
            "Wie viele der 36 Einhörner arbeiten an Robotik?", "Wie groß war die Branche 2023 exakt?"})
    void declinesWithWhatTheReportDoesSay(String question) {
        Reply r = ask(question);
        assertThat(r.fallback()).as(question).isTrue();
        assertThat(r.factIds()).as(question).isEmpty();
    }

    @Test
    void theDeclineSaysWhatIsMissingThenWhatTheReportSays() {
        Reply us = ask("Unicorn count for the US?");
        assertThat(us.text()).startsWith("The report covers Beijing only; it gives no figures for the USA.")
                .contains("What it does say: Beijing is home to 36 unicorn companies");
        assertThat(ask("KI-Firmen in den Vereinigten Staaten?").text()).contains("für die USA");
        assertThat(ask("KI-Unternehmen im Stadtbezirk Haidian?").text())
                .startsWith("Der Bericht nennt Zahlen nur für ganz Beijing, nicht für einzelne Bezirke oder Gebiete wie Haidian.");
        assertThat(ask("Finanzierung im vierten Quartal?").text()).contains("1. bis 3. Quartal 2024");
        assertThat(ask("Social financing for the full year 2024?").text()).contains("quarters 1 to 3 of 2024");
        assertThat(ask("Wie groß war die Branche 2023 exakt?").text()).contains("mehr als 267 Milliarden Yuan");
    }

    @Test
    void placesAreNamedAsTheyAreWritten() {
        assertThat(ask("unicorns in san francisco?").text()).contains("San Francisco").doesNotContain("SAN");
        assertThat(ask("Einhörner in Xi'an?").text()).contains("Xi’an").doesNotContain("XI AN");
        assertThat(ask("Einhörner in Muenchen?").text()).contains("für München");
    }

    @Test
    void whatTheReportCoversStaysAnswered() {
        assertThat(ask("Which share of China's unicorns does Beijing have?").fallback()).isFalse();
        assertThat(ask("Wer liegt weltweit bei KI vorn?").fallback()).isFalse();
        assertThat(ask("Sozialfinanzierung in Q1 bis Q3 2024?").fallback()).isFalse();
        assertThat(ask("tell us about the unicorns").fallback()).isFalse();
    }

    @Test
    void aClaimOutOfScopeIsLeftOpen() {
        assertThat(ask("Stimmt es, dass Japan 36 Einhörner hat?").text()).startsWith("Das lässt der Bericht offen");
        // the national total is bounded by Beijing's 36 and "more than half": 36 up to fewer than 72
        assertThat(ask("Is it true that China has 150 unicorns altogether?").text()).startsWith("No");
        assertThat(ask("Stimmt es, dass China insgesamt 55 Einhörner hat?").text()).startsWith("Das lässt der Bericht offen");
    }

    @Test
    void lookAlikeLettersAreFolded() {
        Reply r = ask("H\u043Ew m\u0430ny unic\u043Erns?");
        assertThat(r.intent()).isEqualTo("unicorns");
        assertThat(r.text()).contains("36");
    }

    @Test
    void aNumberThatIsNoClaimGetsNoVerdict() {
        assertThat(ask("Frage 2: Wie viele Einhörner gibt es?").text()).startsWith("In Beijing gibt es 36");
        assertThat(ask("In 5 words: how many unicorns?").text()).doesNotStartWith("No");
        assertThat(ask("Stimmt es, dass Beijing 40 große Modelle hat?").text()).startsWith("Nein").contains("94");
        assertThat(ask("Is it true the AI industry fell by 12 percent?").text()).startsWith("No");
        assertThat(ask("Stimmt es, dass es mindestens 30 Einhörner gibt?").text()).startsWith("Ja");
    }
}
