package io.reportbot.state;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * All state in this process (Caffeine), as reportbot always kept it: nothing to install, lost on restart, not
 * shared between replicas. Thread-safe.
 */
public final class InProcessState implements SharedState {

    private final InProcessContextStore contexts;
    private final InProcessLedger ledger;
    private final InProcessRateLimits rateLimits;
    private final InProcessChoices choices;

    public InProcessState(StateSettings settings) {
        this(settings, Ticker.systemTicker());
    }

    /** For tests: a clock for every expiry and bucket. */
    public InProcessState(StateSettings settings, Ticker ticker) {
        this.contexts = new InProcessContextStore(InProcessContextStore.DEFAULT_MAX, settings.contextIdle(), ticker);
        this.ledger = new InProcessLedger(DeliveryLedgers.LEASE, DeliveryLedgers.ANSWERED_TTL, ticker);
        this.rateLimits = new InProcessRateLimits(ticker);
        this.choices = new InProcessChoices(ticker);
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
        return "in-process";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
