package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code review --import} and {@code review --export}: the unanswered log moves into the store and back out. */
class ReviewStoreCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void importsALogAndExportsItAgainForReview() throws Exception {
        Path log = dir.resolve("unanswered.jsonl");
        Files.writeString(log, """
                {"time":"2026-11-30T10:00:00Z","text":"Wie wird das Wetter?","language":"de","top":[{"intent":"out_of_scope","score":0.4},{"intent":"overview","score":0.1}],"platform":"telegram","asker":"ab12"}
                {"time":"2026-11-30T10:05:00Z","text":"Wie wird das Wetter morgen?","language":"de","top":[{"intent":"out_of_scope","score":0.4}],"platform":"discord","asker":"cd34"}
                """, StandardCharsets.UTF_8);
        String store = "jdbc:sqlite:" + dir.resolve("q.db");

        Run imported = run("review", "--import", log.toString(), "--store", store);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("imported 2 questions").contains("0 already there");

        Path export = dir.resolve("export.jsonl");
        Run exported = run("review", "--export", export.toString(), "--store", store);
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(Files.readAllLines(export)).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"language\":\"de\""));

        Run review = run("review", "--log", export.toString());
        assertThat(review.code()).isZero();
        assertThat(review.out()).contains("2 unanswered questions in 1 groups");
    }

    @Test
    void aMissingLogIsAClearError() {
        Run r = run("review", "--import", dir.resolve("nope.jsonl").toString(), "--store", "jdbc:sqlite:" + dir.resolve("q.db"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.jsonl does not exist");
    }
}
