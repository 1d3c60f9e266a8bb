package io.reportbot.state;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The delivery ledger in Redis: a claim is {@code SET key claimed NX PX 30000}; answering overwrites it with
 * {@code answered} for 24 hours; a release deletes the key only while it still says {@code claimed};
 * {@link #claimAnswered} sets {@code answered} at once when the key is free (one Lua script). Thread-safe.
 */
final class RedisLedger implements DeliveryLedger {
    private static final byte[] CLAIMED = "claimed".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWERED = "answered".getBytes(StandardCharsets.US_ASCII);
    private static final RedisScript RELEASE = new RedisScript("if redis.call('get', KEYS[1]) == 'claimed' then"
            + " return redis.call('del', KEYS[1]) else return 0 end");
    /** Nil when the key was free and now says {@code answered}; else what it said (and still says). */
    private static final RedisScript CLAIM_ANSWERED = new RedisScript("local old = redis.call('get', KEYS[1])"
            + " if old then return old end"
            + " redis.call('set', KEYS[1], 'answered', 'PX', ARGV[1]) return false");
    private static final byte[] ANSWERED_TTL_MILLIS = Long.toString(DeliveryLedgers.ANSWERED_TTL.toMillis())
            .getBytes(StandardCharsets.US_ASCII);

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
            return held(c.get(k));
        }, Claim.UNCHECKED);
    }

    /** One round trip (a Lua script, atomic in Redis): claimed and answered at once, or what the key says. */
    @Override
    public Claim claimAnswered(String key) {
        String k = prefix + key;
        return link.call("ledger", c -> {
            byte[] old = CLAIM_ANSWERED.run(c, ScriptOutputType.VALUE, new String[] {k}, ANSWERED_TTL_MILLIS);
            return old == null ? Claim.FIRST : held(old);
        }, Claim.UNCHECKED);
    }

    /** The outcome for a key someone else holds: answered, or claimed (or gone again since: taken all the same). */
    private static Claim held(byte[] value) {
        return value != null && Arrays.equals(value, ANSWERED) ? Claim.ANSWERED : Claim.TAKEN;
    }

    @Override
    public void markAnswered(String key) {
        link.call("ledger", c -> c.set(prefix + key, ANSWERED, SetArgs.Builder.px(DeliveryLedgers.ANSWERED_TTL.toMillis())),
                null);
    }

    @Override
    public void release(String key) {
        link.call("ledger", c -> RELEASE.<Long>run(c, ScriptOutputType.INTEGER, new String[] {prefix + key}), 0L);
    }
}
