package io.reportbot.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import io.reportbot.config.Config;
import io.reportbot.config.ConfigException;
import io.reportbot.state.RateLimits.Limit;

/**
 * Everything the Telegram adapter needs to run. Read with {@link #load}; tests build it with {@link #of} and the
 * {@code with…} methods.
 *
 * @param token              the bot token (its toString never shows it)
 * @param apiUrl             the Bot API server: scheme, host and port only (telegrambots cannot add a path)
 * @param pollTimeoutSeconds how long one getUpdates long poll may wait on the server
 * @param workers            threads that answer at once; one chat's updates are answered one after another, in order
 *                           (see {@link ChatWorkers})
 * @param chatRateLimit      the per-chat rate limit ({@code telegram.rateLimit.chat.*})
 * @param userRateLimit      the per-user rate limit, across all chats ({@code telegram.rateLimit.user.*})
 * @param inlineRateLimit    the per-user rate limit of inline queries (one comes per keystroke, so they have an
 *                           allowance of their own and do not use up the user's questions;
 *                           {@code telegram.rateLimit.inline.*})
 * @param allowedChats       the chats to answer in; empty means every chat. Updates from other chats, and inline
 *                           queries (which name no chat), are ignored silently when this is not empty
 * @param retry              retries of Bot API calls
 * @param shutdownGrace      how long a shutdown waits for answers in flight
 * @param webhook            webhook mode instead of long polling, when present
 * @param ledgerFile         the file that records answered updates, so that a restart after a crash answers each
 *                           update once (see {@link UpdateLedger}); empty: in memory only. Long polling only
 */
