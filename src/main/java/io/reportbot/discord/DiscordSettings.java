package io.reportbot.discord;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import io.reportbot.config.Config;
import io.reportbot.state.RateLimits.Limit;
import java.util.regex.Pattern;

/**
 * Everything the Discord adapter needs to run. Built once by {@link #load} or {@link #from(Config)}, like
 * {@code TelegramSettings}; immutable and thread-safe.
 *
 * <p>Sources, strongest first: the environment ({@code DISCORD_BOT_TOKEN}, {@code DISCORD_API_URL},
 * {@code DISCORD_GATEWAY_URL}), then a properties file (keys {@code discord.*}, checked against
 * {@link io.reportbot.config.Keys}; see {@code docs/discord.md}), then the defaults. {@link #toString()} never shows
 * the token.
 *
 * @param token           the bot token (secret)
 * @param apiUrl          the REST base URL, ending in {@code /} (Discord's by default)
 * @param gatewayUrl      a fixed gateway URL, or empty to ask Discord ({@code GET gateway/bot})
 * @param guildIds        guilds to register the commands in (instant updates); empty means globally
 * @param shardsTotal     the total number of shards, or -1 to use Discord's recommendation
 * @param shardRange      the shards this process runs, as {@code [first, last]}; empty means all
 * @param answerMentions  whether to answer messages that mention the bot (needs the Message Content intent)
 * @param userRateLimit   questions a user may ask per window ({@code discord.rateLimit.user.*})
 * @param chatRateLimit   questions one channel (or DM) may see per window, from all users
 *                        ({@code discord.rateLimit.chat.*})
 * @param allowedGuilds   guilds to answer in; empty means every guild (direct messages count as no guild)
 * @param allowedChannels channels to answer in; empty means every channel. With both lists set, an interaction
 *                        must pass both; the rest is ignored silently
 * @param deferAfter      how long to wait for an answer before deferring the interaction
 * @param shutdownTimeout how long shutdown waits for replies in flight
 */
