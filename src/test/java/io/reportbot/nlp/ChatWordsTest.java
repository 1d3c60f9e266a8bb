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
    void aFigureWordAtTheEndOfACompoundCounts() {
        assertThat(words.requestsAFigure(TextNormalizer.tokens("Nenne mir die Gesamtinvestitionen des Fonds"))).isTrue();
        assertThat(words.requestsAFigure(TextNormalizer.tokens("Sag mir die Fördersumme"))).isTrue();
        assertThat(words.requestsAFigure(TextNormalizer.tokens("Nenne mir die Forschungslabore"))).isFalse();
    }

    @Test
    void aQuestionMarkOrALeadingQuestionWordMakesAMessageAsk() {
        assertThat(words.asksSomething("und wer steckt dahinter?")).isTrue();
        assertThat(words.asksSomething("und in Italien?")).isTrue();
        assertThat(words.asksSomething("which one came first")).isTrue();
        assertThat(words.asksSomething("cool, that is what I was after")).isFalse();
        assertThat(words.asksSomething("")).isFalse();
    }

    @Test
    void thanksAndGoodbyeCloseAConversationGreetingsDoNot() {
        assertThat(words.closes("thanks")).isTrue();
        assertThat(words.closes("goodbye")).isTrue();
        assertThat(words.closes("greeting")).isFalse();
    }

    @Test
    void theWholeWorldIsAFollowUpAspectInBothLanguages() {
        assertThat(words.followUpAspects(TextNormalizer.normalize("und weltweit"))).contains(FollowUpAspect.WORLD);
        assertThat(words.followUpAspects(TextNormalizer.normalize("and around the world"))).contains(FollowUpAspect.WORLD);
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

    /** Idioms are skipped when the text can't hold them, and the result is what running every pattern gives. */
    @Test
    void blankingIdiomsGivesWhatEveryPatternGives() {
        java.util.List<String> phrases = java.util.List.of("when it comes to", "wenn es um", "was angeht", "wann immer",
                "stra\u00dfe", "\u00c4rger", "kelvin", "sus", "\\E odd", "i\u0307x");
        java.util.List<java.util.regex.Pattern> idioms = phrases.stream().map(ChatWords::idiom).toList();
        ChatWords w = new ChatWords(java.util.List.of(), java.util.List.of(), java.util.Set.of(), Map.of(), idioms);
        String[] pieces = {"When", "WHEN", "it", "IT", "comes", "to", "Wenn", "es", "ES", "um", "UM", "was", "WAS",
                "angeht", "ANGEHT", "wann", "immer", "Stra\u00dfe", "STRASSE", "\u00e4rger", "\u00c4RGER", "\u212aelvin",
                "kelvin", "\u017fus", "SUS", "\u0130x", "i\u0307x", "\\E", "odd", "AI", "KI", ",", "?", "x1", "\uD83D\uDE00"};
        java.util.Random r = new java.util.Random(8);
        for (int round = 0; round < 5000; round++) {
            StringBuilder t = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(7); k < n; k++) {
                t.append(k == 0 ? "" : r.nextInt(5) == 0 ? "-" : " ").append(pieces[r.nextInt(pieces.length)]);
            }
            String text = t.toString();
            String expected = text;
            for (java.util.regex.Pattern p : idioms) {
                expected = p.matcher(expected).replaceAll(" ");
            }
            assertThat(w.withoutIdioms(text)).as(text).isEqualTo(expected);
        }
        assertThat(w.withoutIdioms("Well, WHEN IT COMES TO AI?")).isEqualTo("Well,   AI?");
    }

    @Test
    void aStatementEndsWithAFullStopAsksNothingAndRequestsNothing() {
        assertThat(words.states("Peking hat 70 Einhörner.")).isTrue();
        assertThat(words.states("The fund put 3 billion yuan into start-ups!")).isTrue();
        assertThat(words.states("Sag mir die Zahl der Einhörner.")).as("a request").isFalse();
        assertThat(words.states("Wie viele Einhörner hat Peking.")).as("a question word").isFalse();
        assertThat(words.states("Einhörner in Peking")).as("no full stop").isFalse();
        assertThat(words.states("Danke.")).as("too short").isFalse();
    }

    @Test
    void aPercentSignWithoutAFigureIsSpelledOutAFigureWithOneIsNot() {
        assertThat(words.withPercentSpelledOut("und in % von China?", io.reportbot.core.Language.DE))
                .isEqualTo("und in  prozent  von China?");
        assertThat(words.withPercentSpelledOut("what % of the country?", io.reportbot.core.Language.EN))
                .contains(" percent ");
        assertThat(words.withPercentSpelledOut("sind es 40% oder 40 %?", io.reportbot.core.Language.DE))
                .isEqualTo("sind es 40% oder 40 %?");
    }
}
