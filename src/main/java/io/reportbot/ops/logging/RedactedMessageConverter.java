package io.reportbot.ops.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %msg} with platform secrets removed ({@link LogRedaction}); the conversion word in logback.xml. Thread-safe. */
public final class RedactedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogRedaction.redact(super.convert(event));
    }
}
