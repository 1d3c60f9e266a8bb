package io.reportbot.telegram;

import io.reportbot.adapter.RateGate;
import io.reportbot.ops.BotEvents;
import io.reportbot.state.DeliveryLedger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * The way from a received update to its answer, for long polling and the webhook alike: each update is taken on once
 * ({@link UpdateOffsets} over the {@link UpdateLedger}, and with replicas the shared {@link DeliveryLedger}), routed,
 * checked against the allow-list and the rate limits ({@link Admission}), then answered by the {@link ChatWorkers} (in
 * order per chat, chats in parallel); when the answer is over, the ledgers learn it. A failing or unreadable update is
 * logged (without the token), counted and skipped. Update ids that start again lower are noticed, logged and followed.
 *
 * <p>Thread-safe: the poll thread (or the webhook's threads) receive while worker threads answer.
 */
final class UpdateDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final TelegramSettings settings;
    private final BotEvents events;
    private final Redactor redactor;
    private final ChatWorkers workers;
    private final Admission admission;
    /** The shared ledger of answered updates (Redis, for replicas); null: only this process's own check. */
    private final DeliveryLedger sharedLedger;
    private final UpdateRouter router;
    private final UpdateHandler handler;
    private final UpdateOffsets offsets;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Webhook updates being waited for: completed when answered, or false when held by another replica. */
    private final Map<Integer, CompletableFuture<Boolean>> awaited = new ConcurrentHashMap<>();
    private volatile boolean accepting = true;
    /** Set when the shutdown grace has ended: an answer cut short now stays unfinished, so it is not confirmed. */
    private volatile boolean abandoning;

    UpdateDispatcher(TelegramSettings settings, BotEvents events, Redactor redactor, ChatWorkers workers,
                     Admission admission, DeliveryLedger sharedLedger, UpdateRouter router, UpdateHandler handler,
                     UpdateOffsets offsets) {
        this.settings = settings;
        this.events = events;
        this.redactor = redactor;
        this.workers = workers;
        this.admission = admission;
        this.sharedLedger = sharedLedger;
        this.router = router;
        this.handler = handler;
        this.offsets = offsets;
    }

    /** The bookkeeping of update ids (for the poller's offsets). */
    UpdateOffsets offsets() {
        return offsets;
    }

    /** True until {@link #stopAccepting()}. */
    boolean accepting() {
        return accepting;
    }

    /** Takes no new updates from now on; those received are still answered. */
    void stopAccepting() {
        accepting = false;
    }

    /** The shutdown grace has ended: answers cut short from now on stay unconfirmed, for Telegram to send again. */
    void abandon() {
        abandoning = true;
    }

    /** Answers accepted but not finished yet. */
    int inFlight() {
        return inFlight.get();
    }

    /**
     * One getUpdates answer: confirms to the ledger what its offset confirmed to Telegram, counts and skips the updates
     * that could not be read, notices update ids that started again lower, and receives the rest.
     */
    void polled(PollRequest.Polled batch) {
        offsets.confirmed(batch.offset());
        skipMalformed(batch);
        int asked = Math.max(batch.offset(), offsets.confirmedOffset());
        OptionalInt lower = offsets.restartedLower(batch.offset(), batch.updates());
        if (lower.isPresent()) {
            LOG.warn("Telegram's update ids started again lower (update {} after offset {}); following the new ids",
                    lower.getAsInt(), asked);
            events.platformError(UpdateHandler.PLATFORM, "update_ids_restarted");
        }
        receive(batch.updates());
    }

    /**
     * Webhook mode: one delivery; true once every update in it is answered (or dropped on purpose), false when it
     * should be delivered again. An update that cannot be read is counted and acknowledged, never redelivered.
     */
    boolean webhookReceived(PollRequest.Polled batch) {
        skipMalformed(batch);
        boolean acknowledge = true;
        for (Update update : batch.updates()) {
            acknowledge &= receiveAndAwait(update);
        }
        return acknowledge;
    }

    private void skipMalformed(PollRequest.Polled batch) {
        for (int id : batch.malformedIds()) {
            events.platformError(UpdateHandler.PLATFORM, "malformed_update");
            LOG.warn("update {} could not be read (a field missing or of the wrong type) and is skipped", id);
            offsets.skip(id);
        }
        for (int i = 0; i < batch.malformedWithoutId(); i++) {
            events.platformError(UpdateHandler.PLATFORM, "malformed_update");
            LOG.warn("an update without update_id was skipped");
        }
    }

    /**
     * Webhook mode: takes one update and returns once it is answered (or dropped on purpose), so that the endpoint
     * acknowledges it only then; false when it should be delivered again (stopping, held by another replica, or not
     * answered within the shutdown grace).
     */
    boolean receiveAndAwait(Update update) {
        Integer id = update.getUpdateId();
        if (!accepting) {
            return false;
        }
        if (id == null) {
            receive(List.of(update));
            return true;
        }
        // a second delivery of an update in flight here waits for the same answer
        CompletableFuture<Boolean> done = awaited.computeIfAbsent(id, k -> new CompletableFuture<>());
        try {
            receive(List.of(update));
            if (done.isDone() || !offsets.isUnfinished(id)) {
                return done.getNow(true);
            }
            return done.get(settings.shutdownGrace().toMillis() + 60_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            awaited.remove(id, done);
        }
    }

    /** Takes a batch of updates: drops repeats, routes, applies the rate limit, hands the rest to the workers. */
    void receive(List<Update> updates) {
        for (Update update : updates) {
            try {
                receiveOne(update);
            } catch (RuntimeException e) {
                events.platformError(UpdateHandler.PLATFORM, "route");
                LOG.warn("update {} could not be routed and is skipped: {}", update.getUpdateId(),
                        redactor.describe(e), redactor.sanitize(e));
            }
        }
    }

    private void receiveOne(Update update) {
        if (!accepting) {
            LOG.debug("stopping: update {} left for the next start", update.getUpdateId());
            return;
        }
        if (update.getUpdateId() == null) {
            events.platformError(UpdateHandler.PLATFORM, "malformed_update");
            LOG.warn("an update without update_id was skipped");
            return;
        }
        int id = update.getUpdateId();
        boolean first = sharedLedger == null ? offsets.take(id)
                : SharedLedgerCheck.claim(sharedLedger, id, awaited, offsets::take);
        if (!first) {
            LOG.debug("update {} seen before, skipped", id);
            return;
        }
        Route route = router.route(update);
        if (route instanceof Route.Ignore ignore) {
            LOG.debug("update {} ignored: {}", id, ignore.why());
            return;
        }
        if (!settings.allowedChats().isEmpty()
                && route.chat().map(c -> !settings.allowedChats().contains(c.chatId())).orElse(true)) {
            events.notAllowed(UpdateHandler.PLATFORM);
            LOG.debug("update {} ignored: chat not on telegram.allowedChats", id);
            return;
        }
        RateGate.Verdict verdict = admission.admit(route, userId(update));
        if (verdict == RateGate.Verdict.DROP) {
            LOG.debug("update {} dropped by a rate limit (the chat was told to slow down)", id);
            return;
        }
        String key = route.chat().map(c -> Long.toString(c.chatId())).or(route::rateKey)
                .orElse(Integer.toString(id));
        inFlight.incrementAndGet();
        offsets.started(id);
        if (!workers.submit(key, () -> answer(id, route, verdict))) {
            inFlight.decrementAndGet();
            offsets.dropped(id);
            LOG.warn("update {} dropped: the workers are full or stopping", id);
        }
    }

    private void answer(int updateId, Route route, RateGate.Verdict verdict) {
        boolean finished = false;
        try {
            if (verdict == RateGate.Verdict.SLOW_DOWN) {
                handler.slowDown(route);
            } else {
                handler.handle(route);
            }
            finished = true;
        } catch (Exception e) {
            if (abandoning) { // cut short by the shutdown: left for Telegram to deliver again
                LOG.info("update {} not answered before the shutdown; Telegram will deliver it again", updateId);
            } else { // it failed on its own and would fail again: skipped
                events.platformError(UpdateHandler.PLATFORM, "answer");
                LOG.warn("update {} failed and is skipped: {}", updateId, redactor.describe(e));
                LOG.debug("update {} failure detail", updateId, redactor.sanitize(e));
            }
        } finally {
            SharedLedgerCheck.settle(sharedLedger, updateId, finished || !abandoning);
            inFlight.decrementAndGet();
            // only an answer cut short by the shutdown stays unconfirmed; one that failed on its own would fail again
            boolean acknowledge = finished || !abandoning;
            offsets.finished(updateId, acknowledge);
            Optional.ofNullable(awaited.get(updateId)).ifPresent(f -> f.complete(acknowledge));
        }
    }

    /** The id of the user who sent an update, when it has one. */
    private static Optional<Long> userId(Update update) {
        User from = null;
        if (update.getMessage() != null) {
            from = update.getMessage().getFrom();
        } else if (update.getCallbackQuery() != null) {
            from = update.getCallbackQuery().getFrom();
        } else if (update.getInlineQuery() != null) {
            from = update.getInlineQuery().getFrom();
        }
        return from == null || from.getId() == null ? Optional.empty() : Optional.of(from.getId());
    }
}
