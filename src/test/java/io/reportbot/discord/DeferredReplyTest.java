package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.reportbot.ops.BotEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deferral deadline counts from the interaction's creation, not from when the handler started. */
class DeferredReplyTest {
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final InFlight inFlight = new InFlight();
    private final DeferredReply replies = new DeferredReply(new DiscordFormatter(DiscordFormatter.messages()), BotEvents.NONE, inFlight,
            Runnable::run, timer, Duration.ofMillis(1500), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void whatIsLeftOfTheDeferralTimeCountsFromTheInteractionsCreation() {
        assertThat(replies.deferInMillis(createdAgo(Duration.ZERO))).isEqualTo(1500);
        assertThat(replies.deferInMillis(createdAgo(Duration.ofMillis(1000)))).isEqualTo(500);
        assertThat(replies.deferInMillis(createdAgo(Duration.ofMillis(2900)))).isZero();
        assertThat(replies.deferInMillis(createdAgo(Duration.ofMillis(-200)))).as("a clock behind Discord's").isEqualTo(1500);
    }

    @Test
    void anInteractionThatArrivesLateIsDeferredAtOnceNotAfterTheFullDeferralTime() throws Exception {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        DeferredReply late = new DeferredReply(new DiscordFormatter(DiscordFormatter.messages()), BotEvents.NONE, inFlight, workers,
                timer, Duration.ofMillis(1500), Clock.fixed(NOW, ZoneOffset.UTC));
        IReplyCallback event = createdAgo(Duration.ofMillis(2000));
        ReplyCallbackAction defer = mock(ReplyCallbackAction.class, RETURNS_SELF);
        when(event.deferReply()).thenReturn(defer);
        InteractionHook hook = mock(InteractionHook.class);
        when(event.getHook()).thenReturn(hook);
        @SuppressWarnings("unchecked")
        WebhookMessageEditAction<Message> edit = mock(WebhookMessageEditAction.class, RETURNS_SELF);
        when(edit.submit()).thenReturn(CompletableFuture.completedFuture(null));
        when(hook.editOriginal(any(MessageEditData.class))).thenReturn(edit);
        CountDownLatch answerMayFinish = new CountDownLatch(1);
        try {
            late.send(event, () -> {
                await(answerMayFinish);
                return List.of(MessageCreateData.fromContent("answer"));
            });
            // counting from the handler, the deferral would come 1.5 s from now; counting from creation it is due
            verify(defer, timeout(1000)).queue(any(), any());
            answerMayFinish.countDown();
            verify(hook, timeout(5000)).editOriginal(any(MessageEditData.class));
            verify(event, never()).reply(any(MessageCreateData.class));
        } finally {
            answerMayFinish.countDown();
            workers.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFreshInteractionWithAQuickAnswerIsRepliedToDirectly() {
        IReplyCallback event = createdAgo(Duration.ofMillis(100));
        ReplyCallbackAction reply = mock(ReplyCallbackAction.class, RETURNS_SELF);
        when(reply.submit()).thenReturn(CompletableFuture.completedFuture(null));
        when(event.reply(any(MessageCreateData.class))).thenReturn(reply);

        replies.send(event, () -> List.of(MessageCreateData.fromContent("answer")));

        verify(event).reply(any(MessageCreateData.class));
        verify(event, never()).deferReply();
    }

    private static IReplyCallback createdAgo(Duration age) {
        IReplyCallback event = mock(IReplyCallback.class);
        when(event.getTimeCreated()).thenReturn(OffsetDateTime.ofInstant(NOW.minus(age), ZoneOffset.UTC));
        when(event.getId()).thenReturn("999");
        when(event.getUserLocale()).thenReturn(DiscordLocale.GERMAN);
        return event;
    }
}
