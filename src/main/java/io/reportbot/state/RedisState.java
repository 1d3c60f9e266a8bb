package io.reportbot.state;

/**
 * All state in one Redis, shared by every replica that points at it. Keys, all under the prefix (default
 * {@code reportbot:}): {@code ctx:<conversation>} (JSON, idle expiry 30 min), {@code led:<update or interaction>}
 * ({@code claimed} for 30 s, then {@code answered} for 24 h), {@code rl:<user or chat>} (Bucket4j state, expiring
 * when full again), {@code choice:<key>} (30 days).
 *
 * <p>Every command gives up after the command timeout (200 ms by default); with Redis down each part degrades as
 * its interface says, and {@link #available()} turns false within a second. Thread-safe.
 */
final class RedisState implements SharedState {

    private final RedisLink link;
    private final RedisContextStore contexts;
    private final RedisLedger ledger;
    private final RedisRateLimits rateLimits;
    private final RedisChoices choices;

    private RedisState(StateSettings settings, StateListener listener) {
        String prefix = settings.keyPrefix();
        this.rateLimits = new RedisRateLimits(prefix + "rl:", settings.commandTimeout());
        this.link = new RedisLink(settings, listener, rateLimits::connected);
        rateLimits.link(link);
        this.contexts = new RedisContextStore(link, prefix + "ctx:", settings.contextIdle());
        this.ledger = new RedisLedger(link, prefix + "led:");
        this.choices = new RedisChoices(link, prefix + "choice:");
    }

    static RedisState open(StateSettings settings, StateListener listener) {
        RedisState state = new RedisState(settings, listener);
        state.link.start();
        return state;
    }

    @Override
    public ContextStore contexts() {
        return contexts;
    }

    @Override
    public DeliveryLedger ledger() {
        return ledger;
    }

    @Override
    public RateLimits rateLimits() {
        return rateLimits;
    }

    @Override
    public ChoiceStore choices() {
        return choices;
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public boolean available() {
        return link.available();
    }

    @Override
    public void close() {
        link.close();
    }
}
