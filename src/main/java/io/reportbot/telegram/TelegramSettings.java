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

/**
 * Everything the Telegram adapter needs to run. Read with {@link #load}; tests build it with {@link #of} and the
 * {@code with…} methods.
 *
 * @param token              the bot token (its toString never shows it)
 * @param apiUrl             the Bot API server: scheme, host and port only (telegrambots cannot add a path)
 * @param pollTimeoutSeconds how long one getUpdates long poll may wait on the server
 * @param workers            threads that answer at once; one chat's updates are answered one after another, in order
 *                           (see {@link ChatWorkers})
 * @param questionsPerMinute the per-chat rate limit
 * @param userQuestionsPerMinute the per-user rate limit (across all chats)
 * @param inlineQueriesPerMinute the per-user rate limit of inline queries (one comes per keystroke, so they have an
 *                           allowance of their own and do not use up the user's questions)
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
        int questionsPerMinute,
        int userQuestionsPerMinute,
        int inlineQueriesPerMinute,
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

    /** The per-chat rate limit. */
    io.reportbot.state.RateLimits.Limit chatRateLimit() {
        return new io.reportbot.state.RateLimits.Limit(questionsPerMinute, Duration.ofMinutes(1));
    }

    /** The per-user rate limit. */
    io.reportbot.state.RateLimits.Limit userRateLimit() {
        return new io.reportbot.state.RateLimits.Limit(userQuestionsPerMinute, Duration.ofMinutes(1));
    }

    /** The per-user allowance of inline queries. */
    io.reportbot.state.RateLimits.Limit inlineRateLimit() {
        return new io.reportbot.state.RateLimits.Limit(inlineQueriesPerMinute, Duration.ofMinutes(1));
    }

    /** Settings with the given token and URL and defaults for the rest. */
    static TelegramSettings of(BotToken token, URI apiUrl) {
        return new TelegramSettings(token, apiUrl, 50, 4, 20, 20, 60, Set.of(), RetryPolicy.defaults(),
                Duration.ofSeconds(30), Optional.empty(), Optional.empty());
    }

    TelegramSettings withPollTimeoutSeconds(int seconds) {
        return new TelegramSettings(token, apiUrl, seconds, workers, questionsPerMinute, userQuestionsPerMinute, inlineQueriesPerMinute, allowedChats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withQuestionsPerMinute(int perMinute) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, perMinute, userQuestionsPerMinute, inlineQueriesPerMinute, allowedChats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withUserQuestionsPerMinute(int perMinute) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, questionsPerMinute, perMinute, inlineQueriesPerMinute, allowedChats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withAllowedChats(Set<Long> chats) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, questionsPerMinute, userQuestionsPerMinute, inlineQueriesPerMinute, chats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withRetry(RetryPolicy policy) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, questionsPerMinute, userQuestionsPerMinute, inlineQueriesPerMinute, allowedChats, policy, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withWebhook(WebhookSettings hook) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, questionsPerMinute, userQuestionsPerMinute, inlineQueriesPerMinute, allowedChats, retry, shutdownGrace, Optional.of(hook), ledgerFile);
    }

    TelegramSettings withWorkers(int n) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, n, questionsPerMinute, userQuestionsPerMinute,
                inlineQueriesPerMinute, allowedChats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withInlineQueriesPerMinute(int perMinute) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, questionsPerMinute,
                userQuestionsPerMinute, perMinute, allowedChats, retry, shutdownGrace, webhook, ledgerFile);
    }

    TelegramSettings withShutdownGrace(Duration grace) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, questionsPerMinute,
                userQuestionsPerMinute, inlineQueriesPerMinute, allowedChats, retry, grace, webhook, ledgerFile);
    }

    TelegramSettings withLedgerFile(Path file) {
        return new TelegramSettings(token, apiUrl, pollTimeoutSeconds, workers, questionsPerMinute,
                userQuestionsPerMinute, inlineQueriesPerMinute, allowedChats, retry, shutdownGrace, webhook,
                Optional.of(file));
    }

    /**
     * Reads the settings: the environment first ({@code TELEGRAM_BOT_TOKEN}, {@code TELEGRAM_API_URL},
     * {@code TELEGRAM_WEBHOOK_SECRET}, {@code TELEGRAM_WEBHOOK_URL}), then the keys of the config file
     * ({@code telegram.token}, {@code telegram.apiUrl}, …), then defaults.
     *
     * @param env        the environment
     * @param configFile a properties file, if one was given
     * @param webhook    whether to run a webhook endpoint instead of long polling
     * @throws TelegramConfigException when something is missing or wrong; the message never contains the token
     */
    public static TelegramSettings load(Map<String, String> env, Optional<Path> configFile, boolean webhook) {
        Properties p = new Properties();
        if (configFile.isPresent()) {
            try {
                p = Config.readFile(configFile.get());
            } catch (ConfigException e) {
                throw new TelegramConfigException(e.getMessage());
            }
        }
        return from(p, env, webhook);
    }

    /**
     * The settings from already-read properties (the shared {@link Config}'s file) and the environment, which wins.
     *
     * @throws TelegramConfigException when something is missing or wrong; the message never contains the token
     */
    public static TelegramSettings from(Properties p, Map<String, String> env, boolean webhook) {
        BotToken token = BotToken.parse(first(env.get("TELEGRAM_BOT_TOKEN"), p.getProperty("telegram.token")));
        URI api = parseApiUrl(Optional.ofNullable(first(env.get("TELEGRAM_API_URL"), p.getProperty("telegram.apiUrl")))
                .orElse(DEFAULT_API_URL));
        TelegramSettings s = of(token, api);
        s = new TelegramSettings(token, api,
                intSetting(p, "telegram.pollTimeoutSeconds", s.pollTimeoutSeconds(), 0, 600),
                intSetting(p, "telegram.workers", s.workers(), 1, 256),
                intSetting(p, "telegram.questionsPerMinute", s.questionsPerMinute(), 1, 100_000),
                intSetting(p, "telegram.userQuestionsPerMinute", s.userQuestionsPerMinute(), 1, 100_000),
                intSetting(p, "telegram.inlineQueriesPerMinute", s.inlineQueriesPerMinute(), 1, 100_000),
                allowedChats(p.getProperty("telegram.allowedChats", "")),
                s.retry(),
                Duration.ofSeconds(intSetting(p, "telegram.shutdownGraceSeconds", 30, 0, 3600)),
                Optional.empty(),
                ledgerFile(first(env.get("TELEGRAM_LEDGER_FILE"), p.getProperty("telegram.ledgerFile")),
                        first(env.get("REPORTBOT_UNANSWERED_LOG"), p.getProperty("reportbot.unansweredLog")), env,
                        token));
        if (webhook) {
            String secret = first(env.get("TELEGRAM_WEBHOOK_SECRET"), p.getProperty("telegram.webhook.secret"));
            if (secret == null || !secret.matches("[A-Za-z0-9_-]{16,256}")) {
                throw new TelegramConfigException("webhook mode needs a secret token of 16 to 256 characters A-Z, a-z,"
                        + " 0-9, _ and - in TELEGRAM_WEBHOOK_SECRET or telegram.webhook.secret");
            }
            String publicUrl = first(env.get("TELEGRAM_WEBHOOK_URL"), p.getProperty("telegram.webhook.publicUrl"));
            s = s.withWebhook(new WebhookSettings(
                    Optional.ofNullable(p.getProperty("telegram.webhook.host")).orElse("127.0.0.1"),
                    intSetting(p, "telegram.webhook.port", 8443, 0, 65535),
                    Optional.ofNullable(p.getProperty("telegram.webhook.path")).orElse("/telegram"),
                    secret,
                    Optional.ofNullable(publicUrl).map(URI::create)));
        }
        return s;
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

    private static String first(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null || b.isBlank() ? null : b;
    }

    private static Set<Long> allowedChats(String raw) {
        try {
            return Config.ids(raw);
        } catch (ConfigException e) {
            throw new TelegramConfigException("telegram.allowedChats: " + e.getMessage());
        }
    }

    private static int intSetting(Properties p, String key, int fallback, int min, int max) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new TelegramConfigException(key + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new TelegramConfigException(key + " must be a whole number, not '" + v.trim() + "'");
        }
    }
}
