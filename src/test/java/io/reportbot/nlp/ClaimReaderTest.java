package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimReaderTest {

    private final ClaimReader reader = new ClaimReader(ClaimWords.bundled(), Set.of("beijing", "peking"),
            Set.of("china", "chinas", "chinese", "landesweit"));

    private Claim.Quantity only(String text, Language lang) {
        Claim c = reader.read(text, lang);
        assertThat(c.quantities()).as(text).hasSize(1);
        return c.quantities().get(0);
    }

    @Test
    void readsScaleUnitAndBound() {
        Claim.Quantity q = only("Stimmt es, dass die Branche mehr als 4,3 Billionen Yuan wert ist?", Language.DE);
        assertThat(q.value()).isEqualTo(4.3e12);
        assertThat(q.unit()).isEqualTo(Claim.Unit.MONEY);
        assertThat(q.currency()).isEqualTo("CNY");
        assertThat(q.bound()).isEqualTo(Claim.Bound.MORE_THAN);
        assertThat(only("Is it worth at least 300 bn EUR?", Language.EN))
                .isEqualTo(new Claim.Quantity(300e9, Claim.Unit.MONEY, Claim.Bound.AT_LEAST, Claim.Kind.AMOUNT, false, "EUR"));
        assertThat(only("Sind es 32 Mrd. €?", Language.DE).value()).isEqualTo(32e9);
        assertThat(only("fewer than 2,000 AI companies?", Language.EN))
                .isEqualTo(new Claim.Quantity(2000, Claim.Unit.COUNT, Claim.Bound.LESS_THAN, Claim.Kind.AMOUNT, false));
    }

    @Test
    void billionMeansAThousandTimesMoreInGerman() {
        assertThat(only("4,3 Billion Yuan?", Language.DE).value()).isEqualTo(4.3e12);
        assertThat(only("4.3 billion yuan?", Language.EN).value()).isEqualTo(4.3e9);
    }

    @Test
    void aPercentageIsAChangeWithItsDirectionOrAShare() {
        assertThat(only("Ist die Branche um 12 Prozent geschrumpft?", Language.DE))
                .isEqualTo(new Claim.Quantity(-12, Claim.Unit.PERCENT, Claim.Bound.EXACT, Claim.Kind.CHANGE, false));
        assertThat(only("Did it rise by more than 80 %?", Language.EN).kind()).isEqualTo(Claim.Kind.CHANGE);
        assertThat(only("Are 40 percent of China's models there?", Language.EN).kind()).isEqualTo(Claim.Kind.SHARE);
        assertThat(reader.read("Die Branche stagniert.", Language.DE).direction()).contains(Claim.Direction.FLAT);
    }

    @Test
    void readsFractionsAndNumberWords() {
        assertThat(only("more than half of China's unicorns", Language.EN))
                .isEqualTo(new Claim.Quantity(50, Claim.Unit.PERCENT, Claim.Bound.MORE_THAN, Claim.Kind.SHARE, false));
        assertThat(only("ein Drittel aller Einhörner", Language.DE).value()).isEqualTo(33.333);
        assertThat(only("dreißig Universitäten", Language.DE).value()).isEqualTo(30);
        assertThat(only("genau 11 Prozent Wachstum", Language.DE).strict()).isTrue();
    }

    @Test
    void aCountForTheWholeNationIsANationalTotal() {
        assertThat(only("Does China have 60 unicorns in total?", Language.EN).kind()).isEqualTo(Claim.Kind.NATIONAL);
        assertThat(only("Does Beijing have 36 of China's unicorns?", Language.EN).kind()).isEqualTo(Claim.Kind.AMOUNT);
    }

    @Test
    void numbersThatAreNoClaimAreSkipped() {
        for (String text : new String[] {"Frage 2: Wie viele Einhörner gibt es?", "In 5 words: how many unicorns?",
                "How much was raised in Q4 2024?", "in the first three quarters", "Top 10 unicorns", "im Jahr 2023",
                "Erkläre es in 3 Sätzen", "9".repeat(400) + " Yuan"}) {
            assertThat(reader.read(text, Language.EN).quantities()).as(text).isEmpty();
        }
        assertThat(reader.read("2000 KI-Unternehmen", Language.DE).quantities()).hasSize(1);
    }

    @Test
    void asksWhenTheTextAsksToConfirm() {
        assertThat(reader.read("Bestätige: 36 Einhörner.", Language.DE).asks()).isTrue();
        assertThat(reader.read("I read that there are 36 unicorns", Language.EN).asks()).isTrue();
        assertThat(reader.read("Wie viele Einhörner gibt es?", Language.DE).asks()).isFalse();
    }

    @Test
    void aDirectionAfterAQuestionWordIsAskedAboutNotClaimed() {
        assertThat(reader.read("Wie stark sind die Investitionen gestiegen?", Language.DE).direction()).isEmpty();
        assertThat(reader.read("what was the decline in funding?", Language.EN).direction()).isEmpty();
        assertThat(reader.read("Sind die Investitionen gestiegen?", Language.DE).direction()).contains(Claim.Direction.UP);
        // with a figure it is a claim all the same: "how come it grew by 30 %?"
        assertThat(reader.read("how come it grew by 30 %?", Language.EN).direction()).contains(Claim.Direction.UP);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "Wie viele Behörden haben 2022 KI-Regeln erlassen?", "Nenne mir die Zahl der Firmen, die 2023 KI-Modelle zeigten",
            "Who released more models in 2023, industry or academia?", "nervousness about AI 2023 %",
            "AI rules have grown since 2016"})
    void aYearInAQuestionOrAfterInOrSinceIsNoFigure(String text) {
        assertThat(reader.read(text, text.matches(".*\\b(Wie|Nenne|die)\\b.*") ? Language.DE : Language.EN).quantities())
                .as(text).isEmpty();
    }

    @Test
    void aYearBesideAnotherFigureIsTheYearAndTheLevelReachedIsNoChange() {
        Claim c = reader.read("21 Behörden haben 2023 KI-Regeln erlassen", Language.DE);
        assertThat(c.quantities()).singleElement().satisfies(q -> assertThat(q.value()).isEqualTo(21));
        Claim level = reader.read("Der Anteil stieg 2023 auf 2,0 %", Language.DE);
        assertThat(level.quantities()).singleElement().satisfies(q -> assertThat(q.kind()).isNotEqualTo(Claim.Kind.CHANGE));
        assertThat(reader.read("Der Anteil stieg um 2,0 %", Language.DE).quantities())
                .singleElement().satisfies(q -> assertThat(q.kind()).isEqualTo(Claim.Kind.CHANGE));
        assertThat(reader.read("Beijing hat 2024 KI-Unternehmen.", Language.DE).quantities()).hasSize(1);
    }
}
