package io.reportbot.ops.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The production log line format (src/main/resources/logback.xml, not the tests' logback-test.xml), to render
 * captured log events exactly as the running bot would write them to stderr.
 */
public final class ProductionLog {
    private final Encoder<ILoggingEvent> encoder;

    private ProductionLog(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public static ProductionLog load() {
        URL config = ProductionLog.class.getResource("/logback.xml");
        if (config == null) {
            throw new IllegalStateException("logback.xml is not on the class path");
        }
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml does not load", e);
        }
        var appender = (OutputStreamAppender<ILoggingEvent>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("STDERR");
        return new ProductionLog(appender.getEncoder());
    }

    /** The event as one or more lines of the production log (message and stack trace). */
    public String render(ILoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
