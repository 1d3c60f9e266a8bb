package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import picocli.CommandLine;

class MainTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cl = Main.newCommandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void askPrintsTheAnswer() {
        Run r = run("", "ask", "Wie", "viele", "Einhörner?");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("36 Einhorn-Unternehmen").contains("Quelle");
    }

    @Test
    void aReportGivenBeforeTheSubcommandIsTheOneAnswered() {
        String second = io.reportbot.engine.TestEngines.SECOND_REPORT.toString();
        Run before = run("", "--report", second, "ask", "How much private money went into AI in the US in 2023?");
        Run after = run("", "ask", "--report", second, "How much private money went into AI in the US in 2023?");
        assertThat(before.code()).isZero();
        assertThat(before.out()).contains("67.2").isEqualTo(after.out());
    }

    @Test
    void engineOptionsBeforeASubcommandWithoutAnEngineAreRefusedNotIgnored() {
        Run r = run("", "--report", io.reportbot.engine.TestEngines.SECOND_REPORT.toString(), "draft", "source.txt", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("reportbot draft: takes no --report");
    }

    @Test
    void askDebugShowsWhatWasUnderstood() {
        Run r = run("", "ask", "--debug", "unicorns?");
        assertThat(r.out()).contains("language en").contains("intent unicorns").contains("top: unicorns");
    }

    @Test
    void jsonlAnswersEveryLineWithTheDocumentedFields() throws Exception {
        String in = "Wie viele Einhörner?\n{\"conversation\": \"c1\", \"text\": \"How many listed AI companies?\"}\n\n"
                + "unicorns in Shanghai?\n";
        Run r = run(in, "ask", "--jsonl");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        ObjectMapper m = new ObjectMapper();
        JsonNode first = m.readTree(lines.get(0));
        for (String field : List.of("question", "language", "intent", "confidence", "fallback", "answer", "suggestions", "facts")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("language").asText()).isEqualTo("de");
        assertThat(first.get("intent").asText()).isEqualTo("unicorns");
        assertThat(first.get("answer").asText()).contains("36");
        JsonNode second = m.readTree(lines.get(1));
        assertThat(second.get("question").asText()).isEqualTo("How many listed AI companies?");
        assertThat(second.get("conversation").asText()).isEqualTo("c1");
        assertThat(second.get("answer").asText()).contains("46");
        assertThat(m.readTree(lines.get(2)).get("fallback").asBoolean()).isTrue();
        JsonNode fourth = m.readTree(lines.get(3));
        assertThat(fourth.get("fallback").asBoolean()).isTrue();
        assertThat(fourth.get("suggestions").get(0).get("topic").asText()).isEqualTo("unicorns");
    }

    @Test
    void jsonlLinesOfOneConversationShareContextAndPlainLinesDoNot() throws Exception {
        String in = "{\"conversation\": \"a\", \"text\": \"How big is the AI industry?\"}\n"
                + "{\"conversation\": \"b\", \"text\": \"How many unicorns?\"}\n"
                + "{\"conversation\": \"a\", \"text\": \"and the year before?\"}\n"
                + "How big is the AI industry?\n"
                + "and the year before?\n";
        List<String> lines = run(in, "ask", "--jsonl").out().lines().toList();
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(lines.get(2)).get("answer").asText()).contains("Computed").contains("more than 267 billion yuan");
        assertThat(m.readTree(lines.get(4)).get("fallback").asBoolean()).isTrue();
    }

    @Test
    void reviewAddsAQuestionToAnIntentFile() throws Exception {
        Path intents = dir.resolve("intents");
        Files.createDirectories(intents);
        Files.writeString(intents.resolve("unicorns.json"),
                "{\n  \"name\": \"unicorns\",\n  \"kind\": \"topic\",\n  \"examples\": {\n    \"de\": [\n      \"Einhörner?\"\n    ],\n    \"en\": [\n      \"unicorns?\"\n    ]\n  }\n}\n");
        Run r = run("", "review", "--intents", intents.toString(), "--lang", "de", "--add", "unicorns", "Wie", "viele", "Dekakorne?");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("added");
        assertThat(Files.readString(intents.resolve("unicorns.json"))).contains("\"Wie viele Dekakorne?\"");
        assertThat(run("", "review", "--intents", intents.toString(), "--lang", "de", "--add", "unicorns", "wie viele dekakorne").out())
                .contains("already");
        assertThat(run("", "review", "--log", dir.resolve("none.jsonl").toString()).code()).isEqualTo(2);
    }

    @Test
    void pipedConsoleAnswersEachLine() {
        java.io.PrintStream before = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            Run r = run("Wie viele Einhörner?\nHow many schools have AI pilot programmes?\n");
            assertThat(r.code()).isZero();
        } finally {
            System.setOut(before);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("36 Einhorn").contains("25 primary");
    }

    @Test
    void wrongUsageIsExitCodeTwoWithAMessage() {
        Run r = run("", "ask", "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option");
        assertThat(run("", "ask").code()).isEqualTo(2);
        assertThat(run("", "ask", "--lang", "fr", "hi").err()).contains("--lang");
        assertThat(run("", "frobnicate").code()).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : List.of("ask", "console", "eval", "review", "bench", "telegram", "discord", "serve")) {
            Run r = run("", cmd, "--help");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage");
        }
    }

    @Test
    void aMissingIntentsFolderIsAClearErrorNotAStackTrace() {
        Run r = run("", "ask", "--intents", dir.resolve("nope").toString(), "hi");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does not exist").doesNotContain("\tat ");
    }

    @Test
    void aBrokenIntentsFileIsNamed() throws Exception {
        Files.writeString(dir.resolve("unicorns.json"), "{ not json");
        Run r = run("", "ask", "--intents", dir.toString(), "hi");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unicorns.json").doesNotContain("\tat ");
    }

    @Test
    void aBrokenReportIsNamed() throws Exception {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "[]");
        Run r = run("", "ask", "--report", report.toString(), "hi");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("report.json").doesNotContain("\tat ");
    }

    @Test
    void evalPrintsTheFiguresAndJson() throws Exception {
        Path f = dir.resolve("fixture.jsonl");
        Files.writeString(f, """
                {"text": "Wie viele Einhörner?", "intent": "unicorns", "lang": "de", "expect": ["36"]}
                {"text": "Tell me a joke", "intent": "out_of_scope", "lang": "en"}
                {"text": "How many schools run AI pilots?", "intent": "universities", "lang": "en"}
                """);
        Run text = run("", "eval", f.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("accuracy: 66.7 %").contains("out-of-scope rejection: 100.0 %")
                .contains("universities -> schools").contains("How many schools run AI pilots?");
        Run json = run("", "eval", "--json", f.toString());
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertThat(node.at("/result/accuracy").asDouble()).isBetween(0.66, 0.67);
        assertThat(node.at("/result/perIntent/unicorns/f1").asDouble()).isEqualTo(1.0);
        Run sweep = run("", "eval", "--threshold-sweep", f.toString());
        assertThat(sweep.out()).contains("threshold").contains("0.40");
    }

    /** main builds only the subcommand the arguments name: its help and its option errors are the same as with all. */
    @Test
    void theCommandLineForOneSubcommandSaysWhatTheFullOneSays() {
        CommandLine full = Main.newCommandLine();
        for (String name : full.getSubcommands().keySet()) {
            CommandLine one = Main.newCommandLine(new String[] {name});
            if (name.equals("help")) {
                assertThat(one.getSubcommands().keySet()).isEqualTo(full.getSubcommands().keySet());
                continue;
            }
            assertThat(one.getSubcommands().keySet()).containsExactly(name);
            assertThat(one.getSubcommands().get(name).getUsageMessage())
                    .isEqualTo(full.getSubcommands().get(name).getUsageMessage());
            for (String[] args : List.of(new String[] {name, "--no-such-option"}, new String[] {name, "--help"},
                    new String[] {name, "--threshold-sweep", "x", "y"})) {
                StringWriter fullOut = new StringWriter();
                StringWriter fullErr = new StringWriter();
                StringWriter oneOut = new StringWriter();
                StringWriter oneErr = new StringWriter();
                CommandLine a = Main.newCommandLine();
                a.setOut(new PrintWriter(fullOut, true));
                a.setErr(new PrintWriter(fullErr, true));
                CommandLine b = Main.newCommandLine(args);
                b.setOut(new PrintWriter(oneOut, true));
                b.setErr(new PrintWriter(oneErr, true));
                assertThat(b.execute(args)).as(String.join(" ", args)).isEqualTo(a.execute(args));
                assertThat(oneOut.toString()).isEqualTo(fullOut.toString());
                assertThat(oneErr.toString()).isEqualTo(fullErr.toString());
            }
        }
        assertThat(Main.newCommandLine(new String[] {"--help"}).getSubcommands().keySet())
                .isEqualTo(full.getSubcommands().keySet());
        assertThat(Main.newCommandLine(new String[] {"bnech"}).getSubcommands().keySet())
                .isEqualTo(full.getSubcommands().keySet());
    }
}
