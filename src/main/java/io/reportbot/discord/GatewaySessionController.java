package io.reportbot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * JDA's session controller with a fixed gateway URL (for a proxy or a test double), instead of the
 * URL Discord hands out. The shard count and identify concurrency still come from Discord
 * ({@code GET gateway/bot}) through the configured REST URL.
 */
final class GatewaySessionController extends ConcurrentSessionController {
    private final String gatewayUrl;

    GatewaySessionController(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway fromDiscord = super.getShardedGateway(api);
        return new ShardedGateway(gatewayUrl, fromDiscord.getShardTotal(), fromDiscord.getConcurrency());
    }
}
