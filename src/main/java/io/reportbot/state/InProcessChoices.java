package io.reportbot.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Optional;

/** Choices in this process: at most 100,000, each kept 30 days after its last write. Thread-safe. */
final class InProcessChoices implements ChoiceStore {

    private final Cache<String, String> choices;

    InProcessChoices(Ticker ticker) {
        this.choices = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(DeliveryLedgers.CHOICE_TTL)
                .ticker(ticker).executor(Runnable::run).build();
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(choices.getIfPresent(key));
    }

    @Override
    public void put(String key, String value) {
        choices.put(key, value);
    }
}
