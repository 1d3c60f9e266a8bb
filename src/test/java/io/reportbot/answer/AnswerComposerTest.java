package io.reportbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.nlp.Aspect;
import io.reportbot.report.Report;
import io.reportbot.report.ReportLoader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every handler, in both languages: stated figures with their qualifiers, computed ones marked as computed. */
class AnswerComposerTest {

    private final Report report = new ReportLoader().loadBundled();
    private final AnswerComposer composer = new AnswerComposer(report, new Wording());

    private Composed answer(String topic, Language lang, Aspect... aspects) {
        return composer.topic(report.topic(topic).orElseThrow(), lang, aspects.length == 0 ? Set.of() : Set.of(aspects), List.of());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTopicAnswersWithItsSourceAndNoUnfilledPlaceholder(Language lang) {
        report.topics().forEach(t -> {
            Composed c = composer.topic(t, lang, Set.of(), List.of());
            assertThat(c.fallback()).as(t.id()).isFalse();
            assertThat(c.text()).as(t.id()).doesNotContain("{").doesNotContain("}");
            assertThat(c.sources()).as(t.id()).isNotEmpty();
            assertThat(c.text()).as(t.id()).contains(c.sources().get(0));
        });
    }

    @Test
    void industrySizeKeepsTheQualifierAndGivesTheEuroAndGrowth() {
        assertThat(answer("industry_size", Language.DE).text())
                .contains("mehr als 300 Milliarden Yuan (39,2 Milliarden Euro)").contains("12 Prozent")
                .contains("Quelle");
        assertThat(answer("industry_size", Language.EN).text())
                .contains("more than 300 billion yuan (39.2 billion euro)").contains("12 percent")
                .contains("Source");
    }

    @Test
    void companiesKeepMoreThan() {
        assertThat(answer("ai_companies", Language.DE).text()).contains("mehr als 2.400").contains("mehr als 9 Prozent");
        assertThat(answer("ai_companies", Language.EN).text()).contains("more than 2,400").contains("more than 9 percent");
    }

    @Test
    void listedCompaniesGiveTrillionsInBothLanguages() {
        assertThat(answer("listed_companies", Language.DE).text()).contains("46").contains("4,3 Billionen Yuan (560 Milliarden Euro)");
        assertThat(answer("listed_companies", Language.EN).text()).contains("46").contains("4.3 trillion yuan (560 billion euro)");
    }

    @Test
    void previousYearIsComputedFromTheGrowthRateAndMarked() {
        String de = answer("industry_size", Language.DE, Aspect.PREVIOUS_YEAR).text();
        assertThat(de).contains("Berechnet").contains("mehr als 267 Milliarden Yuan");
        String en = answer("industry_size", Language.EN, Aspect.PREVIOUS_YEAR).text();
        assertThat(en).contains("Computed").contains("more than 267 billion yuan");
        assertThat(answer("ai_companies", Language.EN, Aspect.PREVIOUS_YEAR).text())
                .contains("Computed").contains("about 2,200");
        assertThat(answer("financing", Language.DE, Aspect.PREVIOUS_YEAR).text()).contains("17,4 Milliarden Yuan");
    }

    @Test
    void previousYearWithoutAGrowthRateIsAnHonestNo() {
        Composed c = answer("unicorns", Language.EN, Aspect.PREVIOUS_YEAR);
        assertThat(c.fallback()).isTrue();
        assertThat(c.text()).contains("no previous-year figure").doesNotContain("36");
    }

    @Test
    void nationalTotalIsComputedFromTheShare() {
        assertThat(answer("large_models", Language.EN, Aspect.NATIONAL).text()).contains("Computed").contains("about 235");
        assertThat(answer("large_models", Language.DE, Aspect.NATIONAL).text()).contains("Berechnet").contains("etwa 235");
        // "more than half" bounds the national total from above
        assertThat(answer("unicorns", Language.EN, Aspect.NATIONAL).text()).contains("less than 72");
        assertThat(answer("unicorns", Language.DE, Aspect.NATIONAL).text()).contains("weniger als 72");
    }

    @Test
    void nationalTotalWithoutAShareSaysTheReportGivesOnlyBeijing() {
        assertThat(answer("ai_companies", Language.EN, Aspect.NATIONAL).text())
                .contains("only the figures for Beijing").contains("no total or share for all of China");
    }

    @Test
    void theFundsLeverageIsComputed() {
        assertThat(answer("industry_fund", Language.DE).text()).contains("4,15").contains("2 Milliarden Yuan (260 Millionen Euro)");
        assertThat(answer("industry_fund", Language.EN).text()).contains("4.15").contains("Computed");
    }

    @Test
    void euroForACountSaysThereIsNone() {
        assertThat(answer("unicorns", Language.EN, Aspect.EURO).text()).contains("no euro figure");
    }

    @Test
    void aWrongClaimIsCorrectedAndARightOneConfirmed() {
        var unicorns = report.topic("unicorns").orElseThrow();
        assertThat(composer.topic(unicorns, Language.DE, Set.of(), List.of(70.0)).text())
                .startsWith("Nein").contains("36");
        assertThat(composer.topic(unicorns, Language.EN, Set.of(), List.of(36.0)).text())
                .startsWith("Yes").contains("36");
        var industry = report.topic("industry_size").orElseThrow();
        assertThat(composer.topic(industry, Language.EN, Set.of(), List.of(300e9)).text()).startsWith("Yes");
        assertThat(composer.topic(industry, Language.EN, Set.of(), List.of(500e9)).text()).startsWith("No")
                .contains("more than 300 billion yuan");
    }

    @Test
    void aStatedClaimIsCheckedWithItsUnitAndBound() {
        var reader = new io.reportbot.nlp.ClaimReader(io.reportbot.nlp.ClaimWords.bundled(), Set.of("beijing"),
                Set.of("china"));
        var industry = report.topic("industry_size").orElseThrow();
        var euro = reader.read("Stimmt es, dass die Branche 300 Milliarden Euro schwer ist?", Language.DE);
        assertThat(composer.topic(industry, Language.DE, Set.of(), euro, true, List.of()).text())
                .startsWith("Nein").contains("39,2 Milliarden Euro");
        var within = reader.read("Is it true the industry is worth more than 250 billion yuan?", Language.EN);
        assertThat(composer.topic(industry, Language.EN, Set.of(), within, true, List.of()).text())
                .startsWith("Yes, that's right: more than 300 billion yuan");
    }

    @Test
    void aComputedBoundIsRoundedTowardsItsSide() {
        // "mehr als 300 Mrd. ÷ 1,12" is more than 267.86 billion: "mehr als 268" would claim too much
        assertThat(AnswerComposer.significant(300e9 / 1.12, io.reportbot.report.Qualifier.MORE_THAN)).isEqualTo(267e9);
        assertThat(AnswerComposer.significant(36 / 0.7, io.reportbot.report.Qualifier.LESS_THAN)).isEqualTo(51.5);
        assertThat(AnswerComposer.significant(300e9 / 1.12, io.reportbot.report.Qualifier.ABOUT)).isEqualTo(268e9);
    }
}
