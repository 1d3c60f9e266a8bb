package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.util.OptionHelper;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The programmatic set-up gives what the bundled logback.xml gives: the same loggers, appender and lines. */
class LogConfiguratorTest {

    @Test
    void givesTheLoggersAndLinesOfTheBundledXml() throws Exception {
        LoggerContext fromXml = new LoggerContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(fromXml);
        URL xml = LogConfigurator.class.getResource("/logback.xml");
        assertThat(xml.toString()).doesNotContain("test-classes");
        joran.doConfigure(xml);

        LoggerContext programmatic = new LoggerContext();
        LogConfigurator.apply(programmatic, OptionHelper.substVars(LogConfigurator.ROOT_LEVEL, programmatic));

        assertThat(levels(programmatic)).isEqualTo(levels(fromXml)).containsKey("io.lettuce");
        ConsoleAppender<ILoggingEvent> a = onlyAppender(fromXml);
        ConsoleAppender<ILoggingEvent> b = onlyAppender(programmatic);
        assertThat(b.getName()).isEqualTo(a.getName());
        assertThat(b.getTarget()).isEqualTo(a.getTarget());
        assertThat(b.isStarted()).isEqualTo(a.isStarted()).isTrue();
        PatternLayoutEncoder ea = (PatternLayoutEncoder) a.getEncoder();
        PatternLayoutEncoder eb = (PatternLayoutEncoder) b.getEncoder();
        assertThat(eb.getPattern()).isEqualTo(ea.getPattern());
        assertThat(eb.getCharset()).isEqualTo(ea.getCharset());
        assertThat(((Map<?, ?>) programmatic.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS)).keySet())
                .isEqualTo(((Map<?, ?>) fromXml.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS)).keySet());

        // a fake bot token in the message and in an exception: both ways must mask it alike
        String fakeToken = "FAKE-BOT-TOKEN-FOR-TESTS.FAKE.not-a-real-token-only-for-tests-000";
        for (Object[] line : new Object[][] {
                {"io.reportbot.telegram.TelegramBot", Level.WARN, "retrying after {} ms", new Object[] {250}, null},
                {"net.dv8tion.jda.api.requests.Requester", Level.WARN, "429 on interactions/1/" + fakeToken + "/callback",
                        null, new IllegalStateException("token " + fakeToken)},
                {"x", Level.ERROR, "plain", null, null}}) {
            assertThat(line(programmatic, eb, line)).isEqualTo(line(fromXml, ea, line)).doesNotContain(fakeToken);
        }
    }

    @Test
    void stepsAsideForALogbackTestXml() {
        // the test class path has a logback-test.xml: Logback must read it as usual
        LogConfigurator c = new LogConfigurator();
        LoggerContext context = new LoggerContext();
        c.setContext(context);
        assertThat(c.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    private static Map<String, Level> levels(LoggerContext context) {
        Map<String, Level> m = new TreeMap<>();
        for (Logger l : context.getLoggerList()) {
            if (l.getLevel() != null) {
                m.put(l.getName(), l.getLevel());
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static ConsoleAppender<ILoggingEvent> onlyAppender(LoggerContext context) {
        List<Appender<ILoggingEvent>> all = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .iteratorForAppenders(); it.hasNext(); ) {
            all.add(it.next());
        }
        assertThat(all).hasSize(1);
        return (ConsoleAppender<ILoggingEvent>) all.get(0);
    }

    private static String line(LoggerContext context, PatternLayoutEncoder encoder, Object[] l) {
        LoggingEvent e = new LoggingEvent("x", context.getLogger((String) l[0]), (Level) l[1], (String) l[2],
                (Throwable) l[4], (Object[]) l[3]);
        e.setTimeStamp(1_700_000_000_000L);
        e.setThreadName("main");
        return new String(encoder.encode(e), java.nio.charset.StandardCharsets.UTF_8);
    }
}
