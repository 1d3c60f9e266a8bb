package io.reportbot.state;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The delivery ledger in Redis: a claim is {@code SET key claimed NX PX 30000}; answering overwrites it with
 * {@code answered} for 24 hours; a release deletes the key only while it still says {@code claimed}. Thread-safe.
 */
final class RedisLedger implements DeliveryLedger {
    private static final byte[] CLAIMED = "claimed".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWERED = "answered".getBytes(StandardCharsets.US_ASCII);
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == 'claimed' then"
            + " return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisLink link;
    private final String prefix;

    RedisLedger(RedisLink link, String prefix) {
        this.link = link;
        this.prefix = prefix;
    }

    @Override
    public Claim claim(String key) {
        String k = prefix + key;
        return link.call("ledger", c -> {
            if ("OK".equals(c.set(k, CLAIMED, SetArgs.Builder.nx().px(DeliveryLedgers.LEASE.toMillis())))) {
                return Claim.FIRST;
            }
            byte[] now = c.get(k);
            return now != null && Arrays.equals(now, ANSWERED) ? Claim.ANSWERED : Claim.TAKEN;
        }, Claim.UNCHECKED);
    }

    @Override
    public void markAnswered(String key) {
        link.call("ledger", c -> c.set(prefix + key, ANSWERED, SetArgs.Builder.px(DeliveryLedgers.ANSWERED_TTL.toMillis())),
                null);
    }

    @Override
    public void release(String key) {
        link.call("ledger", c -> c.<Long>eval(RELEASE, ScriptOutputType.INTEGER, prefix + key), 0L);
    }
}
