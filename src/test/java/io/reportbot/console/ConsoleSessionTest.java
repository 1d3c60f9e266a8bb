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
