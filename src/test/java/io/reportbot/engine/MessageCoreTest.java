package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.nlp.ChatWords;
import org.junit.jupiter.api.Test;

/** Small talk is cut from around a question, by clauses and by runs of words (examples written for this test). */
class MessageCoreTest {

    private final MessageCore core = new MessageCore(ChatWords.bundled(), text -> text.contains("Fonds"));

    @Test
    void leadingGreetingClausesAreCut() {
        assertThat(core.of("Grüß dich! Kurze Frage: wie viel hat der Fonds investiert?"))
                .isEqualTo("wie viel hat der Fonds investiert?");
    }

    @Test
    void aRunOfSmallTalkWordsBeforeTheQuestionIsCut() {
        assertThat(core.of("hey bot thanks how big is the fund")).isEqualTo("how big is the fund");
    }

    @Test
    void trailingThanksAreCut() {
        assertThat(core.of("Wie viel hat der Fonds investiert? Danke schön!")).isEqualTo("Wie viel hat der Fonds investiert?");
    }

    @Test
    void aWordRightBeforeTheQuestionMarkBelongsToTheQuestion() {
        assertThat(core.of("und sind die wirklich gut?")).isEqualTo("und sind die wirklich gut?");
        assertThat(core.of("how many unicorns are there thx")).isEqualTo("how many unicorns are there");
    }

    @Test
    void mentionsAreCut() {
        assertThat(core.of("@reportbot how big is the fund?")).isEqualTo("how big is the fund?");
    }

    @Test
    void numbersWithSeparatorsAreNotClauseEnds() {
        assertThat(core.of("Hallo, stimmt 4,3 beim Fonds?")).isEqualTo("stimmt 4,3 beim Fonds?");
    }

    @Test
    void aMessageOfSmallTalkOnlyStaysWhole() {
        assertThat(core.of("Hey Leute, danke!")).isEqualTo("Hey Leute, danke!");
        assertThat(core.smallTalkOnly("Hey Leute, danke!")).isTrue();
        assertThat(core.smallTalkOnly("Hey Leute, was macht der Fonds?")).isFalse();
    }

    @Test
    void statementsAroundAQuestionThatNamesATopicAreDropped() {
        assertThat(core.of("Ich schreibe über Stiftungen. Wie viel hat der Fonds investiert?"))
                .isEqualTo("Wie viel hat der Fonds investiert?");
        assertThat(core.of("Wie viel hat der Fonds investiert? Ich brauche das für eine Folie."))
                .isEqualTo("Wie viel hat der Fonds investiert?");
    }

    @Test
    void statementsStayWhenTheQuestionAloneSaysTooLittle() {
        String text = "Ich brauche eine Zahl zum Fonds. Können Sie mir die nennen?";
        assertThat(core.of(text)).isEqualTo(text);
    }
}
