package io.reportbot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Adjusts Logback for a long-running process: JSON lines instead of text when asked, and reportbot's own INFO
 * lines (start, stop, reload) unless {@code REPORTBOT_LOG_LEVEL} says otherwise. Tokens are never logged; message
 * text only at DEBUG and never with a user id.
 */
final class LogSetup {

    private LogSetup() {
    }

    /**
     * @param format {@code text} or {@code json}
     * @param env    the environment ({@code REPORTBOT_LOG_LEVEL})
     */
    static void apply(String format, Map<String, String> env) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: leave it alone
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (env.get("REPORTBOT_LOG_LEVEL") == null) {
            context.getLogger("io.reportbot").setLevel(Level.INFO);
        }
        if (!"json".equals(format)) {
            return;
        }
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                JsonEncoder encoder = new io.reportbot.ops.logging.RedactedJsonEncoder(); // no token in a line
                encoder.setContext(context);
                encoder.setWithFormattedMessage(true);
                encoder.setWithMessage(false);
                encoder.setWithArguments(false);
                encoder.setWithSequenceNumber(false);
                encoder.setWithContext(false);
                encoder.start();
                appender.stop();
                appender.setEncoder(encoder);
                appender.start();
            }
        }
    }
}
