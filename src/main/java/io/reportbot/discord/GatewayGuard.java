package io.reportbot.discord;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when Discord closes a shard's gateway for good while the bot runs, e.g. with 4004 when the token
 * was reset, or 4013/4014 for intents. JDA does not reconnect after such a close; the shard is shut down and
 * the bot would sit there disconnected. {@link #fatal()} completes with a message for the operator, so that
 * {@code reportbot discord} can end with a non-zero exit code, as for a token rejected at start.
 *
 * <p>Thread-safe: JDA calls it from its gateway threads.
 */
final class GatewayGuard extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayGuard.class);

    private final CompletableFuture<String> fatal = new CompletableFuture<>();

    /** Completes, once, with what went wrong when Discord closed a gateway connection for good. */
    CompletionStage<String> fatal() {
        return fatal.minimalCompletionStage();
    }

    /** Whether a gateway connection was closed for good. */
    boolean failed() {
        return fatal.isDone();
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        int code = event.getCode();
        CloseCode known = event.getCloseCode();
        // 1000 and the like are our own shutdown; 4xxx codes are Discord's
        if (code < 4000 || (known != null && known.isReconnect())) {
            return;
        }
        String message = describe(code, known);
        LOG.error("{}", message);
        fatal.complete(message);
    }

    static String describe(int code, CloseCode known) {
        String what = known == null ? "unknown close code" : known.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String advice = switch (code) {
            case 4004 -> "the bot token was reset or revoked: set the new one in DISCORD_BOT_TOKEN or discord.token";
            case 4013, 4014 -> "the bot asks for an intent it may not use: switch on the Message Content intent on the Bot "
                    + "page, or set discord.mentions.enabled=false";
            case 4010, 4011 -> "the shard settings do not fit the bot: check discord.shards.total and discord.shards.range";
            default -> "the bot cannot reconnect";
        };
        return "Discord closed the gateway with code " + code + " (" + what + "); " + advice;
    }
}
