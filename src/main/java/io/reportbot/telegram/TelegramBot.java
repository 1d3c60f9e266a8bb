package io.reportbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.Language;
import io.reportbot.engine.Engine;
import io.reportbot.ops.BotEvents;
import io.reportbot.state.ChoiceStore;
import io.reportbot.state.RateLimits;
import io.reportbot.state.SharedState;
import io.reportbot.telegram.UpdateRouter.BotIdentity;
import io.reportbot.text.TextBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * reportbot on Telegram: long polling (or a webhook endpoint), one answer per update, in order per chat.
 *
 * <p>This class assembles the parts and runs their life cycle. {@link #start()} checks the token with getMe,
 * registers the commands in German and English and starts receiving ({@link LongPolling}, or the
 * {@link WebhookServer}); every update goes to the {@link UpdateDispatcher} (the update ledger, the routing, the rate
 * limits) and is answered by the {@link ChatWorkers}. {@link #stop()} stops receiving, finishes the answers in flight
 * and releases everything.
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
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "channel_post",
            "edited_channel_post", "callback_query", "inline_query");

    private final Engine engine;
    private final TelegramSettings settings;
    private final BotEvents events;
    private final SharedState shared;
    private final Redactor redactor;
    private final TextBundle texts = TelegramFormatter.texts();
    private final TelegramUrl telegramUrl;
    private final OkHttpClient sendHttp;
    private final OkHttpTelegramClient client;
    private final ChatWorkers workers;

    private volatile BotIdentity me;
    private volatile UpdateDispatcher dispatcher;
    private LongPolling polling;
    private WebhookServer webhookServer;
    private boolean stopped;

    private TelegramBot(Engine engine, TelegramSettings settings, BotEvents events, SharedState shared) {
        this.engine = engine;
        this.settings = settings;
        this.events = events;
        this.shared = shared;
        this.redactor = new Redactor(settings.token());
        this.telegramUrl = new TelegramUrl(settings.apiUrl().getScheme().toLowerCase(Locale.ROOT),
                settings.apiUrl().getHost(), settings.apiPort(), false);
        this.workers = new ChatWorkers(settings.workers(), 10_000 * settings.workers(), "telegram-worker");
        this.sendHttp = HttpClients.forSending(settings, events, workers);
        this.client = new OkHttpTelegramClient(new ObjectMapper(), sendHttp, TokenInterceptor.PLACEHOLDER, telegramUrl);
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
     * already, so that an update delivered to two replicas is answered once; {@code /lang} choices and the rate limits
     * hold on every replica. Null: this process keeps its own.
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
        UpdateDispatcher d = dispatcher;
        LongPolling p = polling;
        return d != null && d.accepting() && (p == null || !p.failing() && p.alive());
    }

    /**
     * Connects: getMe, setMyCommands (de, en and the default), then long polling or the webhook endpoint.
     *
     * @throws TelegramConfigException when Telegram rejects the token
     * @throws TelegramStartException  when Telegram cannot be reached or refuses to start
     */
    public synchronized void start() {
        if (dispatcher != null) {
            throw new IllegalStateException("already started");
        }
        me = identify();
        ChoiceStore choices = shared == null ? ChoiceStore.inProcess() : shared.choices();
        RateLimits limits = shared == null ? RateLimits.inProcess() : shared.rateLimits();
        UpdateLedger ledger = settings.webhook().isEmpty() && settings.ledgerFile().isPresent()
                ? UpdateLedger.open(settings.ledgerFile().get()) : UpdateLedger.inMemory();
        dispatcher = new UpdateDispatcher(settings, events, redactor, workers, new Admission(settings, limits, events),
                shared == null ? null : shared.ledger(), new UpdateRouter(me),
                new UpdateHandler(engine, client, texts, me, choices), new UpdateOffsets(ledger));
        registerCommands();
        if (settings.webhook().isPresent()) {
            startWebhook(settings.webhook().get());
        } else {
            polling = new LongPolling(settings, events, redactor, telegramUrl, client, dispatcher);
            polling.start();
        }
        LOG.info("Telegram bot @{} is running ({})", me.username(),
                settings.webhook().isPresent() ? "webhook" : "long polling");
    }

    private BotIdentity identify() {
        try {
            User user = client.execute(new GetMe());
            String username = user.getUserName() == null ? "" : user.getUserName();
            return new BotIdentity(user.getId(), username);
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

    private void startWebhook(TelegramSettings.WebhookSettings hook) {
        webhookServer = new WebhookServer(hook, dispatcher::webhookReceived);
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

    /** The bot's username (without "@") as Telegram reported it at start-up. */
    public String username() {
        BotIdentity identity = me;
        if (identity == null) {
            throw new IllegalStateException("not started");
        }
        return identity.username();
    }

    /** The port the webhook endpoint listens on (for tests and logs); -1 when polling. */
    public int webhookPort() {
        return webhookServer == null ? -1 : webhookServer.port();
    }

    /** The long-polling session, or null (for tests: a health check that sees polling end). */
    BotSession pollSession() {
        LongPolling p = polling;
        return p == null ? null : p.session();
    }

    /** Answers accepted but not finished yet (for tests and the shutdown log). */
    int inFlight() {
        UpdateDispatcher d = dispatcher;
        return d == null ? 0 : d.inFlight();
    }

    /**
     * Stops receiving, waits for the answers in flight (up to the shutdown grace), tells Telegram which updates
     * were handled and releases threads and connections. Safe to call more than once.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        UpdateDispatcher d = dispatcher;
        if (d == null) { // never started, or start() failed before receiving anything
            workers.shutdown();
            HttpClients.release(sendHttp);
            return;
        }
        d.stopAccepting();
        LOG.info("stopping the Telegram bot: finishing {} answer(s) in flight", d.inFlight());
        if (polling != null) {
            polling.stopReceiving();
        }
        if (webhookServer != null) {
            webhookServer.stop();
        }
        finishAnswersInFlight(d);
        if (polling != null) {
            polling.close();
        }
        d.offsets().close();
        HttpClients.release(sendHttp);
        LOG.info("Telegram bot stopped");
    }

    /** Waits for the workers up to the shutdown grace; answers still running then are abandoned (and interrupted). */
    private void finishAnswersInFlight(UpdateDispatcher d) {
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        workers.stopAccepting();
        boolean abandoning = false;
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
            d.abandon();
            workers.shutdownNow();
        } else {
            workers.shutdown();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
