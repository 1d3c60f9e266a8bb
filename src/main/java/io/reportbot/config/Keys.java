package io.reportbot.config;

import io.reportbot.config.Key.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key the configuration file may hold, with its type and default. {@code config/reportbot.example.properties}
 * documents the same list (a test keeps the two in step).
 */
public final class Keys {

    /** All keys, in the order of the example file. */
    public static final List<Key> ALL = List.of(
            // the engine
            Key.of("reportbot.report", Type.PATH, ""),
            Key.of("reportbot.intents", Type.DIR, ""),
            Key.of("reportbot.moreReports", Type.STRING, ""),
            Key.of("reportbot.defaultReport", Type.STRING, ""),
            Key.of("reportbot.reportByChat", Type.STRING, ""),
            Key.of("reportbot.unansweredLog", Type.NEW_FILE, ""),
            Key.of("reportbot.threshold", Type.FRACTION, "0.3"),
            // operations
            Key.integer("reportbot.metrics.port", -1, -1, 65535),
            Key.of("reportbot.metrics.host", Type.STRING, "127.0.0.1"),
            Key.of("reportbot.log.format", Type.LOG_FORMAT, "text"),
            // the question store and the maintainer's page
            Key.of("reportbot.store.jdbcUrl", Type.STRING, ""),
            Key.integer("reportbot.store.retentionDays", 90, 1, 3650),
            Key.integer("reportbot.store.queueSize", 10_000, 1, 1_000_000),
            Key.of("reportbot.store.keepTextBelow", Type.FRACTION, "0.5"),
            Key.integer("reportbot.admin.port", -1, -1, 65535),
            Key.of("reportbot.admin.host", Type.STRING, "127.0.0.1"),
            Key.of("reportbot.admin.token", Type.SECRET, ""),
            Key.of("reportbot.admin.secureCookie", Type.BOOLEAN, "false"),
            Key.of("reportbot.admin.evalDir", Type.DIR, ""),
            Key.integer("reportbot.admin.inboxDays", 30, 1, 3650),
            // shared state (several replicas)
            Key.of("state.redisUrl", Type.SECRET, "").withEnv("REPORTBOT_REDIS_URL"),
            Key.of("state.redisKeyPrefix", Type.STRING, "reportbot:"),
            Key.integer("state.redisTimeoutMillis", 200, 10, 10_000),
            // Telegram
            Key.of("telegram.token", Type.SECRET, "").withEnv("TELEGRAM_BOT_TOKEN"),
            Key.of("telegram.apiUrl", Type.STRING, "https://api.telegram.org").withEnv("TELEGRAM_API_URL"),
            Key.integer("telegram.pollTimeoutSeconds", 50, 0, 600),
            Key.integer("telegram.workers", 4, 1, 256),
            Key.integer("telegram.rateLimit.chat.questions", 20, 1, 100_000),
            Key.integer("telegram.rateLimit.chat.windowSeconds", 60, 1, 86_400),
            Key.integer("telegram.rateLimit.user.questions", 20, 1, 100_000),
            Key.integer("telegram.rateLimit.user.windowSeconds", 60, 1, 86_400),
            Key.integer("telegram.rateLimit.inline.questions", 60, 1, 100_000),
            Key.integer("telegram.rateLimit.inline.windowSeconds", 60, 1, 86_400),
            Key.of("telegram.allowedChats", Type.ID_LIST, ""),
            Key.integer("telegram.shutdownGraceSeconds", 30, 0, 3600),
            Key.of("telegram.ledgerFile", Type.STRING, "").withEnv("TELEGRAM_LEDGER_FILE"),
            Key.of("telegram.webhook.secret", Type.SECRET, "").withEnv("TELEGRAM_WEBHOOK_SECRET"),
            Key.of("telegram.webhook.publicUrl", Type.STRING, "").withEnv("TELEGRAM_WEBHOOK_URL"),
            Key.of("telegram.webhook.host", Type.STRING, "127.0.0.1"),
            Key.integer("telegram.webhook.port", 8443, 0, 65535),
            Key.of("telegram.webhook.path", Type.STRING, "/telegram"),
            // Discord
            Key.of("discord.token", Type.SECRET, "").withEnv("DISCORD_BOT_TOKEN"),
            Key.of("discord.apiUrl", Type.STRING, "https://discord.com/api/v10/").withEnv("DISCORD_API_URL"),
            Key.of("discord.gatewayUrl", Type.STRING, "").withEnv("DISCORD_GATEWAY_URL"),
            Key.of("discord.guildIds", Type.ID_LIST, ""),
            Key.integer("discord.shards.total", -1, -1, 10_000),
            Key.of("discord.shards.range", Type.STRING, ""),
            Key.of("discord.mentions.enabled", Type.BOOLEAN, "false"),
            Key.integer("discord.rateLimit.user.questions", 6, 1, 100_000),
            Key.integer("discord.rateLimit.user.windowSeconds", 60, 1, 86_400),
            Key.integer("discord.rateLimit.chat.questions", 30, 1, 100_000),
            Key.integer("discord.rateLimit.chat.windowSeconds", 60, 1, 86_400),
            Key.of("discord.allowedGuilds", Type.ID_LIST, ""),
            Key.of("discord.allowedChannels", Type.ID_LIST, ""),
            Key.integer("discord.deferAfterMillis", 1500, 0, 2500),
            Key.integer("discord.shutdownTimeoutSeconds", 10, 0, 3600));

    /**
     * Keys renamed so that both platforms name their settings alike ({@code <platform>.rateLimit.<user|chat>.*}): the
     * old name (still read, with a warning) and the new one.
     */
    public static final Map<String, String> RENAMED = orderedMap(
            "telegram.questionsPerMinute", "telegram.rateLimit.chat.questions",
            "telegram.userQuestionsPerMinute", "telegram.rateLimit.user.questions",
            "telegram.inlineQueriesPerMinute", "telegram.rateLimit.inline.questions",
            "discord.rateLimit.questions", "discord.rateLimit.user.questions",
            "discord.rateLimit.windowSeconds", "discord.rateLimit.user.windowSeconds",
            "discord.channelRateLimit.questions", "discord.rateLimit.chat.questions",
            "discord.channelRateLimit.windowSeconds", "discord.rateLimit.chat.windowSeconds");

    private static final Map<String, Key> BY_NAME;

    static {
        Map<String, Key> m = new LinkedHashMap<>();
        ALL.forEach(k -> m.put(k.name(), k));
        BY_NAME = Map.copyOf(m);
    }

    private Keys() {
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The current name of a key renamed since ({@link #RENAMED}), if {@code oldName} is such a key. */
    public static Optional<String> renamedTo(String oldName) {
        return Optional.ofNullable(RENAMED.get(oldName));
    }

    /** The key with this exact name. */
    public static Optional<Key> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The known key nearest to a misspelt one (case-insensitive edit distance, old names included), if one is near
     * enough; always a current name.
     */
    public static Optional<String> nearest(String unknown) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<String> names = new java.util.ArrayList<>(ALL.stream().map(Key::name).toList());
        names.addAll(RENAMED.keySet());
        for (String name : names) {
            int d = distance(unknown.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = RENAMED.getOrDefault(name, name); // a misspelt old name: point to the new one
            }
        }
        return bestDistance <= Math.max(3, unknown.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
