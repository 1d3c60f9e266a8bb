package io.reportbot.state;

import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Choices in Redis: {@code SET key value EX 30 days}. Thread-safe. */
final class RedisChoices implements ChoiceStore {

    private final RedisLink link;
    private final String prefix;

    RedisChoices(RedisLink link, String prefix) {
        this.link = link;
        this.prefix = prefix;
    }

    @Override
    public Optional<String> get(String key) {
        byte[] raw = link.call("choice", c -> c.get(prefix + key), null);
        return Optional.ofNullable(raw).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void put(String key, String value) {
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        link.call("choice", c -> c.set(prefix + key, raw, SetArgs.Builder.ex(DeliveryLedgers.CHOICE_TTL.toSeconds())),
                null);
    }
}
