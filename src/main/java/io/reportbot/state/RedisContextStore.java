package io.reportbot.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.GetExArgs;
import io.lettuce.core.SetArgs;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversation context in Redis as JSON: {@code SET key json PX idle} to store (sent without waiting, see
 * {@link ContextStore#put}), {@code GETEX key PX idle} to read (which restarts the idle time, as the in-process store
 * does). A value that no longer reads (written by an older
 * version) counts as none. Thread-safe.
 */
final class RedisContextStore implements ContextStore {
    private static final Logger LOG = LoggerFactory.getLogger(RedisContextStore.class);

    private final RedisLink link;
    private final String prefix;
    private final long idleMillis;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    RedisContextStore(RedisLink link, String prefix, Duration idle) {
        this.link = link;
        this.prefix = prefix;
        this.idleMillis = idle.toMillis();
    }

    @Override
    public <T> Optional<T> get(String conversationKey, Class<T> type) {
        byte[] raw = link.call("context", c -> c.getex(prefix + conversationKey, GetExArgs.Builder.px(idleMillis)), null);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(raw, type));
        } catch (IOException e) {
            LOG.debug("a stored context of another shape is ignored: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void put(String conversationKey, Object value) {
        byte[] raw;
        try {
            raw = json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("a context value must be writable as JSON: " + value.getClass(), e);
        }
        // sent without waiting for the reply: the answer goes on at once, and the next command on the connection
        // (marking the update answered, or the next read) is applied after it, see RedisLink#send
        link.send("context", c -> c.set(prefix + conversationKey, raw, SetArgs.Builder.px(idleMillis)));
    }

    @Override
    public long size() {
        return -1;
    }
}
