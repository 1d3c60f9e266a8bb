package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    private record Result(int exit, String err) {
    }

    private static Result serve(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand();
        command.env = env;
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, err.toString());
    }

    @Test
    void withoutAnyTokenItNamesTheVariablesAndExits2() {
        Result r = serve(Map.of());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no platform token").contains("TELEGRAM_BOT_TOKEN").contains("DISCORD_BOT_TOKEN");
    }

    @Test
    void anUnknownKeyStopsTheStartWithASuggestionAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("r.properties");
        Files.writeString(config, "discord.allowedChanels=1\n");
        Result r = serve(Map.of(), "--config", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("did you mean 'discord.allowedChannels'?").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void aMalformedTokenIsRejectedWithoutShowingIt() {
        Result r = serve(Map.of("DISCORD_BOT_TOKEN", "not-a-real-discord-token-SECRETPART"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Discord bot token is malformed").doesNotContain("SECRETPART");
    }

    @Test
    void anUnknownLogFormatExits2() {
        Result r = serve(Map.of(), "--log-format", "xml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--log-format must be text or json");
    }

    @Test
    void serveIsASubcommand() {
        assertThat(Main.newCommandLine().getSubcommands()).containsKey("serve");
    }
}
