package io.reportbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ConfigTest {
    private static final String TOKEN = "123456:TEST-fake-token-not-real";

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path f = dir.resolve("reportbot.properties");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void anUnknownKeyIsNamedWithTheNearestKnownOne() throws Exception {
        Path f = file("telegram.questionPerMinute=5\n");
        assertThatThrownBy(() -> Config.load(Optional.of(f), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'telegram.questionPerMinute'")
                .hasMessageContaining("did you mean 'telegram.rateLimit.chat.questions'?");
    }

    @Test
    void anOldKeyNameStillWorksWithOneWarningNamingTheNewOne() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(Config.class);
        log.start();
        logger.addAppender(log);
        try {
            Path f = file("telegram.questionsPerMinute=5\ndiscord.rateLimit.questions=7\n"
                    + "discord.rateLimit.user.questions=8\n");
            Config c = Config.load(Optional.of(f), Map.of());
            assertThat(c.integer("telegram.rateLimit.chat.questions")).isEqualTo(5);
            assertThat(c.integer("discord.rateLimit.user.questions")).as("the new name wins").isEqualTo(8);
            assertThat(c.fileProperties().stringPropertyNames()).containsExactlyInAnyOrder(
                    "telegram.rateLimit.chat.questions", "discord.rateLimit.user.questions");
            assertThat(log.list).hasSize(2).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(m -> assertThat(m)
                    .contains("'telegram.questionsPerMinute'", "use 'telegram.rateLimit.chat.questions'"));
            assertThatThrownBy(() -> Config.load(Optional.of(file("telegram.questionsPerMinute=many\n")), Map.of()))
                    .hasMessageContaining("'telegram.questionsPerMinute'").hasMessageContaining("whole number");
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void aKeyFarFromEveryKnownOneIsToldToGo() throws Exception {
        Path f = file("colour=blue\n");
        assertThatThrownBy(() -> Config.load(Optional.of(f), Map.of()))
                .hasMessageContaining("unknown key 'colour'").hasMessageContaining("remove it");
    }

    @Test
    void wrongTypesNameTheKeyAndTheFixAndAllProblemsComeAtOnce() throws Exception {
        Path f = file("telegram.workers=four\nreportbot.threshold=0,5\ndiscord.mentions.enabled=yes\n"
                + "telegram.allowedChats=12,abc\nreportbot.metrics.port=70000\n");
        assertThatThrownBy(() -> Config.load(Optional.of(f), Map.of()))
                .hasMessageContaining("5 problems")
                .hasMessageContaining("'telegram.workers'").hasMessageContaining("must be a whole number (default 4), not 'four'")
                .hasMessageContaining("'reportbot.threshold'").hasMessageContaining("(with a dot)")
                .hasMessageContaining("'discord.mentions.enabled'").hasMessageContaining("true or false")
                .hasMessageContaining("'telegram.allowedChats'").hasMessageContaining("'abc'")
                .hasMessageContaining("'reportbot.metrics.port' in " + f).hasMessageContaining("between -1 and 65535");
    }

    @Test
    void missingFilesAreNamedWithTheirKey() throws Exception {
        Path f = file("reportbot.report=" + dir.resolve("nope.json") + "\nreportbot.intents=" + dir.resolve("none") + "\n"
                + "reportbot.unansweredLog=" + dir.resolve("no/such/dir/u.jsonl") + "\n");
        assertThatThrownBy(() -> Config.load(Optional.of(f), Map.of()))
                .hasMessageContaining("'reportbot.report'").hasMessageContaining("file not found")
                .hasMessageContaining("'reportbot.intents'").hasMessageContaining("folder not found")
                .hasMessageContaining("'reportbot.unansweredLog'").hasMessageContaining("create it first");
    }

    @Test
    void aMissingConfigFileSaysSo() {
        Path missing = dir.resolve("absent.properties");
        assertThatThrownBy(() -> Config.load(Optional.of(missing), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config file not found: " + missing);
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws Exception {
        Path f = file("reportbot.threshold=0.5\nreportbot.metrics.port=9100\ntelegram.token=" + TOKEN + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        Config c = Config.load(Optional.of(f), Map.of("REPORTBOT_THRESHOLD", "0.4", "DISCORD_BOT_TOKEN", "x.y.z"));
        assertThat(c.engineSettings().threshold()).isEqualTo(0.4);
        assertThat(c.integer("reportbot.metrics.port")).isEqualTo(9100);
        assertThat(c.has("telegram.token")).isTrue();
        assertThat(c.has("discord.token")).isTrue();
        assertThat(c.string("reportbot.metrics.host")).isEqualTo("127.0.0.1");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void environmentValuesAreCheckedToo() {
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("REPORTBOT_METRICS_PORT", "http")))
                .hasMessageContaining("the environment variable REPORTBOT_METRICS_PORT must be a whole number");
    }

    @Test
    void theEnvironmentMappingIsTheDocumentedOne() {
        assertThat(Key.reportbotEnv("reportbot.unansweredLog")).isEqualTo("REPORTBOT_UNANSWERED_LOG");
        assertThat(Key.reportbotEnv("reportbot.metrics.port")).isEqualTo("REPORTBOT_METRICS_PORT");
        assertThat(Key.reportbotEnv("reportbot.report")).isEqualTo("REPORTBOT_REPORT");
        assertThat(Keys.find("telegram.token").orElseThrow().env()).contains("TELEGRAM_BOT_TOKEN");
        assertThat(Keys.find("discord.gatewayUrl").orElseThrow().env()).contains("DISCORD_GATEWAY_URL");
    }

    @Test
    void aTokenInAFileOthersCanReadIsWarnedAboutWithoutShowingIt() throws Exception {
        Path f = file("telegram.token=" + TOKEN + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        Config c = Config.load(Optional.of(f), Map.of());
        assertThat(c.warnings()).singleElement().asString()
                .contains("holds telegram.token").contains("rw-r--r--").contains("chmod 600")
                .doesNotContain("TEST-fake-token");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertThat(Config.load(Optional.of(f), Map.of()).warnings()).isEmpty();
    }

    @Test
    void aReadableFileWithoutTokensIsFine() throws Exception {
        Path f = file("telegram.workers=2\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Config.load(Optional.of(f), Map.of()).warnings()).isEmpty();
    }

    @Test
    void theExampleFileDocumentsEveryKeyWithItsDefaultAndLoads() throws Exception {
        Path example = Path.of("config/reportbot.example.properties");
        String text = Files.readString(example, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^#([a-z]+\\.[A-Za-z.]+)=(.*)$").matcher(text);
        Set<String> documented = new TreeSet<>();
        while (m.find()) {
            documented.add(m.group(1));
            Key key = Keys.find(m.group(1)).orElseThrow(() -> new AssertionError("documented but unknown: " + m.group(1)));
            assertThat(m.group(2)).as("default of " + key.name()).isEqualTo(key.defaultText());
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(Keys.ALL.stream().map(Key::name).toList());
        // uncommented, the example is a valid configuration
        Properties p = new Properties();
        p.load(new java.io.StringReader(text.replaceAll("(?m)^#([a-z]+\\.[A-Za-z.]+=)", "$1")));
        Path uncommented = dir.resolve("all.properties");
        try (var w = Files.newBufferedWriter(uncommented)) {
            p.store(w, null);
        }
        assertThat(Config.load(Optional.of(uncommented), Map.of()).warnings()).isEmpty();
    }
}