public record DiscordSettings(
        String token,
        String apiUrl,
        Optional<String> gatewayUrl,
        List<Long> guildIds,
        int shardsTotal,
        Optional<ShardRange> shardRange,
        boolean answerMentions,
        Limit userRateLimit,
        Limit chatRateLimit,
        Set<Long> allowedGuilds,
        Set<Long> allowedChannels,
        Duration deferAfter,
        Duration shutdownTimeout) {

    /** Discord's REST API, the default base URL. */
    public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";

    /** Three base64url parts separated by dots, as Discord issues bot tokens. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{17,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{20,}");

    public DiscordSettings {
        guildIds = List.copyOf(guildIds);
        allowedGuilds = Set.copyOf(allowedGuilds);
        allowedChannels = Set.copyOf(allowedChannels);
    }

    /** True when an interaction in this guild (null: a direct message) and channel may be answered. */
    public boolean allowed(Long guildId, long channelId) {
        return (allowedGuilds.isEmpty() || guildId != null && allowedGuilds.contains(guildId))
                && (allowedChannels.isEmpty() || allowedChannels.contains(channelId));
    }

    /**
     * Reads the settings through {@link Config} (every {@code discord.*} key is checked against
     * {@link io.reportbot.config.Keys}, and an old key name still works, with a warning).
     *
     * @param env        the environment (usually {@code System.getenv()})
     * @param configFile a properties file, or empty
     * @throws ConfigException when something is missing or malformed; the message never contains the token
     */
    public static DiscordSettings load(Map<String, String> env, Optional<Path> configFile) {
        try {
            return from(Config.load(configFile, env));
        } catch (io.reportbot.config.ConfigException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The settings from properties (as a config file holds them) and the environment, which wins.
     *
     * @throws ConfigException when something is missing or malformed; the message never contains the token
     */
    public static DiscordSettings from(Properties p, Map<String, String> env) {
        try {
            return from(Config.of(p, env));
        } catch (io.reportbot.config.ConfigException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The settings from a configuration already read and checked.
     *
     * @throws ConfigException when something is missing or malformed; the message never contains the token
     */
    public static DiscordSettings from(Config c) {
        String token = token(c.value("discord.token").orElse(null));
        String apiUrl = apiUrl(c.string("discord.apiUrl"));
        Optional<String> gateway = c.value("discord.gatewayUrl").map(DiscordSettings::gatewayUrl);
        int total = c.integer("discord.shards.total");
        if (total == 0) {
            throw new ConfigException("discord.shards.total must be a positive number (or -1 for Discord's recommendation)");
        }
        Optional<ShardRange> range = shardRange(c.value("discord.shards.range").orElse(null), total);
        return new DiscordSettings(token, apiUrl, gateway, guildIds(c.value("discord.guildIds").orElse("")), total, range,
                Boolean.parseBoolean(c.string("discord.mentions.enabled")),
                limit(c, "discord.rateLimit.user"), limit(c, "discord.rateLimit.chat"),
                c.idSet("discord.allowedGuilds"), c.idSet("discord.allowedChannels"),
                Duration.ofMillis(c.integer("discord.deferAfterMillis")),
                Duration.ofSeconds(c.integer("discord.shutdownTimeoutSeconds")));
    }

    /** A rate limit: {@code <prefix>.questions} per {@code <prefix>.windowSeconds}. */
    private static Limit limit(Config c, String prefix) {
        return new Limit(c.integer(prefix + ".questions"), Duration.ofSeconds(c.integer(prefix + ".windowSeconds")));
    }

    /** True when the commands go to the configured guilds, false when they are registered globally. */
    public boolean perGuildCommands() {
        return !guildIds.isEmpty();
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=***, apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl.orElse("(from Discord)")
                + ", guildIds=" + guildIds + ", shardsTotal=" + shardsTotal
                + ", shardRange=" + shardRange.map(r -> r.first() + "-" + r.last()).orElse("all")
                + ", answerMentions=" + answerMentions
                + ", userRateLimit=" + userRateLimit.capacity() + "/" + userRateLimit.period()
                + ", chatRateLimit=" + chatRateLimit.capacity() + "/" + chatRateLimit.period()
                + ", allowedGuilds=" + allowedGuilds.size() + ", allowedChannels=" + allowedChannels.size()
                + ", deferAfter=" + deferAfter + ", shutdownTimeout=" + shutdownTimeout + "]";
    }

    private static String token(String raw) {
        if (raw == null) {
            throw new ConfigException("no Discord bot token: set the environment variable DISCORD_BOT_TOKEN "
                    + "or discord.token in the file given with --config");
        }
        String t = raw.strip();
        if (t.regionMatches(true, 0, "Bot ", 0, 4)) {
            t = t.substring(4).strip();
        }
        if (!TOKEN.matcher(t).matches()) {
            throw new ConfigException("the Discord bot token is malformed (" + t.length() + " characters; expected three "
                    + "base64url parts separated by dots, as shown once on the Bot page of the developer portal)");
        }
        return t;
    }

    private static String apiUrl(String raw) {
        String u = raw.strip();
        URI uri = uri(u, "DISCORD_API_URL / discord.apiUrl");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new ConfigException("DISCORD_API_URL / discord.apiUrl must be an http or https URL, e.g. " + DEFAULT_API_URL);
        }
        return u.endsWith("/") ? u : u + "/";
    }

    private static String gatewayUrl(String raw) {
        String u = raw.strip();
        URI uri = uri(u, "DISCORD_GATEWAY_URL / discord.gatewayUrl");
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
            throw new ConfigException("DISCORD_GATEWAY_URL / discord.gatewayUrl must be a ws or wss URL, e.g. wss://gateway.discord.gg/");
        }
        return u;
    }

    private static URI uri(String u, String what) {
        try {
            URI uri = new URI(u);
            if (uri.getHost() == null) {
                throw new ConfigException(what + " has no host: " + u);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(what + " is not a URL: " + u);
        }
    }

    private static List<Long> guildIds(String raw) {
        List<Long> ids = new ArrayList<>();
        for (String part : raw.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                long id = Long.parseUnsignedLong(part.trim());
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new ConfigException("discord.guildIds must be guild ids (numbers) separated by commas, not '" + part + "'");
            }
        }
        return ids;
    }

    private static Optional<ShardRange> shardRange(String raw, int total) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String[] parts = raw.trim().split("\\s*-\\s*");
        try {
            int lo = Integer.parseInt(parts[0]);
            int hi = parts.length == 2 ? Integer.parseInt(parts[1]) : lo;
            if (parts.length > 2 || lo < 0 || hi < lo) {
                throw new NumberFormatException();
            }
            if (total == -1) {
                throw new ConfigException("discord.shards.range needs discord.shards.total: every process must agree on the total");
            }
            if (hi >= total) {
                throw new ConfigException("discord.shards.range " + raw.trim() + " goes beyond discord.shards.total " + total
                        + " (shards are numbered 0 to total-1)");
            }
            return Optional.of(new ShardRange(lo, hi));
        } catch (NumberFormatException e) {
            throw new ConfigException("discord.shards.range must look like 0-3 (first and last shard of this process), not '"
                    + raw.trim() + "'");
        }
    }

    /** The shards one process runs: {@code first} to {@code last}, both included, numbered from 0. */
    public record ShardRange(int first, int last) {
    }
}
