package io.reportbot.discord;

import io.reportbot.adapter.ScriptedEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import io.reportbot.ops.BotEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Answering messages that mention the bot: off by default, and then only for real mentions by people. */
class MentionAnsweringTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Engine engine = spy(new ScriptedEngine());

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private MentionListener listener() {
        return new MentionListener(engine, new DiscordFormatter(DiscordFormatter.messages()),
                BotListenerTest.gate(10, 1000, BotEvents.NONE), BotListener.Access.EVERYWHERE, BotEvents.NONE,
                new InFlight(), Runnable::run, DiscordFormatter.topicIds(engine)::contains);
    }

    @Test
    void aMentionIsAnsweredWithoutTheMention() {
        Message message = message("<@1> Wie viele Einhörner gibt es?", true, false);
        listener().onMessageReceived(event(message));
        ArgumentCaptor<Inbound> inbound = ArgumentCaptor.forClass(Inbound.class);
        verify(engine).answer(inbound.capture());
        assertThat(inbound.getValue().text()).isEqualTo("Wie viele Einhörner gibt es?");
        ArgumentCaptor<MessageCreateData> reply = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(message).reply(reply.capture());
        assertThat(reply.getValue().getEmbeds().get(0).getDescription()).isEqualTo(ScriptedEngine.UNICORNS_DE);
    }

    @Test
    void theInteractionListenerLeavesMessagesAlone() { // mentions are answered only with MentionListener registered
        Message message = message("<@1> Wie viele Einhörner?", true, false);
        new BotListener(engine, DiscordFormatter.messages(), BotListenerTest.gate(10, 1000, BotEvents.NONE),
                new InFlight(), Runnable::run, timer, Duration.ofSeconds(2)).onMessageReceived(event(message));
        verify(engine, never()).answer(any());
        verify(message, never()).reply(any(MessageCreateData.class));
    }

    @Test
    void messagesWithoutAMentionOrFromBotsAreIgnored() {
        MentionListener listener = listener();
        listener.onMessageReceived(event(message("Wie viele Einhörner?", false, false)));
        listener.onMessageReceived(event(message("<@1> Wie viele Einhörner?", true, true)));
        verify(engine, never()).answer(any());
    }

    private static Message message(String content, boolean mentionsBot, boolean fromBot) {
        Message message = mock(Message.class);
        when(message.getContentRaw()).thenReturn(content);
        Mentions mentions = mock(Mentions.class);
        when(mentions.isMentioned(any(), any())).thenReturn(mentionsBot);
        when(message.getMentions()).thenReturn(mentions);
        MessageCreateAction action = mock(MessageCreateAction.class, RETURNS_SELF);
        when(action.submit()).thenReturn(CompletableFuture.completedFuture(null));
        when(message.reply(any(MessageCreateData.class))).thenReturn(action);
        User author = mock(User.class);
        when(author.isBot()).thenReturn(fromBot);
        when(author.getIdLong()).thenReturn(777L);
        when(author.getId()).thenReturn("777");
        when(message.getAuthor()).thenReturn(author);
        return message;
    }

    private static MessageReceivedEvent event(Message message) {
        MessageReceivedEvent event = mock(MessageReceivedEvent.class);
        when(event.getMessage()).thenReturn(message);
        User author = message.getAuthor();
        when(event.getAuthor()).thenReturn(author);
        JDA jda = mock(JDA.class);
        SelfUser self = mock(SelfUser.class);
        when(self.getId()).thenReturn("1");
        when(jda.getSelfUser()).thenReturn(self);
        when(event.getJDA()).thenReturn(jda);
        MessageChannelUnion channel = mock(MessageChannelUnion.class);
        when(channel.getId()).thenReturn("555");
        when(event.getChannel()).thenReturn(channel);
        return event;
    }
}
