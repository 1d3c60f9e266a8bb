package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One line in, one answer out, in {@code ask --jsonl} and the piped console; review's warning for a broken log. */
class PipedInputTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err, String systemOut) {
    }

    private static Run run(byte[] stdin, String... args) {
        InputStream inBefore = System.in;
        PrintStream outBefore = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            CommandLine cl = Main.newCommandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString(), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(inBefore);
            System.setOut(outBefore);
        }
    }

    @Test
    void aLoneCarriageReturnDoesNotSplitAJsonlLineAndAnOverlongLineGetsAnErrorObject() throws Exception {
        String input = "Wie viele\rEinhörner?\r\n" + "x".repeat(AskCommand.MAX_LINE_CHARS + 1) + "\nHow many unicorns?\n";
        Run r = run(input.getBytes(StandardCharsets.UTF_8), "ask", "--jsonl");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(lines.get(0)).get("question").asText()).isEqualTo("Wie viele\rEinhörner?");
        assertThat(m.readTree(lines.get(0)).get("answer").asText()).contains("36");
        JsonNode tooLong = m.readTree(lines.get(1));
        assertThat(tooLong.get("error").asText()).isEqualTo("line_too_long");
        assertThat(tooLong.get("message").asText()).isEqualTo(
                "the line is 100,001 characters long; reportbot reads at most 100,000 characters a line, so it was not answered");
        assertThat(r.err()).contains("ask: line 2 not answered: the line is 100,001 characters long");
        assertThat(m.readTree(lines.get(2)).get("answer").asText()).contains("36");
    }

    @Test
    void thePipedConsoleAnswersOncePerLineAndSaysWhenALineIsTooLong() {
        String input = "Wie viele\rEinhörner?\n" + "y".repeat(AskCommand.MAX_LINE_CHARS + 5) + "\r\nHow many unicorns?\r\n";
        Run r = run(input.getBytes(StandardCharsets.UTF_8));
        assertThat(r.code()).isZero();
        String out = r.systemOut();
        assertThat(out).contains("36 Einhorn").contains("That line is 100,005 characters long").contains("36 unicorn");
        assertThat(out.split("Quelle|Source", -1)).as("two answers with a source, not three").hasSize(3);
    }

    @Test
    void reviewWarnsAboutUnreadableLinesAndStillGroupsTheRest() throws Exception {
        Path log = dir.resolve("u.jsonl");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"text\":\"Wie viele Patente?\",\"top\":[{\"intent\":\"unicorns\",\"score\":0.2}]}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'});
        b.writeBytes("not json\n{\"text\":\"Wie viele Patente hat Peking?\",\"top\":[{\"intent\":\"unicorns\",\"score\":0.3}]}\n"
                .getBytes(StandardCharsets.UTF_8));
        Files.write(log, b.toByteArray());
        Run r = run(new byte[0], "review", "--log", log.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("review: warning: skipped 2 unreadable lines of " + log + " (lines 2, 3)" + System.lineSeparator());
        assertThat(r.out()).contains("2 unanswered questions in 1 groups").contains("2 unreadable lines skipped")
                .contains("Wie viele Patente?");
    }
}
