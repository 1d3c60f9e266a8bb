package io.reportbot.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/** The delivery ledger in this process: at most 200,000 keys, answered ones kept a day. Thread-safe. */
final class InProcessLedger implements DeliveryLedger {

    /** A claim until {@code leaseEnd} (ticker nanos), or answered. */
    private record Entry(boolean answered, long leaseEnd) {
    }

    private final Cache<String, Entry> entries;
    private final Ticker ticker;
    private final long leaseNanos;

    InProcessLedger(Duration lease, Duration answeredTtl, Ticker ticker) {
        this.ticker = ticker;
        this.leaseNanos = lease.toNanos();
        this.entries = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(answeredTtl).ticker(ticker)
                .executor(Runnable::run).build();
    }

    @Override
    public Claim claim(String key) {
        return claim(key, false);
    }

    @Override
    public Claim claimAnswered(String key) {
        return claim(key, true);
    }

    private Claim claim(String key, boolean answered) {
        long now = ticker.read();
        Claim[] outcome = new Claim[1];
        entries.asMap().compute(key, (k, old) -> {
            if (old == null || (!old.answered() && old.leaseEnd() - now <= 0)) {
                outcome[0] = Claim.FIRST;
                return answered ? new Entry(true, 0) : new Entry(false, now + leaseNanos);
            }
            outcome[0] = old.answered() ? Claim.ANSWERED : Claim.TAKEN;
            return old;
        });
        return outcome[0];
    }

    @Override
    public void markAnswered(String key) {
        entries.put(key, new Entry(true, 0));
    }

    @Override
    public void release(String key) {
        entries.asMap().computeIfPresent(key, (k, old) -> old.answered() ? old : null);
    }
}
