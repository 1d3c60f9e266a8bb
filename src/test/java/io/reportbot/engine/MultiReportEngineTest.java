package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled white paper and the AI Index summary served by one engine. */
class MultiReportEngineTest {

    static final Path AI_INDEX = Path.of("src/test/resources/reports/ai-index-2024");
    static final String WHITE_PAPER = "beijing-ai-whitepaper-2024";

    private static Engine engine;

    @BeforeAll
    static void build() {
        engine = Engine.create(EngineSettings.bundled().withMore(new EngineSettings.ReportSelection(List.of(AI_INDEX),
                Optional.empty(), Map.of("telegram:77", "ai-index-2024"))));
    }

    private static Reply ask(String text, String conversation) {
        return engine.answer(Inbound.of(text, conversation, "test"));
    }

    @Test
    void aQuestionOnlyOneReportAnswersIsAnsweredByItAndNamesIt() {
        Reply r = ask("How many foundation models were released in 2023?", "c1");
        assertThat(r.text()).startsWith("From “Stanford AI Index 2024 (summary)”:").contains("149");
        Reply b = ask("Wie viele Einhörner gibt es in Beijing?", "c2");
        assertThat(b.text()).startsWith("Aus „Weißbuch zur KI-Branche 2024 (Beijing)“:").contains("36");
    }

    @Test
    void theConversationRemembersItsReportForFollowUps() {
        ask("How much private investment went into AI in the United States?", "c3");
        Reply r = ask("and the year before?", "c3");
        assertThat(r.fallback()).isFalse();
        assertThat(r.text()).contains("about 55 billion US dollars");
    }

    @Test
    void aPickedReportAnswersEvenWhatAnotherReportCovers() {
        assertThat(engine.pickReport("c4", "ai-index-2024", Language.EN).text()).contains("From now on");
        Reply r = ask("How many unicorns are there in Beijing?", "c4");
        assertThat(r.text()).doesNotContain("36 unicorn");
        assertThat(engine.pickReport("c4", "", Language.EN).text()).contains(WHITE_PAPER).contains("ai-index-2024")
                .contains("Now: Stanford AI Index 2024 (summary)");
        assertThat(engine.pickReport("c4", "nope", Language.DE).text()).startsWith("Einen Bericht „nope“ gibt es nicht");
    }

    @Test
    void aReportPickedWithTheQuestionAndOneConfiguredForTheChatAnswer() {
        Reply r = engine.answer(new Inbound("How many notable models came from the US?", "c5", "discord",
                Optional.empty(), Optional.of("ai-index-2024")));
        assertThat(r.text()).contains("61").doesNotStartWith("From");
        assertThat(ask("How many AI bills were proposed in Congress?", "telegram:77").text()).contains("181")
                .doesNotStartWith("From");
    }

    @Test
    void whenNoReportIsClearlyMeantTheDefaultAnswers() {
        Reply r = ask("Hallo!", "c6");
        assertThat(r.text()).contains("Weißbuch");
        assertThat(engine.reports(Language.EN)).extracting(Suggestion::topicId).containsExactly(WHITE_PAPER, "ai-index-2024");
        assertThat(engine.topics(Language.EN)).extracting(Suggestion::topicId).contains("unicorns", "training_costs");
        assertThat(engine.answerTopic("training_costs", Language.EN, "c7", "test").text()).contains("78 million");
    }

    @Test
    void aSingleReportEngineSaysItServesOne() {
        Engine one = Engine.bundled();
        assertThat(one.reports(Language.EN)).isEmpty();
        assertThat(one.pickReport("x", "ai-index-2024", Language.EN).text())
                .isEqualTo("I answer questions about one report only: White Paper on Beijing's AI Industry 2024.");
    }

    @Test
    void anUnknownDefaultOrChatReportIsALoadError() {
        assertThatThrownBy(() -> Engine.create(EngineSettings.bundled().withMore(new EngineSettings.ReportSelection(
                List.of(AI_INDEX), Optional.of("nope"), Map.of())))).isInstanceOf(EngineLoadException.class)
                .hasMessageContaining("nope");
    }
}