public record TelegramSettings(
        BotToken token,
        URI apiUrl,
        int pollTimeoutSeconds,
        int workers,
        Limit chatRateLimit,
        Limit userRateLimit,
        Limit inlineRateLimit,
        Set<Long> allowedChats,
        RetryPolicy retry,
        Duration shutdownGrace,
        Optional<WebhookSettings> webhook,
        Optional<Path> ledgerFile) {

    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    public TelegramSettings {
        allowedChats = Set.copyOf(allowedChats);
    }

    /**
     * Settings for a webhook endpoint.
     *
     * @param bindHost    the address to listen on (127.0.0.1 unless a reverse proxy elsewhere needs more)
     * @param port        the port to listen on
     * @param path        the path Telegram posts to
     * @param secretToken the value Telegram must send in {@code X-Telegram-Bot-Api-Secret-Token}
     * @param publicUrl   when present, the public HTTPS URL registered with setWebhook at start-up
     */
    public record WebhookSettings(String bindHost, int port, String path, String secretToken, Optional<URI> publicUrl) {
        @Override
        public String toString() {
            return "WebhookSettings[" + bindHost + ":" + port + path + ", secretToken=<redacted>, publicUrl="
                    + publicUrl.map(URI::toString).orElse("-") + "]";
        }
    }

    /** Settings with the given token and URL and defaults for the rest. */
    static TelegramSettings of(BotToken token, URI apiUrl) {
        return new TelegramSettings(token, apiUrl, 50, 4, perMinute(20), perMinute(20), perMinute(60), Set.of(),
                RetryPolicy.defaults(), Duration.ofSeconds(30), Optional.empty(), Optional.empty());
    }

    private static Limit perMinute(int questions) {
        return new Limit(questions, Duration.ofMinutes(1));
    }

    TelegramSettings withPollTimeoutSeconds(int seconds) {
        return new TelegramSettings(token, apiUrl, seconds, workers, chatRateLimit, userRateLimit, inlineRateLimit, allowedChats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withChatQuestionsPerMinute(int perMinute) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, perMinute(perMinute), userRateLimit,
                inlineRateLimit, allowedChats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withUserQuestionsPerMinute(int perMinute) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, chatRateLimit, perMinute(perMinute),
                inlineRateLimit, allowedChats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withAllowedChats(Set<Long> chats) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, chatRateLimit, userRateLimit, inlineRateLimit, chats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withRetry(RetryPolicy policy) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, chatRateLimit, userRateLimit, inlineRateLimit, allowedChats, policy, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withWebhook(WebhookSettings hook) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, chatRateLimit, userRateLimit, inlineRateLimit, allowedChats, retry, shutdownGrace, Optional.of(hook), ledgerFile);
    }

    TelegramSettings withWorkers(int n) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, n, chatRateLimit, userRateLimit,
                inlineRateLimit, allowedChats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withInlineQueriesPerMinute(int perMinute) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, chatRateLimit,
                userRateLimit, perMinute(perMinute), allowedChats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withShutdownGrace(Duration grace) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, chatRateLimit,
                userRateLimit, inlineRateLimit, allowedChats, retry, grace, webhook, ledgerFile);
    }

    TelegramSettings withLedgerFile(Path file) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, chatRateLimit,
                userRateLimit, inlineRateLimit, allowedChats, retry, shutdownGrace, webhook,
                Optional.of(file));
    }

    /**
     * Reads the settings through {@link Config} (so every {@code telegram.*} key is checked against
     * {@link io.reportbot.config.Keys}, and an old key name still works, with a warning): the environment first
     * ({@code TELEGRAM_BOT_TOKEN}, {@code TELEGRAM_API_URL}, {@code TELEGRAM_WEBHOOK_SECRET},
     * {@code TELEGRAM_WEBHOOK_URL}, {@code TELEGRAM_LEDGER_FILE}), then the config file, then the defaults.
     *
     * @param env        the environment
     * @param configFile a properties file, if one was given
     * @param webhook    whether to run a webhook endpoint instead of long polling
     * @throws TelegramConfigException when something is missing or wrong; the message never contains the token
     */
    public static TelegramSettings load(Map<String, String> env, Optional<Path> configFile, boolean webhook) {
        try {
            return from(Config.load(configFile, env), webhook);
        } catch (ConfigException e) {
            throw new TelegramConfigException(e.getMessage());
        }
    }

    /**
     * The settings from properties (as a config file holds them) and the environment, which wins.
     *
     * @throws TelegramConfigException when something is missing or wrong; the message never contains the token
     */
    public static TelegramSettings from(Properties p, Map<String, String> env, boolean webhook) {
        try {
            return from(Config.of(p, env), webhook);
        } catch (ConfigException e) {
            throw new TelegramConfigException(e.getMessage());
        }
    }

    /**
     * The settings from a configuration already read and checked.
     *
     * @throws TelegramConfigException when something is missing or wrong; the message never contains the token
     */
    public static TelegramSettings from(Config c, boolean webhook) {
        BotToken token = BotToken.parse(c.value("telegram.token").orElse(null));
        URI api = parseApiUrl(c.string("telegram.apiUrl"));
        TelegramSettings s = new TelegramSettings(token, api,
                c.integer("telegram.pollTimeoutSeconds"),
                c.integer("telegram.workers"),
                limit(c, "telegram.rateLimit.chat"),
                limit(c, "telegram.rateLimit.user"),
                limit(c, "telegram.rateLimit.inline"),
                c.idSet("telegram.allowedChats"),
                RetryPolicy.defaults(),
                Duration.ofSeconds(c.integer("telegram.shutdownGraceSeconds")),
                Optional.empty(),
                ledgerFile(c.value("telegram.ledgerFile").orElse(null), c.value("reportbot.unansweredLog").orElse(null),
                        c.env(), token));
        if (webhook) {
            String secret = c.value("telegram.webhook.secret").orElse(null);
            if (secret == null || !secret.matches("[A-Za-z0-9_-]{16,256}")) {
                throw new TelegramConfigException("webhook mode needs a secret token of 16 to 256 characters A-Z, a-z,"
                        + " 0-9, _ and - in TELEGRAM_WEBHOOK_SECRET or telegram.webhook.secret");
            }
            s = s.withWebhook(new WebhookSettings(c.string("telegram.webhook.host"), c.integer("telegram.webhook.port"),
                    c.string("telegram.webhook.path"), secret, c.value("telegram.webhook.publicUrl").map(URI::create)));
        }
        return s;
    }

    /** A rate limit: {@code <prefix>.questions} per {@code <prefix>.windowSeconds}. */
    static Limit limit(Config c, String prefix) {
        return new Limit(c.integer(prefix + ".questions"), Duration.ofSeconds(c.integer(prefix + ".windowSeconds")));
    }

    /**
     * Checks a Bot API base URL: http or https, a host, an optional port, no path.
     *
     * @throws TelegramConfigException when it is not such a URL
     */
    static URI parseApiUrl(String raw) {
        String text = raw.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new TelegramConfigException("TELEGRAM_API_URL is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new TelegramConfigException("TELEGRAM_API_URL must look like https://host[:port], not '" + text + "'");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null || uri.getUserInfo() != null) {
            throw new TelegramConfigException("TELEGRAM_API_URL must be only scheme, host and port (the Bot API paths"
                    + " /bot<token>/<method> are added by reportbot)");
        }
        return uri;
    }

    /** The port, with the scheme's default when the URL has none. */
    int apiPort() {
        return apiUrl.getPort() != -1 ? apiUrl.getPort() : apiUrl.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /**
     * Where the update ledger lives: the value of {@code telegram.ledgerFile}; {@code off} for nowhere (memory only);
     * when not set, {@code telegram-<bot id>.ledger} beside the unanswered-questions log if there is one, else in
     * {@code $XDG_STATE_HOME/reportbot} ({@code ~/.local/state/reportbot}).
     */
    static Optional<Path> ledgerFile(String configured, String unansweredLog, Map<String, String> env, BotToken token) {
        if (configured != null) {
            return configured.strip().equalsIgnoreCase("off") ? Optional.empty() : Optional.of(Path.of(configured.strip()));
        }
        String name = "telegram-" + token.botId() + ".ledger";
        if (unansweredLog != null) {
            Path dir = Path.of(unansweredLog.strip()).toAbsolutePath().getParent();
            if (dir != null) {
                return Optional.of(dir.resolve(name));
            }
        }
        String state = env.get("XDG_STATE_HOME");
        Path dir = state != null && !state.isBlank() ? Path.of(state, "reportbot")
                : Path.of(System.getProperty("user.home"), ".local", "state", "reportbot");
        return Optional.of(dir.resolve(name));
    }
}
