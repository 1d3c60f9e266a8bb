package io.reportbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.TestEngines;
import org.junit.jupiter.api.Test;

class ConsoleSessionTest {

    @Test
    void theConsoleIsOneConversationWithCommands() {
        ConsoleSession s = new ConsoleSession(TestEngines.bundled(), r -> "[debug " + r.intent() + "]", () -> "reloaded");
        assertThat(s.handle("How big is the AI industry?").output()).contains("300 billion yuan").contains("[debug industry_size]");
        assertThat(s.handle("in euros?").output()).contains("39.2 billion euro");
        assertThat(s.handle("/topics").output()).contains("1) ").contains("Unicorn companies");
        assertThat(s.handle("10").output()).contains("36");
        assertThat(s.handle("/reload").output()).isEqualTo("reloaded");
        assertThat(s.handle("/lang de").output()).contains("de");
        assertThat(s.handle("/help").output()).contains("Weißbuch");
        assertThat(s.handle("/quit").quit()).isTrue();
        assertThat(s.welcome()).contains("Hallo").contains("Hello");
    }

    @Test
    void langDeAnswersEnglishQuestionsInGermanAndLangAutoFollowsTheQuestionAgain() {
        ConsoleSession s = new ConsoleSession(TestEngines.bundled(), null, null);
        assertThat(s.handle("How many unicorns are there?").output()).contains("36 unicorn");
        assertThat(s.handle("/lang de").output()).contains("Deutsch");
        String forced = s.handle("How many unicorns are there?").output();
        assertThat(forced).contains("36 Einhorn-Unternehmen").doesNotContain("unicorn companies");
        assertThat(s.handle("How many listed AI companies?").output()).contains("46").contains("börsennotiert");
        assertThat(s.handle("/lang en").output()).contains("English");
        assertThat(s.handle("Wie viele Einhörner gibt es?").output()).contains("36 unicorn");
        assertThat(s.handle("/lang auto").output()).contains("from the question");
        assertThat(s.handle("Wie viele Einhörner gibt es?").output()).contains("36 Einhorn-Unternehmen");
    }

    @Test
    void anUnknownLanguageIsAnErrorAndChangesNothing() {
        ConsoleSession s = new ConsoleSession(TestEngines.bundled(), null, null);
        s.handle("/lang de");
        assertThat(s.handle("/lang xx").output()).isEqualTo("Die Sprache \u201exx\u201c gibt es nicht. Verwenden Sie /lang de, /lang en oder /lang auto.");
        assertThat(s.handle("How many unicorns are there?").output()).contains("36 Einhorn-Unternehmen");
        s.handle("/lang en");
        assertThat(s.handle("/lang fr").output()).contains("There is no language \"fr\"");
        assertThat(s.handle("/language").output()).doesNotContain("language \"");
    }

    /** A topic picked by number goes through Engine.answer, so the follow-up is about it. */
    @Test
    void aTopicPickedByNumberIsRememberedForTheNextQuestion() {
        ConsoleSession s = new ConsoleSession(io.reportbot.engine.Engine.bundled(), null, null);
        String list = s.handle("/topics").output();
        String number = list.lines().filter(l -> l.contains("Einhorn") || l.contains("Unicorn")).findFirst().orElseThrow()
                .strip().split("\\)")[0];
        assertThat(s.handle(number).output()).contains("36");
        assertThat(s.handle("und in ganz China?").output()).contains("72").contains("Einhorn");
    }
}
