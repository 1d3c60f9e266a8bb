package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chat words as data: requests, figure words, follow-up aspects per language (examples written for this test). */
class ChatWordsTest {

    private final ChatWords words = ChatWords.bundled();

    @Test
    void aRequestFollowedByAFigureWordAsksForAFigure() {
        assertThat(words.requestsAFigure(TextNormalizer.tokens("Nenne mir die Anzahl der Labore"))).isTrue();
        assertThat(words.requestsAFigure(TextNormalizer.tokens("give me the total of the fund"))).isTrue();
        assertThat(words.requestsAFigure(TextNormalizer.tokens("Nenne mir die Labore"))).isFalse();
    }

    @Test
    void aRequestForATrendAShareOrACostAsksForAFigure() {
        assertThat(words.requestsAFigure(TextNormalizer.tokens("Nenne mir die Entwicklung der KI-Jobs"))).isTrue();
        assertThat(words.requestsAFigure(TextNormalizer.tokens("Nenne mir den Anteil der Firmen"))).isTrue();
        assertThat(words.requestsAFigure(TextNormalizer.tokens("tell me the share of open models"))).isTrue();
        assertThat(words.requestsAFigure(TextNormalizer.tokens("list the costs of training"))).isTrue();
    }

    @Test
    void followUpAspectsAreReadInBothLanguages() {
        assertThat(words.followUpAspects(TextNormalizer.normalize("und die Anzahl davon?"))).contains(FollowUpAspect.COUNT);
        assertThat(words.followUpAspects(TextNormalizer.normalize("and how fast?"))).contains(FollowUpAspect.GROWTH);
        assertThat(words.followUpAspects(TextNormalizer.normalize("und das absolut?"))).contains(FollowUpAspect.ABSOLUTE);
        assertThat(words.followUpAspects(TextNormalizer.normalize("und je Firma?"))).contains(FollowUpAspect.PER_UNIT);
        assertThat(words.followUpAspects(TextNormalizer.normalize("where did that happen?"))).contains(FollowUpAspect.PLACE);
    }

    @Test
    void everyAspectHasWordsInEveryLanguage() {
        for (Language l : Language.values()) {
            Map<FollowUpAspect, java.util.List<String>> byAspect = words.followUps().get(l);
            assertThat(byAspect.keySet()).as(l.code()).containsExactlyInAnyOrder(FollowUpAspect.values());
            assertThat(byAspect.values()).allSatisfy(p -> assertThat(p).isNotEmpty());
        }
    }

    @Test
    void theWordsOfFollowUpPhrasesAreTakenOutBeforeLookingForATopic() {
        assertThat(words.withoutFollowUpWords(TextNormalizer.tokens("woher kommt die zahl der labore"))).containsExactly("der", "labore");
    }

    @Test
    void idiomsAreBlankedOut() {
        assertThat(words.withoutIdioms("What does Beijing lead in when it comes to AI?")).doesNotContainIgnoringCase("when");
    }
}
