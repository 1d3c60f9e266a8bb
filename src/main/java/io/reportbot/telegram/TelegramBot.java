package io.reportbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.adapter.RateGate;
import io.reportbot.engine.Engine;
import io.reportbot.core.Language;
import io.reportbot.telegram.UpdateRouter.BotIdentity;
import io.reportbot.text.TextBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import io.reportbot.ops.BotEvents;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import io.reportbot.state.ChoiceStore;
import io.reportbot.state.DeliveryLedger;
import io.reportbot.state.RateLimits;
import io.reportbot.state.SharedState;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * reportbot on Telegram: long polling (or a webhook endpoint), one answer per update, in order per chat.
 *
 * <p>{@link #start()} checks the token with getMe, registers the commands in German and English and starts
 * receiving; {@link #stop()} stops receiving, finishes the answers in flight and releases everything. Each update
 * is de-duplicated by {@code update_id} in the {@link UpdateLedger} (with a file, also across a crash and restart)
 * and counted against its rate limits ({@link Admission}) on the receiving thread, then answered by the
 * {@link ChatWorkers} (in order per chat, chats in parallel). A failing or unreadable update is logged (without the
 * token), counted and skipped. Update ids that start again lower (Telegram does this after a long quiet spell) are
 * noticed, logged and followed.
 *
 * <pre>{@code
 * TelegramBot bot = TelegramBot.create(engine, TelegramSettings.load(System.getenv(), Optional.empty(), false));
 * bot.start();
 * ...
 * bot.stop();
 * }</pre>
 *
 * <p>Thread-safe. Start once, stop once.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    static final long HOLDING_PAUSE_MILLIS = 100;
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "channel_post",
            "edited_channel_post", "callback_query", "inline_query");

    private final Engine engine;
    private final TelegramSettings settings;
    private final Redactor redactor;
    private final TextBundle texts = TelegramFormatter.texts();
    private final TelegramUrl telegramUrl;
    private final OkHttpClient sendHttp;
    private final OkHttpTelegramClient client;
    private final Admission admission;
    private final BotEvents events;
    private final ChatWorkers workers;
    private volatile UpdateOffsets offsets = new UpdateOffsets(UpdateLedger.inMemory());
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Set when the shutdown grace has ended: an answer cut short now stays unfinished, so it is not confirmed. */
    private volatile boolean abandoning;

    private volatile boolean accepting;
    private volatile UpdateRouter router;
    private volatile UpdateHandler handler;
    private OkHttpClient pollHttp;
    private TelegramBotsLongPollingApplication polling;
    private ScheduledThreadPoolExecutor pollExecutor;
    private volatile BotSession pollSession;
    /** Set when the polling task ended other than by {@link #stop()}: health is then false for good. */
    private volatile boolean pollingDied;
    private volatile PollBackOff pollBackOff;
    private HttpClients.PollAbort pollAbort;
    private WebhookServer webhookServer;
    private boolean stopped;

    /** The shared ledger of answered updates (Redis, for replicas); null: only this process's own check. */
    private final DeliveryLedger sharedLedger;
    /** /lang choices: shared by the replicas, or this process's own. */
    private final ChoiceStore choices;

    private TelegramBot(Engine engine, TelegramSettings settings, BotEvents events, SharedState shared) {
        this.sharedLedger = shared == null ? null : shared.ledger();
        this.choices = shared == null ? ChoiceStore.inProcess() : shared.choices();
        this.engine = engine;
        this.settings = settings;
        this.events = events;
        this.redactor = new Redactor(settings.token());
        this.telegramUrl = new TelegramUrl(settings.apiUrl().getScheme().toLowerCase(Locale.ROOT),
                settings.apiUrl().getHost(), settings.apiPort(), false);
        this.workers = new ChatWorkers(settings.workers(), 10_000 * settings.workers(), "telegram-worker");
        this.sendHttp = HttpClients.forSending(settings, events, workers);
        this.client = new OkHttpTelegramClient(new ObjectMapper(), sendHttp, TokenInterceptor.PLACEHOLDER, telegramUrl);
        this.admission = new Admission(settings, shared == null ? RateLimits.inProcess() : shared.rateLimits(), events);
    }

    /** A bot that answers with this engine; nothing happens until {@link #start()}. */
    public static TelegramBot create(Engine engine, TelegramSettings settings) {
        return new TelegramBot(engine, settings, BotEvents.NONE, null);
    }

    /** A bot that answers with this engine and reports errors, retries and rate-limited messages to {@code events}. */
    public static TelegramBot create(Engine engine, TelegramSettings settings, BotEvents events) {
        return new TelegramBot(engine, settings, events, null);
    }

    /**
     * The same, with state shared by every replica (Redis): the ledger says whether an update was taken or answered
     * already, so that an update delivered to two replicas is answered once; {@code /lang} choices hold on every
     * replica. Null: this process keeps its own.
     */
    public static TelegramBot create(Engine engine, TelegramSettings settings, BotEvents events, SharedState shared) {
        return new TelegramBot(engine, settings, events, shared);
    }

    /**
     * True while the bot is running and its last contact with Telegram worked: in long-polling mode, the polling task
     * is alive and the last getUpdates succeeded (after a failure the next poll is a short one, so that this turns
     * true again as soon as Telegram answers). For the health endpoint.
     */
    public boolean connected() {
        PollBackOff backOff = pollBackOff;
        return router != null && accepting && (backOff == null || !backOff.failing()) && pollingAlive();
    }

    /** False once the long-polling task has ended without {@link #stop()}; true in webhook mode. */
    private boolean pollingAlive() {
        if (polling == null) {
            return true;
        }
        BotSession session = pollSession;
        Future<?> task = session == null ? null : session.getRunningPolling();
        return !pollingDied && task != null && !task.isDone();
    }

    /**
     * Connects: getMe, setMyCommands (de, en and the default), then long polling or the webhook endpoint.
     *
     * @throws TelegramConfigException when Telegram rejects the token
     * @throws TelegramStartException  when Telegram cannot be reached or refuses to start
     */
    public synchronized void start() {
        if (router != null) {
            throw new IllegalStateException("already started");
        }
        BotIdentity me = identify();
        router = new UpdateRouter(me);
        handler = new UpdateHandler(engine, client, texts, me, choices);
        if (settings.webhook().isEmpty() && settings.ledgerFile().isPresent()) {
            offsets = new UpdateOffsets(UpdateLedger.open(settings.ledgerFile().get()));
        }
        registerCommands();
        accepting = true;
        if (settings.webhook().isPresent()) {
            startWebhook(settings.webhook().get());
        } else {
            startPolling();
        }
        LOG.info("Telegram bot @{} is running ({})", me.username(),
                settings.webhook().isPresent() ? "webhook" : "long polling");
    }

    private BotIdentity identify() {
        try {
            User me = client.execute(new GetMe());
            String username = me.getUserName() == null ? "" : me.getUserName();
            return new BotIdentity(me.getId(), username);
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && (code == 401 || code == 404)) {
                throw new TelegramConfigException("Telegram rejected the bot token (HTTP " + code
                        + "): check TELEGRAM_BOT_TOKEN with @BotFather");
            }
            throw new TelegramStartException("getMe failed: " + redactor.describe(e));
        } catch (TelegramApiException e) {
            throw new TelegramStartException("cannot reach the Telegram Bot API at " + settings.apiUrl() + ": "
                    + redactor.describe(e));
        }
    }

    private void registerCommands() {
        for (String languageCode : new String[] {null, "en", "de"}) {
            Language l = languageCode == null ? Language.EN : Language.fromCode(languageCode).orElseThrow();
            List<BotCommand> commands = new ArrayList<>();
            for (String name : List.of("start", "help", "topics", "ask", "lang")) {
                commands.add(new BotCommand(name, texts.get(l, "command." + name)));
            }
            if (!engine.reports(l).isEmpty()) {
                commands.add(new BotCommand("report", texts.get(l, "command.report")));
            }
            try {
                client.execute(SetMyCommands.builder().commands(commands).languageCode(languageCode).build());
            } catch (TelegramApiException | RuntimeException e) {
                LOG.warn("setMyCommands ({}) failed, commands may show without descriptions: {}",
                        languageCode == null ? "default" : languageCode, redactor.describe(e));
            }
        }
    }

    private void startPolling() {
        pollAbort = new HttpClients.PollAbort();
        pollHttp = HttpClients.forPolling(settings, pollAbort, events);
        pollExecutor = new ScheduledThreadPoolExecutor(1, daemon("telegram-poll")) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                super.afterExecute(task, thrown);
                if (task instanceof Future<?> f && f.isDone() && !f.isCancelled() && accepting) {
                    pollingDied = true;
                    events.platformError("telegram", "polling");
                    LOG.error("long polling has stopped unexpectedly; no updates are received and /healthz reports"
                            + " telegram down: restart reportbot");
                }
            }
        };
        pollBackOff = new PollBackOff(settings.retry());
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollExecutor,
                () -> pollBackOff);
        // telegrambots only sees empty lists: PollRequest hands each batch to polled() itself
        LongPollingUpdateConsumer consumer = updates -> receive(updates);
        try {
            pollSession = polling.registerBot(TokenInterceptor.PLACEHOLDER, () -> telegramUrl,
                    last -> nextPoll(),
                    consumer);
        } catch (TelegramApiException e) {
            throw new TelegramStartException("cannot start long polling: " + redactor.describe(e));
        }
    }

    private void startWebhook(TelegramSettings.WebhookSettings hook) {
        webhookServer = new WebhookServer(hook, this::webhookReceived);
        webhookServer.start();
        if (hook.publicUrl().isPresent()) {
            try {
                client.execute(SetWebhook.builder().url(hook.publicUrl().get().toString())
                        .secretToken(hook.secretToken()).allowedUpdates(ALLOWED_UPDATES).build());
            } catch (TelegramApiException e) {
                throw new TelegramStartException("setWebhook failed: " + redactor.describe(e));
            }
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
        if (offsets.holding() && !pollAbort.stopping()) {
            try {
                Thread.sleep(HOLDING_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean holding = offsets.holding();
        PollBackOff backOff = pollBackOff;
        int timeout = holding || backOff != null && backOff.failing() ? 0 : settings.pollTimeoutSeconds();
        return new PollRequest(offsets.nextOffset(), 100, timeout, ALLOWED_UPDATES, this::polled);
    }

    /**
     * One getUpdates answer (or one webhook request): confirms to the ledger what its offset confirmed to Telegram,
     * counts and skips the updates that could not be read, notices update ids that started again lower, and receives
     * the rest.
     */
    void polled(PollRequest.Polled batch) {
        offsets.confirmed(batch.offset());
        skipMalformed(batch);
        int asked = Math.max(batch.offset(), offsets.confirmedOffset());
        OptionalInt lower = offsets.restartedLower(batch.offset(), batch.updates());
        if (lower.isPresent()) {
            LOG.warn("Telegram's update ids started again lower (update {} after offset {}); following the new ids",
                    lower.getAsInt(), asked);
            events.platformError("telegram", "update_ids_restarted");
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
            events.platformError("telegram", "malformed_update");
            LOG.warn("update {} could not be read (a field missing or of the wrong type) and is skipped", id);
            offsets.skip(id);
        }
        for (int i = 0; i < batch.malformedWithoutId(); i++) {
            events.platformError("telegram", "malformed_update");
            LOG.warn("an update without update_id was skipped");
        }
    }

    /** The bot's username (without "@") as Telegram reported it at start-up. */
    public String username() {
        UpdateRouter r = router;
        if (r == null) {
            throw new IllegalStateException("not started");
        }
        return r.bot().username();
    }

    /** The port the webhook endpoint listens on (for tests and logs); -1 when polling. */
    public int webhookPort() {
        return webhookServer == null ? -1 : webhookServer.port();
    }

    /** The long-polling session, or null (for tests: a health check that sees polling end). */
    BotSession pollSession() {
        return pollSession;
    }

    /** Answers accepted but not finished yet (for tests and the shutdown log). */
    int inFlight() {
        return inFlight.get();
    }

    /** Webhook updates being waited for: completed when answered, or false when held by another replica. */
    private final java.util.Map<Integer, java.util.concurrent.CompletableFuture<Boolean>> awaited =
            new java.util.concurrent.ConcurrentHashMap<>();

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
        java.util.concurrent.CompletableFuture<Boolean> done =
                awaited.computeIfAbsent(id, k -> new java.util.concurrent.CompletableFuture<>());
        try {
            receive(List.of(update));
            if (done.isDone() || !offsets.isUnfinished(id)) {
                return done.getNow(true);
            }
            return done.get(settings.shutdownGrace().toMillis() + 60_000, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
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
                events.platformError("telegram", "route");
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
            events.platformError("telegram", "malformed_update");
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
            events.notAllowed("telegram");
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
                events.platformError("telegram", "answer");
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

    /**
     * Stops receiving, waits for the answers in flight (up to the shutdown grace), tells Telegram which updates
     * were handled and releases threads and connections. Safe to call more than once.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        if (router == null) { // never started, or start() failed before receiving anything
            stopped = true;
            workers.shutdown();
            release(sendHttp);
            return;
        }
        stopped = true;
        accepting = false;
        LOG.info("stopping the Telegram bot: finishing {} answer(s) in flight", inFlight.get());
        if (polling != null) {
            pollBackOff.stopping();
            try {
                polling.stop();
            } catch (TelegramApiException | RuntimeException e) {
                LOG.debug("stopping long polling: {}", redactor.describe(e));
            }
            pollAbort.abort(); // ends the long poll now instead of after its timeout
        }
        if (webhookServer != null) {
            webhookServer.stop();
        }
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        workers.stopAccepting();
        try {
            if (!workers.awaitIdle(deadline)) {
                LOG.warn("answers still running after {} s; abandoning them", settings.shutdownGrace().toSeconds());
                abandoning = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoning = true;
        }
        if (abandoning) {
            workers.shutdownNow();
        } else {
            workers.shutdown();
        }
        if (polling != null) {
            confirmHandledUpdates();
            try {
                polling.close();
            } catch (Exception e) {
                LOG.debug("closing long polling: {}", redactor.describe(e));
            }
            pollExecutor.shutdownNow();
            release(pollHttp);
        }
        offsets.close();
        release(sendHttp);
        LOG.info("Telegram bot stopped");
    }

    /**
     * getUpdates with the next offset, so that a restart does not see the handled updates again; the offset stops at
     * the oldest update left unanswered, so that Telegram delivers that one and those after it again.
     */
    private void confirmHandledUpdates() {
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

    private static void release(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public void close() {
        stop();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
