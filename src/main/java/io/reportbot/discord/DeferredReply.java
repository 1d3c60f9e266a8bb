package io.reportbot.discord;

import io.reportbot.core.Language;
import io.reportbot.ops.BotEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the reply to an interaction: the answer within Discord's 3-second window for the first response
 * ({@link #send}), or a short ephemeral note ({@link #notice}); {@link #guarded} turns a handler's failure into the
 * ephemeral apology. So every interaction is acknowledged once.
 *
 * <p>The answer is computed on {@code workers}. If it is ready before the interaction is {@code deferAfter} old,
 * it is the first response; otherwise the interaction is deferred ("reportbot is thinking…") and the deferred
 * reply is edited when the answer arrives. The deadline counts from the interaction's creation (its snowflake),
 * not from when the handler started: under load JDA may hand an interaction over late, and an interaction that is
 * already {@code deferAfter} old is deferred at once.
 *
 * <p>Failures: an answer that throws ends in an ephemeral "something went wrong"; so does an edit of the deferred
 * reply that fails (the HTTP client retries it once first, see {@link InteractionRetry}): the public placeholder is
 * deleted and the apology sent as an ephemeral follow-up, so that nobody is left with "thinking…" for good.
 *
 * <p>Thread-safe: one instance serves every interaction.
 */
final class DeferredReply {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredReply.class);

    private static final int PENDING = 0;
    private static final int REPLIED = 1;
    private static final int DEFERRED = 2;

    private final DiscordFormatter formatter;
    private final BotEvents events;
    private final InFlight inFlight;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final Duration deferAfter;
    private final Clock clock;

    DeferredReply(DiscordFormatter formatter, BotEvents events, InFlight inFlight, Executor workers,
                  ScheduledExecutorService timer, Duration deferAfter, Clock clock) {
        this.formatter = formatter;
        this.events = events;
        this.inFlight = inFlight;
        this.workers = workers;
        this.timer = timer;
        this.deferAfter = deferAfter;
        this.clock = clock;
    }

    /**
     * Computes the messages on a worker and sends them; extra messages (long answers) follow as follow-ups.
     * Does nothing once shutdown has begun ({@link InFlight#close()}).
     */
    void send(IReplyCallback event, Supplier<List<MessageCreateData>> work) {
        if (!inFlight.tryBegin()) {
            LOG.info("shutting down: ignoring an interaction");
            return;
        }
        try {
            schedule(event, work);
        } catch (RuntimeException e) {
            inFlight.end(); // nothing was scheduled, so nothing else will end it
            throw e;
        }
    }

    /** An ephemeral note (rate limit, unknown button, empty question, failure) as the interaction's response. */
    void notice(IReplyCallback event, Language ui, String key) {
        event.reply(formatter.notice(ui, key)).setEphemeral(true)
                .queue(null, e -> LOG.warn("sending a notice failed: {}", e.toString()));
    }

    /** Runs a handler; an exception ends in a log entry and an ephemeral apology, never in a dead bot. */
    void guarded(IReplyCallback event, Language ui, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            events.platformError(Interactions.PLATFORM, "handler");
            LOG.error("handling interaction {} failed", event.getId(), e);
            try {
                if (!event.isAcknowledged()) {
                    notice(event, ui, "error.generic");
                }
            } catch (RuntimeException again) {
                LOG.error("could not tell the user about the failure", again);
            }
        }
    }

    /** How long to wait before deferring: what is left of {@code deferAfter} since the interaction was created. */
    long deferInMillis(IReplyCallback event) {
        long age = clock.millis() - event.getTimeCreated().toInstant().toEpochMilli();
        return Math.max(0, deferAfter.toMillis() - Math.max(0, age));
    }

    private void schedule(IReplyCallback event, Supplier<List<MessageCreateData>> work) {
        AtomicInteger state = new AtomicInteger(PENDING);
        Runnable defer = () -> {
            if (state.compareAndSet(PENDING, DEFERRED)) {
                event.deferReply().queue(null, e -> LOG.warn("deferring interaction {} failed: {}", event.getId(), e.toString()));
            }
        };
        // on the timer thread even when it is due at once: JDA's gateway thread, which calls us, is what falls
        // behind under a flood of interactions, so it must not also send the deferrals
        ScheduledFuture<?> deferral = timer.schedule(defer, deferInMillis(event), TimeUnit.MILLISECONDS);
        CompletableFuture.supplyAsync(work, workers).handle((messages, error) -> {
            deferral.cancel(false);
            boolean direct = state.compareAndSet(PENDING, REPLIED);
            if (error != null) {
                events.platformError(Interactions.PLATFORM, "answer");
                LOG.error("answering interaction {} failed", event.getId(), error);
                return apologise(event, direct);
            }
            return deliver(event, messages, direct);
        }).thenCompose(f -> f).whenComplete((x, e) -> {
            if (e != null) {
                events.platformError(Interactions.PLATFORM, "send");
                LOG.warn("sending the reply to interaction {} failed: {}", event.getId(), e.toString());
            }
            inFlight.end();
        });
    }

    private CompletableFuture<?> deliver(IReplyCallback event, List<MessageCreateData> messages, boolean direct) {
        if (direct) {
            return event.reply(messages.get(0)).submit().thenCompose(x -> followUps(event, messages));
        }
        return event.getHook().editOriginal(MessageEditData.fromCreateData(messages.get(0))).submit()
                .handle((x, e) -> e == null ? followUps(event, messages) : editFailed(event, e))
                .thenCompose(f -> f);
    }

    /** The messages after the first one (long answers), in order. */
    private static CompletableFuture<?> followUps(IReplyCallback event, List<MessageCreateData> messages) {
        CompletableFuture<?> sent = CompletableFuture.completedFuture(null);
        for (MessageCreateData more : messages.subList(1, messages.size())) {
            sent = sent.thenCompose(x -> event.getHook().sendMessage(more).submit());
        }
        return sent;
    }

    /** The edit failed even after the HTTP client's retry: the user gets the apology instead of "thinking…". */
    private CompletableFuture<?> editFailed(IReplyCallback event, Throwable error) {
        events.platformError(Interactions.PLATFORM, "send");
        LOG.warn("editing the deferred reply to interaction {} failed: {}; sending the apology instead", event.getId(),
                error.toString());
        return apologise(event, false);
    }

    /** An ephemeral "something went wrong": the first response, or in place of the public deferred reply. */
    private CompletableFuture<?> apologise(IReplyCallback event, boolean direct) {
        Language ui = Interactions.userLanguage(event.getUserLocale());
        MessageCreateData notice = formatter.notice(ui, "error.generic");
        if (direct) {
            return event.reply(notice).setEphemeral(true).submit();
        }
        // a deferred reply is public; swap it for an ephemeral follow-up (sent even if the delete fails)
        return event.getHook().deleteOriginal().submit()
                .handle((x, e) -> {
                    if (e != null) {
                        LOG.warn("deleting the placeholder of interaction {} failed: {}", event.getId(), e.toString());
                    }
                    return null;
                })
                .thenCompose(x -> event.getHook().sendMessage(notice).setEphemeral(true).submit());
    }
}
