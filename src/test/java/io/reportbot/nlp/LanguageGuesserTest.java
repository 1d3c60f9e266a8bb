package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.Engine;
import io.reportbot.core.Language;
import io.reportbot.engine.TestEngines;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuesserTest {

    private final Engine engine = TestEngines.bundled();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Wie viele Einhörner?|DE",
            "Einhörner?|DE",
            "einhoerner|DE",
            "How big is Beijing's AI industry?|EN",
            "unicorns?|EN",
            "Umsatz?|DE",
            "number of Hochschulen with KI-Studiengängen?|EN",
            "Gibt es da auch unicorns?|DE",
            "hey quick question: how many listed companies?|EN"})
    void guessesTheQuestionsLanguage(String text, Language expected) {
        assertThat(engine.detectLanguage(text, Optional.empty())).isEqualTo(expected);
    }

    @Test
    void theHintDecidesWhenTheTextCannot() {
        assertThat(engine.detectLanguage("LLMs", Optional.of(Language.EN))).isEqualTo(Language.EN);
        assertThat(engine.detectLanguage("LLMs", Optional.of(Language.DE))).isEqualTo(Language.DE);
        assertThat(engine.detectLanguage("Wie viele Einhörner gibt es?", Optional.of(Language.EN))).isEqualTo(Language.DE);
    }

    /** A single known word is what speakers of either language type: the platform's locale answers it. */
    @Test
    void oneKnownWordWithoutFunctionWordsLeavesItToTheHint() {
        assertThat(engine.detectLanguage("Unicorns 2024?", Optional.of(Language.DE))).isEqualTo(Language.DE);
        assertThat(engine.detectLanguage("Unicorns 2024?", Optional.empty())).isEqualTo(Language.EN);
        assertThat(engine.detectLanguage("Einhörner 2024?", Optional.of(Language.EN))).isEqualTo(Language.DE);
        assertThat(engine.detectLanguage("listed companies market value", Optional.of(Language.DE)))
                .isEqualTo(Language.EN);
    }

    /** With the model loaded from the first guess on, guesses that need it wait for it: the same answers. */
    @Test
    void aModelLoadedOnTheFirstGuessGivesTheSameGuesses() {
        java.util.Map<Language, java.util.List<String>> corpus = java.util.Map.of(
                Language.DE, java.util.List.of("wie viele einhoerner gibt es", "wie gross ist die branche"),
                Language.EN, java.util.List.of("how many unicorns are there", "how big is the industry"));
        java.util.Map<Language, java.util.List<String>> functionWords = java.util.Map.of(
                Language.DE, java.util.List.of("wie", "die", "es"), Language.EN, java.util.List.of("how", "the", "are"));
        LanguageGuesser eager = new LanguageGuesser(corpus, functionWords, LanguageGuesser.loadModel());
        LanguageGuesser lazy = LanguageGuesser.loadingModelOnFirstGuess(corpus, functionWords);
        // no function word, no known word, no hint: OpenNLP's model decides
        for (String text : java.util.List.of("Künstliche Intelligenz Unternehmen Hauptstadt", "artificial intelligence companies",
                "LLMs", "Rechenzentren Peking", "computing centres Beijing", "", "2024")) {
            assertThat(lazy.guess(text, Optional.empty())).as(text).isEqualTo(eager.guess(text, Optional.empty()));
        }
    }
}
