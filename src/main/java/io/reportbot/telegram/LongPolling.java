package io.reportbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.ops.BotEvents;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Receiving by long polling: telegrambots' long-polling session on a thread of its own, with reportbot's offsets
 * ({@link UpdateOffsets}), back-off ({@link PollBackOff}) and abortable HTTP client, handing each getUpdates answer to
 * the {@link UpdateDispatcher}. Health: {@link #alive()} turns false for good when the polling task ends other than by
 * {@link #stopReceiving()}, and {@link #failing()} while the last poll failed.
 *
 * <p>Start once, stop once. Thread-safe.
 */
final class LongPolling {
    private static final Logger LOG = LoggerFactory.getLogger(LongPolling.class);
    static final long HOLDING_PAUSE_MILLIS = 100;

    private final TelegramSettings settings;
    private final BotEvents events;
    private final Redactor redactor;
    private final TelegramUrl telegramUrl;
    private final OkHttpTelegramClient client;
    private final UpdateDispatcher dispatcher;
    private final HttpClients.PollAbort abort = new HttpClients.PollAbort();
    private final PollBackOff backOff;
    private OkHttpClient http;
    private ScheduledThreadPoolExecutor executor;
    private TelegramBotsLongPollingApplication polling;
    private volatile BotSession session;
    /** Set when the polling task ended other than by {@link #stopReceiving()}: health is then false for good. */
    private volatile boolean died;

    LongPolling(TelegramSettings settings, BotEvents events, Redactor redactor, TelegramUrl telegramUrl,
                OkHttpTelegramClient client, UpdateDispatcher dispatcher) {
        this.settings = settings;
        this.events = events;
        this.redactor = redactor;
        this.telegramUrl = telegramUrl;
        this.client = client;
        this.dispatcher = dispatcher;
        this.backOff = new PollBackOff(settings.retry());
    }

    /**
     * Starts polling.
     *
     * @throws TelegramStartException when telegrambots refuses to start
     */
    void start() {
        http = HttpClients.forPolling(settings, abort, events);
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "telegram-poll");
            t.setDaemon(true);
            return t;
        }) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                super.afterExecute(task, thrown);
                if (task instanceof Future<?> f && f.isDone() && !f.isCancelled() && dispatcher.accepting()) {
                    died = true;
                    events.platformError(UpdateHandler.PLATFORM, "polling");
                    LOG.error("long polling has stopped unexpectedly; no updates are received and /healthz reports"
                            + " telegram down: restart reportbot");
                }
            }
        };
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> executor, () -> backOff);
        // telegrambots only sees empty lists: PollRequest hands each batch to the dispatcher itself
        LongPollingUpdateConsumer consumer = dispatcher::receive;
        try {
            session = polling.registerBot(TokenInterceptor.PLACEHOLDER, () -> telegramUrl, last -> nextPoll(), consumer);
        } catch (TelegramApiException e) {
            throw new TelegramStartException("cannot start long polling: " + redactor.describe(e));
        }
    }

    /**
     * The next getUpdates. Its offset confirms every update below it to Telegram, so it never passes an update that is
     * not answered yet: were the bot stopped before answering it, Telegram would not deliver it again. While an answer
     * is pending the poll is short and comes after a pause (Telegram returns the pending updates again at once; they
     * are dropped as repeats), so that polling does not spin; at most 100 updates past the oldest pending one are
     * fetched until it is answered. After a failed poll the next one is short too, so that the bot knows at once when
     * Telegram answers again. The offset follows reportbot's own count of update ids (telegrambots' count never
     * moves: see {@link PollRequest}).
     */
    private GetUpdates nextPoll() {
        UpdateOffsets offsets = dispatcher.offsets();
        if (offsets.holding() && !abort.stopping()) {
            try {
                Thread.sleep(HOLDING_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int timeout = offsets.holding() || backOff.failing() ? 0 : settings.pollTimeoutSeconds();
        return new PollRequest(offsets.nextOffset(), 100, timeout, TelegramBot.ALLOWED_UPDATES, dispatcher::polled);
    }

    /** True while the last getUpdates failed. */
    boolean failing() {
        return backOff.failing();
    }

    /** False once the polling task has ended without {@link #stopReceiving()}. */
    boolean alive() {
        BotSession s = session;
        Future<?> task = s == null ? null : s.getRunningPolling();
        return !died && task != null && !task.isDone();
    }

    /** The long-polling session, or null (for tests: a health check that sees polling end). */
    BotSession session() {
        return session;
    }

    /** Stops polling now: no further getUpdates, and the long poll in progress is cut off instead of waiting it out. */
    void stopReceiving() {
        backOff.stopping();
        try {
            polling.stop();
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("stopping long polling: {}", redactor.describe(e));
        }
        abort.abort();
    }

    /** After the answers in flight: tells Telegram which updates were handled, then releases threads and connections. */
    void close() {
        confirmHandledUpdates();
        try {
            polling.close();
        } catch (Exception e) {
            LOG.debug("closing long polling: {}", redactor.describe(e));
        }
        executor.shutdownNow();
        HttpClients.release(http);
    }

    /**
     * getUpdates with the next offset, so that a restart does not see the handled updates again; the offset stops at
     * the oldest update left unanswered, so that Telegram delivers that one and those after it again.
     */
    private void confirmHandledUpdates() {
        UpdateOffsets offsets = dispatcher.offsets();
        if (!offsets.receivedAny()) {
            return;
        }
        int offset = offsets.nextOffset();
        if (offsets.holding()) {
            LOG.info("{} update(s) left unanswered; Telegram will deliver them again from update {}",
                    offsets.unfinishedCount(), offset);
        }
        try {
            client.execute(GetUpdates.builder().offset(offset).limit(1).timeout(0).build());
            offsets.confirmed(offset);
        } catch (TelegramApiException | RuntimeException e) {
            LOG.info("could not confirm the last updates; Telegram may send some again after a restart: {}",
                    redactor.describe(e));
        }
    }
}
