package io.reportbot.telegram;

import io.reportbot.adapter.ScriptedEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import io.reportbot.telegram.Route.ChatRef;
import io.reportbot.telegram.UpdateRouter.BotIdentity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

class UpdateHandlerTest {
    private static final ChatRef CHAT = new ChatRef(42, null, true);

    private final TelegramClient client = mock(TelegramClient.class);
    private final ScriptedEngine engine = spy(new ScriptedEngine());
    private final UpdateHandler handler = new UpdateHandler(engine, client, TelegramFormatter.texts(),
            new BotIdentity(FakeBotApi.BOT_ID, FakeBotApi.BOT_USERNAME));

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<BotApiMethod<?>> sent() throws TelegramApiException {
        ArgumentCaptor<BotApiMethod> captor = ArgumentCaptor.forClass(BotApiMethod.class);
        verify(client, atLeastOnce()).execute(captor.capture());
        return (List) captor.getAllValues();
    }

    private List<String> texts() throws TelegramApiException {
        return sent().stream().filter(SendMessage.class::isInstance).map(m -> ((SendMessage) m).getText()).toList();
    }

    @Test
    void theChatsLanguageChoiceIsTheHintForItsQuestions() throws Exception {
        handler.handle(new Route.Command(CHAT, 1, "lang", "EN", Optional.of(Language.DE)));
        handler.handle(new Route.Question(CHAT, 2, "unicorns?", Optional.of(Language.DE)));
        ArgumentCaptor<Inbound> inbound = ArgumentCaptor.forClass(Inbound.class);
        verify(engine).answer(inbound.capture());
        assertThat(inbound.getValue()).isEqualTo(new Inbound("unicorns?", "telegram:42", "telegram",
                Optional.of(Language.EN)));
        assertThat(texts()).hasSize(2);
        assertThat(texts().get(0)).startsWith("From now on I will answer in English");
        assertThat(texts().get(1)).startsWith(ScriptedEngine.UNICORNS_EN);
    }

    @Test
    void aBadLangArgumentExplainsTheCommand() throws Exception {
        handler.handle(new Route.Command(CHAT, 1, "lang", "fr", Optional.of(Language.DE)));
        assertThat(texts()).containsExactly("Mit /lang de oder /lang en wählen Sie meine Sprache in diesem Chat.");
    }

    @Test
    void askWithoutAQuestionShowsAnExample() throws Exception {
        handler.handle(new Route.Command(CHAT, 1, "ask", "", Optional.of(Language.EN)));
        assertThat(texts()).containsExactly("Please write your question after /ask, for example: /ask How many"
                + " unicorns are there in Beijing?");
    }

    @Test
    void helpNamesTheReportAndTheBot() throws Exception {
        handler.handle(new Route.Command(CHAT, 1, "help", "", Optional.of(Language.DE)));
        assertThat(texts().get(0)).startsWith("Ich beantworte Fragen zum Bericht „Weißbuch KI-Industrie Peking 2024“.")
                .contains("@reportbot_test_bot", "Schreiben Sie einfach Ihre Frage.");
    }

    @Test
    void aUserWithoutAKnownLanguageGetsEnglish() throws Exception {
        handler.handle(new Route.Command(CHAT, 1, "help", "", Optional.empty()));
        assertThat(texts().get(0)).startsWith("I answer questions about the report “Beijing AI Industry White Paper 2024”.");
    }

    @Test
    void unknownCommandsPointToHelp() throws Exception {
        handler.handle(new Route.Command(CHAT, 1, "weird", "", Optional.of(Language.EN)));
        assertThat(texts()).containsExactly("I don't know that command. /help lists what I can do.");
    }

    @Test
    void aFailedTypingActionDoesNotStopTheAnswer() throws Exception {
        when(client.execute(any(SendChatAction.class))).thenThrow(new TelegramApiException("nope"));
        handler.handle(new Route.Question(CHAT, 2, "Wie viele Einhörner?", Optional.empty()));
        assertThat(texts()).hasSize(1);
    }

    @Test
    void slowDownOnAButtonIsAToast() throws Exception {
        handler.slowDown(new Route.TopicTap("cb", CHAT, 3, new io.reportbot.adapter.ButtonCodec.TopicButton(Language.DE, "x"),
                Optional.of(Language.EN)));
        assertThat(sent()).singleElement().isInstanceOfSatisfying(AnswerCallbackQuery.class,
                a -> assertThat(a.getText()).startsWith("That is a lot of questions"));
    }

    @Test
    void emptyInlineQueriesGetNoResults() throws Exception {
        handler.handle(new Route.InlineQuestion("iq", 8, "", Optional.empty()));
        assertThat(sent()).singleElement().satisfies(m -> assertThat(m.toString()).contains("results=[]"));
    }
}
