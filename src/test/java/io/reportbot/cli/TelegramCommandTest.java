package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TelegramCommandTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Main.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aMalformedTokenExitsWith2AndDoesNotEchoIt(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bot.properties");
        Files.writeString(config, "telegram.token=123:this is not a token at all\n");
        StringWriter err = new StringWriter();
        assertThat(run(err, "telegram", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("malformed").doesNotContain("not a token");
    }

    @Test
    void aMissingConfigFileExitsWith2(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertThat(run(err, "telegram", "--config", dir.resolve("nope.properties").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("config file not found");
    }

    @Test
    void aBadApiUrlExitsWith2(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bot.properties");
        Files.writeString(config, "telegram.token=123456:TEST-fake-token-not-real\ntelegram.apiUrl=ftp://x\n");
        StringWriter err = new StringWriter();
        assertThat(run(err, "telegram", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("TELEGRAM_API_URL").doesNotContain("TEST-fake");
    }
}
