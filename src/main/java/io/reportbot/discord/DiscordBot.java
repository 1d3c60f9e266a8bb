package io.reportbot.discord;

import io.reportbot.adapter.RateGate;
import io.reportbot.engine.Engine;
import io.reportbot.state.RateLimits;
import io.reportbot.state.SharedState;
import io.reportbot.text.TextBundle;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import io.reportbot.ops.BotEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * reportbot on Discord: starts JDA's {@link ShardManager} with reportbot's listeners, and stops it cleanly.
 *
 * <pre>{@code
 * DiscordBot bot = DiscordBot.start(DiscordSettings.load(System.getenv(), Optional.empty()), engine);
 * Runtime.getRuntime().addShutdownHook(new Thread(bot::stop));
 * bot.awaitStopped();
 * }</pre>
 *
 * <p>Sharding: {@code discord.shards.total} shards in all (Discord's recommendation by default), and
 * {@code discord.shards.range} the ones this process runs, so several processes can share a large bot.
 * Only the process with shard 0 registers global commands.
 *
 * <p>Gateway intents: only {@code GUILDS} (which JDA always enables; it is what makes guilds "ready" for
 * per-guild registration), since slash commands, autocomplete and buttons arrive as interactions
 * without any intent. Answering mentions adds the message intents, including the privileged
 * {@code MESSAGE_CONTENT}.
 *
 * <p>Thread-safe; {@link #stop()} may be called from any thread, more than once.
 */
public final class DiscordBot {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    private final ShardManager shards;
    private final GatewayGuard guard;
    private final GatewayBackOff backOff;
    private final InFlight inFlight;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Duration shutdownTimeout;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private DiscordBot(ShardManager shards, GatewayGuard guard, GatewayBackOff backOff, InFlight inFlight,
                       ExecutorService workers, ScheduledExecutorService timer, Duration shutdownTimeout) {
        this.shards = shards;
        this.guard = guard;
        this.backOff = backOff;
        this.inFlight = inFlight;
        this.workers = workers;
        this.timer = timer;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * Logs in and starts the shards (they connect in the background).
     *
     * @throws ConfigException when Discord rejects the token
     * @throws DiscordUnreachableException when Discord's REST API (or the configured stand-in) cannot be reached
     */
    public static DiscordBot start(DiscordSettings config, Engine engine) {
        return start(config, engine, BotEvents.NONE);
    }

    /**
     * As {@link #start(DiscordSettings, Engine)}, reporting errors, reconnects and rate-limited messages to
     * {@code events}.
     */
    public static DiscordBot start(DiscordSettings config, Engine engine, BotEvents events) {
        return start(config, engine, events, null);
    }

    /**
     * As {@link #start(DiscordSettings, Engine, BotEvents)}, with the state shared by the processes of one bot (Redis): the
     * ledger, so that an interaction is answered once even if two processes receive it, and the rate limits, so that
     * every process counts against one allowance per user and channel. Null when the process runs alone.
     */
    public static DiscordBot start(DiscordSettings config, Engine engine, BotEvents events, SharedState shared) {
        TextBundle messages = DiscordFormatter.messages();
        InFlight inFlight = new InFlight();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                threads("reportbot-discord-worker"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(threads("reportbot-discord-timer"));
        RateGate gate = rateGate(config, shared == null ? RateLimits.inProcess() : shared.rateLimits(), events);
        BotListener listener = new BotListener(engine, messages, gate, config::allowed, events, inFlight, workers, timer,
                config.deferAfter(), InteractionLedger.shared(shared == null ? null : shared.ledger()));
        CommandRegistrar registrar = new CommandRegistrar(listener.catalog().commands(), config.guildIds());
        GatewayGuard guard = new GatewayGuard();
        GatewayBackOff backOff = GatewayBackOff.standard();

        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(config.token(), intents(config))
                .setRestConfig(new RestConfig().setBaseUrl(config.apiUrl()))
                .setHttpClientBuilder(httpClient())
                .setShardsTotal(config.shardsTotal())
                .setEnableShutdownHook(false)
                .addEventListeners(registrar, listener, guard, backOff);
        config.gatewayUrl().ifPresent(url -> builder.setSessionController(new GatewaySessionController(url)));
        config.shardRange().ifPresent(r -> builder.setShards(r.first(), r.last()));
        if (config.answerMentions()) {
            builder.addEventListeners(new MentionListener(engine, new DiscordFormatter(messages), gate, config::allowed,
                    events, inFlight, workers, DiscordFormatter.topicIds(engine)::contains));
            LOG.info("answering mentions: the bot needs the Message Content intent (enable it on the Bot page)");
        }
        try {
            ShardManager shards = builder.build();
            LOG.info("Discord bot starting: {}", config);
            return new DiscordBot(shards, guard, backOff, inFlight, workers, timer, config.shutdownTimeout());
        } catch (InvalidTokenException e) {
            workers.shutdownNow();
            timer.shutdownNow();
            throw new ConfigException("Discord rejected the bot token (401 Unauthorized): check DISCORD_BOT_TOKEN or "
                    + "discord.token; reset the token on the Bot page if it leaked");
        } catch (RuntimeException e) {
            workers.shutdownNow();
            timer.shutdownNow();
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof java.io.IOException) {
                throw new DiscordUnreachableException("cannot reach Discord at " + config.apiUrl() + " ("
                        + root.getClass().getSimpleName() + ": " + root.getMessage() + ")", e);
            }
            throw e;
        }
    }

    /** The per-user and per-channel rate limits of the configuration, counted in {@code limits}. */
    static RateGate rateGate(DiscordSettings config, RateLimits limits, BotEvents events) {
        return new RateGate(Interactions.PLATFORM, limits, events,
                RateGate.Allowance.user(config.userRateLimit()), RateGate.Allowance.chat(config.chatRateLimit()));
    }

    /**
     * JDA's HTTP client settings (25 requests per host, 5 idle connections for 10 s) plus {@link InteractionRetry}
     * for the interaction requests JDA does not retry.
     */
    static OkHttpClient.Builder httpClient() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(25);
        return new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
                .addInterceptor(InteractionRetry.standard());
    }

    static EnumSet<GatewayIntent> intents(DiscordSettings config) {
        EnumSet<GatewayIntent> intents = EnumSet.noneOf(GatewayIntent.class);
        if (config.answerMentions()) {
            intents.addAll(List.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT));
        }
        return intents;
    }

    /** Waits until every shard of this process is connected; false when the timeout passed first. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<JDA> all = shards.getShards();
            if (!all.isEmpty() && shards.getShardsQueued() == 0
                    && all.stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** True while every shard of this process is connected to the gateway. For the health endpoint. */
    public boolean connected() {
        if (stopping.get()) {
            return false;
        }
        List<JDA> all = shards.getShards();
        return !all.isEmpty() && shards.getShardsQueued() == 0
                && all.stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED);
    }

    /**
     * Completes, with a message for the operator, when Discord closes a gateway connection for good while the bot
     * runs (e.g. 4004: the token was reset). JDA does not reconnect then; the caller should {@link #stop()} and
     * end with a non-zero exit code.
     */
    public java.util.concurrent.CompletionStage<String> fatalClose() {
        return guard.fatal();
    }

    /** The JDA shard manager, for status and tests. */
    ShardManager shardManager() {
        return shards;
    }

    /**
     * Stops cleanly: takes no new interactions, lets replies in flight finish (up to
     * {@code discord.shutdownTimeoutSeconds}), then closes the gateway connections and JDA's REST queue.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStoppedQuietly();
            return;
        }
        try {
            inFlight.close();
            if (!inFlight.awaitIdle(shutdownTimeout)) {
                LOG.warn("shutdown: {} replies still in flight after {}; stopping anyway", inFlight.count(), shutdownTimeout);
            }
            List<JDA> all = List.copyOf(shards.getShards());
            backOff.close();
            shards.shutdown();
            for (JDA jda : all) {
                if (!jda.awaitShutdown(shutdownTimeout)) {
                    jda.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shards.getShards().forEach(JDA::shutdownNow);
        } finally {
            workers.shutdownNow();
            timer.shutdownNow();
            LOG.info("Discord bot stopped");
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void awaitStoppedQuietly() {
        try {
            stopped.await(shutdownTimeout.toMillis() * 3 + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
