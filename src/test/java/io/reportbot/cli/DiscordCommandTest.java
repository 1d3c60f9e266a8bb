package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code reportbot discord} fails fast and clearly, with exit code 2, on a bad token, and never prints it. */
class DiscordCommandTest {

    @Test
    void aMissingTokenExitsWithTwoAndSaysWhatToSet() {
        Result r = run(Map.of());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("DISCORD_BOT_TOKEN");
    }

    @Test
    void aMalformedTokenExitsWithTwoWithoutPrintingIt() {
        String secret = "mysecret.notatoken";
        Result r = run(Map.of("DISCORD_BOT_TOKEN", secret));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("malformed").doesNotContain(secret).doesNotContain("mysecret");
    }

    @Test
    void helpListsTheConfigOption() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new DiscordCommand());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("--help")).isZero();
        assertThat(out.toString()).contains("--config").contains("--report");
    }

    private static Result run(Map<String, String> env) {
        DiscordCommand command = new DiscordCommand();
        command.env = env;
        CommandLine cl = new CommandLine(command);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute();
        return new Result(exit, err.toString());
    }

    private record Result(int exit, String err) {
    }
}
