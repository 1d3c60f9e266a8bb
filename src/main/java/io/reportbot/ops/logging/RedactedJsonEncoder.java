package io.reportbot.ops.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * Logback's JSON lines with platform secrets removed ({@link LogRedaction}), for {@code --log-format json}. Only the
 * formatted message is written, not the raw arguments: a token passed as a bare argument could not be recognised.
 */
public final class RedactedJsonEncoder extends JsonEncoder {

    public RedactedJsonEncoder() {
        setWithFormattedMessage(true);
        setWithMessage(false);
        setWithArguments(false);
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return LogRedaction.redact(new String(super.encode(event), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
}
