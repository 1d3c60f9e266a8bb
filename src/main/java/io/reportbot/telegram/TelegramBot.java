package io.reportbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.engine.Engine;
import io.reportbot.core.Language;
import io.reportbot.telegram.UpdateRouter.BotIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.reportbot.ops.BotEvents;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
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
 * is de-duplicated by {@code update_id} and counted against its chat's rate limit on the receiving thread, then
 * answered on a worker thread chosen by chat. A failing update is logged (without the token) and skipped.
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
    private final Texts texts = new Texts();
    private final TelegramUrl telegramUrl;
    private final OkHttpClient sendHttp;
    private final OkHttpTelegramClient client;
    private final ChatGate gate;
    private final ChatGate userGate;
    private final BotEvents events;
    private final List<ThreadPoolExecutor> workers = new ArrayList<>();
    private final AtomicLong lastUpdateId = new AtomicLong(-1);
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Updates handed to a worker and not finished: no getUpdates offset may pass them (see {@link #nextPoll}). */
    private final ConcurrentSkipListSet<Integer> unfinished = new ConcurrentSkipListSet<>();
    /** Set when the shutdown grace has ended: an answer cut short now stays unfinished, so it is not confirmed. */
    private volatile boolean abandoning;

    private volatile boolean accepting;
    private volatile UpdateRouter router;
    private volatile UpdateHandler handler;
    private OkHttpClient pollHttp;
    private TelegramBotsLongPollingApplication polling;
    private ScheduledExecutorService pollExecutor;
    private volatile PollBackOff pollBackOff;
    private HttpClients.PollAbort pollAbort;
    private WebhookServer webhookServer;
    private boolean stopped;

    private TelegramBot(Engine engine, TelegramSettings settings, BotEvents events) {
        this.engine = engine;
        this.settings = settings;
        this.events = events;
        this.redactor = new Redactor(settings.token());
        this.telegramUrl = new TelegramUrl(settings.apiUrl().getScheme().toLowerCase(Locale.ROOT),
                settings.apiUrl().getHost(), settings.apiPort(), false);
        this.sendHttp = HttpClients.forSending(settings, events);
        this.client = new OkHttpTelegramClient(new ObjectMapper(), sendHttp, TokenInterceptor.PLACEHOLDER, telegramUrl);
        this.gate = new ChatGate(settings.questionsPerMinute(), Duration.ofMinutes(1));
        this.userGate = new ChatGate(settings.userQuestionsPerMinute(), Duration.ofMinutes(1));
    }

    /** A bot that answers with this engine; nothing happens until {@link #start()}. */
    public static TelegramBot create(Engine engine, TelegramSettings settings) {
        return new TelegramBot(engine, settings, BotEvents.NONE);
    }

    /** A bot that answers with this engine and reports errors, retries and rate-limited messages to {@code events}. */
    public static TelegramBot create(Engine engine, TelegramSettings settings, BotEvents events) {
        return new TelegramBot(engine, settings, events);
    }

    /**
     * True while the bot is running and its last contact with Telegram worked (the last getUpdates succeeded, in
     * long-polling mode). For the health endpoint.
     */
    public boolean connected() {
        PollBackOff backOff = pollBackOff;
        return router != null && accepting && (backOff == null || !backOff.failing());
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
        handler = new UpdateHandler(engine, client, texts, me);
        for (int i = 0; i < settings.workers(); i++) {
            workers.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
                    daemon("telegram-worker-" + i)));
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
        pollExecutor = Executors.newSingleThreadScheduledExecutor(daemon("telegram-poll"));
        pollBackOff = new PollBackOff(settings.retry());
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollExecutor,
                () -> pollBackOff);
        LongPollingUpdateConsumer consumer = this::receive;
        try {
            polling.registerBot(TokenInterceptor.PLACEHOLDER, () -> telegramUrl,
                    this::nextPoll,
                    consumer);
        } catch (TelegramApiException e) {
            throw new TelegramStartException("cannot start long polling: " + redactor.describe(e));
        }
    }

    private void startWebhook(TelegramSettings.WebhookSettings hook) {
        webhookServer = new WebhookServer(hook, this::receive);
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
     * The next getUpdates after the updates up to {@code last} were received. Its offset confirms every update below
     * it to Telegram, so it never passes an update that is not answered yet: were the bot stopped before answering
     * it, Telegram would not deliver it again. While an answer is pending the poll is short and comes after a pause
     * (Telegram returns the pending updates again at once; they are dropped as repeats), so that polling does not
     * spin; at most 100 updates past the oldest pending one are fetched until it is answered.
     */
    private GetUpdates nextPoll(int last) {
        if (confirmable(last + 1) <= last && !pollAbort.stopping()) {
            try {
                Thread.sleep(HOLDING_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int offset = confirmable(last + 1);
        return GetUpdates.builder().offset(offset).limit(100)
                .timeout(offset <= last ? 0 : settings.pollTimeoutSeconds())
                .allowedUpdates(ALLOWED_UPDATES).build();
    }

    /** {@code next}, or the oldest unfinished update when that is lower. */
    private int confirmable(int next) {
        Integer oldest = unfinished.ceiling(Integer.MIN_VALUE);
        return oldest == null ? next : Math.min(next, oldest);
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

    /** Answers accepted but not finished yet (for tests and the shutdown log). */
    int inFlight() {
        return inFlight.get();
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
        if (update.getUpdateId() == null || !gate.firstTime(update.getUpdateId())) {
            LOG.debug("update {} seen before, skipped", update.getUpdateId());
            return;
        }
        lastUpdateId.accumulateAndGet(update.getUpdateId(), Math::max);
        Route route = router.route(update);
        if (route instanceof Route.Ignore ignore) {
            LOG.debug("update {} ignored: {}", update.getUpdateId(), ignore.why());
            return;
        }
        if (!settings.allowedChats().isEmpty()
                && route.chat().map(c -> !settings.allowedChats().contains(c.chatId())).orElse(true)) {
            events.notAllowed("telegram");
            LOG.debug("update {} ignored: chat not on telegram.allowedChats", update.getUpdateId());
            return;
        }
        ChatGate.Verdict verdict = ChatGate.Verdict.ADMIT;
        String scope = "chat";
        if (route.rateKey().isPresent()) {
            Optional<Long> user = userId(update);
            if (user.isPresent()) {
                verdict = userGate.admit("user:" + user.get());
                scope = "user";
            }
            if (verdict == ChatGate.Verdict.ADMIT) {
                verdict = gate.admit(route.rateKey().get());
                scope = "chat";
            }
        }
        if (verdict != ChatGate.Verdict.ADMIT) {
            events.rateLimited("telegram", scope);
        }
        if (verdict == ChatGate.Verdict.DROP) {
            LOG.debug("update {} dropped by the {} rate limit", update.getUpdateId(), scope);
            return;
        }
        int id = update.getUpdateId();
        String key = route.chat().map(c -> Long.toString(c.chatId())).or(route::rateKey)
                .orElse(Integer.toString(id));
        ThreadPoolExecutor worker = workers.get(Math.floorMod(key.hashCode(), workers.size()));
        inFlight.incrementAndGet();
        ChatGate.Verdict decided = verdict;
        unfinished.add(id);
        try {
            worker.execute(() -> answer(id, route, decided));
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            unfinished.remove(id);
            LOG.warn("update {} dropped: the workers are full or stopping", id);
        }
    }

    private void answer(int updateId, Route route, ChatGate.Verdict verdict) {
        boolean finished = false;
        try {
            if (verdict == ChatGate.Verdict.SLOW_DOWN) {
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
            inFlight.decrementAndGet();
            if (finished || !abandoning) { // only an answer cut short by the shutdown stays unconfirmed
                unfinished.remove(updateId);
            }
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
        for (ThreadPoolExecutor w : workers) {
            w.shutdown();
        }
        for (ThreadPoolExecutor w : workers) {
            try {
                if (!w.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.warn("answers still running after {} s; abandoning them", settings.shutdownGrace().toSeconds());
                    abandoning = true;
                    w.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandoning = true;
                w.shutdownNow();
            }
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
        release(sendHttp);
        LOG.info("Telegram bot stopped");
    }

    /**
     * getUpdates with the next offset, so that a restart does not see the handled updates again; the offset stops at
     * the oldest update left unanswered, so that Telegram delivers that one and those after it again.
     */
    private void confirmHandledUpdates() {
        long last = lastUpdateId.get();
        if (last < 0) {
            return;
        }
        int offset = confirmable((int) last + 1);
        if (offset <= last) {
            LOG.info("{} update(s) left unanswered; Telegram will deliver them again from update {}", unfinished.size(),
                    offset);
        }
        try {
            client.execute(GetUpdates.builder().offset(offset).limit(1).timeout(0).build());
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
