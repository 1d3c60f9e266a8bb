package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Option values that can't be used: exit code 2 and one line on stderr naming what is wrong, never a stack trace. */
class BadOptionsTest {

    @TempDir
    static Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream(new byte[0]));
            CommandLine cl = Main.newCommandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            return new Run(cl.execute(args), out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    private static void assertOneLineError(Run r, String expected) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bench --iterations 0                  | --iterations must be at least 1, not 0",
            "bench --iterations -5                 | --iterations must be at least 1, not -5",
            "bench --warmup -1                     | --warmup must be at least 0, not -1",
            "bench --questions /missing/q.txt      | --questions: /missing/q.txt does not exist",
            "bench --iterations abc                | Invalid value for option '--iterations'",
            "eval --threshold 5 x.jsonl            | --threshold must be between 0 and 1, not 5",
            "eval --threshold -0.5 x.jsonl         | --threshold must be between 0 and 1, not -0.5",
            "eval --threshold NaN x.jsonl          | --threshold must be between 0 and 1, not NaN",
            "eval --cross-validate 1               | --cross-validate must be at least 2, not 1",
            "eval --cross-validate -3              | --cross-validate must be at least 2, not -3",
            "eval --iterations 0 --cross-validate 2 | --iterations must be at least 1, not 0",
            "eval /missing/labelled.jsonl          | FILE: /missing/labelled.jsonl does not exist",
            "review --top -1                       | --top must be at least 1, not -1",
            "review --top 0                        | --top must be at least 1, not 0",
            "ask --bogus                           | Unknown option: '--bogus'"})
    void aBadValueIsOneLineAndExitCodeTwo(String args, String expected) {
        assertOneLineError(run(args.trim().split("\\s+")), expected);
    }

    @Test
    void aFolderWhereAFileBelongsIsNamed() {
        assertOneLineError(run("review", "--log", dir.toString()), "--log: " + dir + " is a folder, not a file");
        assertOneLineError(run("bench", "--questions", dir.toString()), "--questions: " + dir + " is a folder, not a file");
        assertOneLineError(run("eval", dir.toString()), "FILE: " + dir + " is a folder, not a file");
    }

    @Test
    void benchWithAnEmptyQuestionsFileSaysSo() throws Exception {
        Path q = Files.writeString(dir.resolve("empty-questions.txt"), "# only a comment\n\n");
        assertOneLineError(run("bench", "--questions", q.toString()), "holds no questions");
    }

    @Test
    void evalOnAnEmptyFileIsAnErrorNotOneHundredPercent() throws Exception {
        Path f = Files.writeString(dir.resolve("empty.jsonl"), "# nothing yet\n\n");
        Run r = run("eval", f.toString());
        assertOneLineError(r, "holds no labelled questions");
        assertThat(r.out()).doesNotContain("100.0 %");
    }

    @Test
    void evalOnAFileThatIsNotUtf8SaysSo() throws Exception {
        Path f = Files.write(dir.resolve("latin1.jsonl"),
                "{\"text\": \"Wie viele Einhörner?\", \"intent\": \"unicorns\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertOneLineError(run("eval", f.toString()), "it is not UTF-8 text");
    }

    @Test
    void evalRefusesLabelsNamingUnknownIntentsOrLanguages() throws Exception {
        Path intents = Files.writeString(dir.resolve("unknown-intent.jsonl"), """
                {"text": "Wie viele Einhörner?", "intent": "unicorns", "lang": "de"}
                {"text": "How many pandas?", "intent": "pandas", "lang": "en"}
                {"text": "Und Einhörner und Schulen?", "intent": "unicorns+zebras", "lang": "de"}
                """);
        Run r = run("eval", intents.toString());
        assertOneLineError(r, "names intents that don't exist: pandas, unicorns+zebras");
        assertThat(r.err()).contains("unicorns");
        Path languages = Files.writeString(dir.resolve("unknown-lang.jsonl"), """
                {"text": "Wie viele Einhörner?", "intent": "unicorns", "lang": "de"}
                {"text": "Combien de licornes ?", "intent": "unicorns", "lang": "fr"}
                {"text": "How many unicorns?", "intent": "out_of_scope", "lang": "EN"}
                """);
        assertOneLineError(run("eval", languages.toString()), "names languages other than de and en: fr");
    }

    @Test
    void aReportWithAnImpossibleFigureStopsTheStartWithTheFactNamed() throws Exception {
        Path report = dir.resolve("nan-report.json");
        Files.writeString(report, """
                {"id": "r", "title": {"de": "T", "en": "T"}, "place": {"name": {"de": "X", "en": "X"}},
                 "facts": [{"id": "fund_volume", "topic": "t", "source": "Satz.",
                            "values": {"volume": {"amount": "NaN", "unit": "CNY", "yoy": {"percent": -100}}},
                            "answer": {"de": "Es sind {volume}.", "en": "It is {volume}."}}],
                 "topics": [{"id": "t", "label": {"de": "T", "en": "T"}, "facts": ["fund_volume"]}]}
                """, StandardCharsets.UTF_8);
        Run r = run("ask", "--report", report.toString(), "und im Vorjahr?");
        assertOneLineError(r, "fact \"fund_volume\": value \"volume\": the amount is NaN");
        assertThat(r.err()).contains("growth of -100 %").doesNotContain("NumberFormatException");
    }

    @Test
    void reviewAddIntoAFolderThatCannotBeWrittenIsOneLineAndChangesNothing() throws Exception {
        Path intents = Files.createDirectories(dir.resolve("locked-intents"));
        String before = "{\n  \"name\": \"unicorns\",\n  \"kind\": \"topic\",\n  \"examples\": {\n    \"de\": [\n      \"Einhörner?\"\n    ]\n  }\n}\n";
        Files.writeString(intents.resolve("unicorns.json"), before);
        // even root can't open a folder as the lock file: the same path as any folder reportbot may not write to
        Files.createDirectories(intents.resolve(".intents.lock"));
        Run r = run("review", "--intents", intents.toString(), "--lang", "de", "--add", "unicorns", "Wie", "viele?");
        assertOneLineError(r, "cannot change " + intents.resolve("unicorns.json"));
        assertThat(Files.readString(intents.resolve("unicorns.json"))).isEqualTo(before);
        try (var s = Files.list(intents)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("unicorns.json", ".intents.lock");
        }
    }

    @Test
    void reviewAddUnderAPathWhoseParentIsAFileIsOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLineError(run("review", "--intents", file.resolve("intents").toString(), "--lang", "de", "--add",
                "unicorns", "Wie", "viele?"), "there is no intent \"unicorns\"");
    }

    @Test
    void everyWordingKeyUsedExists() {
        // the keys are looked up when used: a typo would be a MissingResourceException at the worst moment
        for (String key : List.of("argv.garbled", "ask.stdout_closed", "ask.line_too_long", "ask.line_skipped",
                "console.line_too_long", "console.stdout_closed", "console.cannot_read", "review.skipped_warning",
                "review.summary", "review.summary.skipped", "review.group", "review.hint", "review.added", "review.already",
                "review.no_log", "eval.no_input", "error.unexpected")) {
            assertThat(CliText.get(key, "a", "b", "c", "d")).as(key).isNotBlank().doesNotContain("{0}");
        }
    }
}
