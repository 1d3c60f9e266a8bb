package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.report.Report;
import io.reportbot.report.ReportLoader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The words particular to each topic's answers and sentences, by which a terse turn leans on the last answer. */
class TopicVocabularyTest {

    private final Report whitePaper = new ReportLoader().loadBundled();
    private final TopicVocabulary words = new TopicVocabulary(whitePaper, Set.of("der", "die", "und", "the", "and"));

    @Test
    void aWordOfTheTopicsSentenceOrAnswerInAnyFormIsAnEcho() {
        // the fund's sentence speaks of "zusätzlichen Mitteln" and the investment; a turn asking about them leans on it
        assertThat(words.echoes(List.of("mittel"), List.of("industry_fund"))).isTrue();
        assertThat(words.echoes(List.of("zusaetzliche"), List.of("industry_fund"))).isTrue();
    }

    @Test
    void aWordOfAnotherTopicIsNoEcho() {
        assertThat(words.echoes(List.of("einhorn"), List.of("industry_fund"))).isFalse();
    }

    @Test
    void wordsThatManyTopicsUseSayNothing() {
        // "Beijing" and "Prozent" appear in the sentences of many topics: they don't pick out the last answer
        assertThat(words.echoes(List.of("beijing"), List.of("unicorns"))).isFalse();
        assertThat(words.echoes(List.of("prozent"), List.of("ai_companies"))).isFalse();
    }

    @Test
    void functionWordsAndShortWordsDoNotCount() {
        assertThat(words.echoes(List.of("der", "und", "ki"), List.of("industry_fund"))).isFalse();
    }

    @Test
    void aTurnSpeaksOfATopicWhenAllItsWordsAreThatTopicsAndNoneTheLastAnswers() {
        // "Unternehmen" is common to the report, but the industry's volume sentence doesn't use it
        assertThat(words.speaksOf(List.of("unternehmen"), "ai_companies", List.of("industry_size"))).isTrue();
        // the unicorns' sentence says "Einhorn-Unternehmen": the word doesn't take the turn away from them
        assertThat(words.speaksOf(List.of("unternehmen"), "ai_companies", List.of("unicorns"))).isFalse();
        // a word the topic doesn't use, or no word that counts, speaks of nothing
        assertThat(words.speaksOf(List.of("unternehmen", "umsatz"), "ai_companies", List.of("industry_size"))).isFalse();
        assertThat(words.speaksOf(List.of("und", "ki"), "ai_companies", List.of("industry_size"))).isFalse();
    }
}
