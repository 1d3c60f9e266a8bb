package io.reportbot.state;

import java.time.Duration;

/** The times both ledgers use. */
final class DeliveryLedgers {
    /** How long a claim holds before another receiver may take the key (its holder may have died). */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** How long an answered key is remembered: Telegram redelivers for up to 24 hours. */
    static final Duration ANSWERED_TTL = Duration.ofHours(24);
    /** How long a choice is kept after its last write. */
    static final Duration CHOICE_TTL = Duration.ofDays(30);

    private DeliveryLedgers() {
    }
}
