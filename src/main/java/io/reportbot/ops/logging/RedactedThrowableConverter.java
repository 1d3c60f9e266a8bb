package io.reportbot.ops.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %ex} (an exception with its stack trace) with platform secrets removed from the messages
 * ({@link LogRedaction}); the conversion word in logback.xml. Thread-safe.
 */
public final class RedactedThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogRedaction.redact(super.convert(event));
    }
}
