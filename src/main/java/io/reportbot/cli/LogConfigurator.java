package io.reportbot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.ScanException;
import ch.qos.logback.core.util.OptionHelper;
import io.reportbot.ops.logging.RedactedMessageConverter;
import io.reportbot.ops.logging.RedactedThrowableConverter;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sets up Logback exactly as the bundled {@code logback.xml} does, without parsing it: reading the XML (an XML
 * parser and Logback's model processing) was about a tenth of reportbot's start-up. Found by Logback through
 * {@code META-INF/services}; whenever another configuration could apply it steps aside and Logback reads the
 * XML as usual: {@code -Dlogback.configurationFile}, a {@code logback-test.xml} on the class path, or a
 * {@code logback.xml} other than (or besides) the bundled one. {@code LogConfiguratorTest} checks that both
 * ways give the same loggers and the same lines.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** The pattern of the bundled logback.xml. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %redactedMsg%n%redactedEx";
    /** The root level of the bundled logback.xml, with its variable. */
    static final String ROOT_LEVEL = "${REPORTBOT_LOG_LEVEL:-WARN}";
    /** The named loggers' levels of the bundled logback.xml. */
    static final Map<String, Level> LEVELS = levels();

    public LogConfigurator() {
    }

    private static Map<String, Level> levels() {
        Map<String, Level> m = new java.util.LinkedHashMap<>();
        m.put("opennlp", Level.WARN);
        m.put("net.dv8tion", Level.INFO);
        m.put("okhttp3", Level.WARN);
        m.put("io.lettuce", Level.WARN);
        m.put("io.lettuce.core.protocol.ConnectionWatchdog", Level.ERROR);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!onlyTheBundledXml()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        String rootLevel;
        try {
            rootLevel = OptionHelper.substVars(ROOT_LEVEL, context);
        } catch (ScanException | RuntimeException e) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // let Logback report it as it would
        }
        apply(context, rootLevel);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The bundled configuration, with the root level as {@link #ROOT_LEVEL} resolves. */
    static void apply(LoggerContext context, String rootLevel) {
        PatternLayoutEncoder encoder = encoder(context);
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();

        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!OptionHelper.isNullOrEmptyOrAllSpaces(rootLevel)) {
            root.setLevel(Level.toLevel(rootLevel));
        }
        root.addAppender(appender);
    }

    /** The bundled pattern's encoder, started (which parses the pattern and makes its converters). */
    private static PatternLayoutEncoder encoder(LoggerContext context) {
        Map<String, Supplier<DynamicConverter>> rules = new HashMap<>();
        rules.put("redactedMsg", RedactedMessageConverter::new);
        rules.put("redactedEx", RedactedThrowableConverter::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    /**
     * Loads and initialises, on the calling thread, the Logback classes that setting up logging needs (the
     * pattern layout's converters, most of them), by making the bundled encoder for a throwaway context that is
     * never used. Touches neither SLF4J nor the real logging context: {@link Preload} calls it on a background
     * thread at start-up, so that the real set-up, wherever it happens, finds those classes ready.
     */
    static void warmUp() {
        LoggerContext throwaway = new LoggerContext();
        encoder(throwaway).stop();
        new ConsoleAppender<ILoggingEvent>().setContext(throwaway);
    }

    /**
     * True when Logback would read the bundled logback.xml and nothing else: no configuration file named by the
     * system property, no logback-test.xml, and logback.xml only once, beside this class.
     */
    private boolean onlyTheBundledXml() {
        if (OptionHelper.getSystemProperty("logback.configurationFile") != null) {
            return false;
        }
        ClassLoader loader = LogConfigurator.class.getClassLoader();
        if (loader == null || loader.getResource("logback-test.xml") != null) {
            return false;
        }
        try {
            List<URL> xml = Collections.list(loader.getResources("logback.xml"));
            URL self = loader.getResource(LogConfigurator.class.getName().replace('.', '/') + ".class");
            if (xml.size() != 1 || self == null) {
                return false;
            }
            String selfPath = self.toString();
            String base = selfPath.substring(0, selfPath.length() - (LogConfigurator.class.getName() + ".class").length());
            return xml.get(0).toString().equals(base + "logback.xml");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
