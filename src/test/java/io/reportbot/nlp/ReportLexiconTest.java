package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reportbot.core.EngineLoadException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A report's own lexicon: words it adds to an aspect, and words it takes out of one. */
class ReportLexiconTest {

    private static ReportLexicon read(String json) {
        return ReportLexicon.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "lexicon.json");
    }

    @Test
    void wordsTheReportUsesOtherwiseNoLongerNameTheirAspect() {
        ReportLexicon own = read("{\"notAspects\": {\"MONEY\": [\"Umsätze\", \"revenues\"], "
                + "\"PREVIOUS_YEAR\": [\"last year\"]}}");
        Lexicon merged = Lexicon.bundled().withReport(own);
        assertThat(Lexicon.bundled().aspects().get(Aspect.MONEY)).contains("umsaetze", "revenues");
        assertThat(merged.aspects().get(Aspect.MONEY)).doesNotContain("umsaetze", "revenues").contains("worth");
        assertThat(merged.aspects().get(Aspect.PREVIOUS_YEAR)).doesNotContain("last year").contains("vorjahr");
    }

    @Test
    void aQuestionOfTheReportIsReadWithoutThoseAspects() {
        QuestionReader plain = new QuestionReader(Lexicon.bundled(), java.util.Set.of());
        QuestionReader own = new QuestionReader(Lexicon.bundled().withReport(
                read("{\"notAspects\": {\"PREVIOUS_YEAR\": [\"last year\"]}}")), java.util.Set.of());
        assertThat(plain.read("How many models came out last year?").aspects()).contains(Aspect.PREVIOUS_YEAR);
        assertThat(own.read("How many models came out last year?").aspects()).doesNotContain(Aspect.PREVIOUS_YEAR);
        assertThat(own.read("And the year before?").aspects()).contains(Aspect.PREVIOUS_YEAR);
    }

    @Test
    void anUnknownAspectIsNamed() {
        assertThatThrownBy(() -> read("{\"notAspects\": {\"WEATHER\": [\"rain\"]}}"))
                .isInstanceOf(EngineLoadException.class).hasMessageContaining("unknown aspect \"WEATHER\"");
    }
}
