package io.reportbot.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.cli.Main;
import io.reportbot.reportfolder.ReportFolders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code check} on both bundled reports without the cross-validation (that runs in {@link ReportCheckIT}) and on
 * folders with one mistake each.
 */
class ReportCheckTest {

    static final Path AI_INDEX = Path.of("src/test/resources/reports/ai-index-2024");

    @Test
    void theBundledWhitePaperPassesCheck() {
        ReportCheck.Result r = ReportCheck.check(ReportFolders.bundled(), List.of(), false);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void theSecondReportPassesCheckThroughTheCommand() {
        Run run = check(AI_INDEX.toString(), "--no-cross-validation");
        assertThat(run.exit).as(run.out).isZero();
        assertThat(run.out).contains("is fine");
    }

    @Test
    void aFigureItsSentenceDoesNotWriteIsOneLineAndExitOne(@TempDir Path dir) throws IOException {
        copy(AI_INDEX, dir);
        edit(dir.resolve("report.json"), "\"amount\": 149", "\"amount\": 150");
        Run run = check(dir.toString(), "--no-cross-validation");
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).contains("fact \"foundation_models\": value \"released\" gives 150, which its source sentence"
                + " does not write");
    }

    @Test
    void aSourceSentenceMissingFromSourceTxtIsNamed(@TempDir Path dir) throws IOException {
        copy(AI_INDEX, dir);
        edit(dir.resolve("source.txt"), "Of the 149 foundation models", "Of all 149 foundation models");
        assertThat(check(dir.toString(), "--no-cross-validation").out)
                .contains("fact \"foundation_models\": its source sentence is not in source.txt");
    }

    @Test
    void todosAndTooFewExamplesAreProblems(@TempDir Path dir) throws IOException {
        copy(AI_INDEX, dir);
        edit(dir.resolve("report.json"), "\"label\": {\n        \"de\": \"Trainingskosten\"",
                "\"label\": {\n        \"de\": \"TODO Trainingskosten\"");
        Path intent = dir.resolve("intents/us_ai_jobs.json");
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(intent.toFile());
        var en = (com.fasterxml.jackson.databind.node.ArrayNode) root.path("examples").path("en");
        while (en.size() > 5) {
            en.remove(en.size() - 1);
        }
        mapper.writeValue(intent.toFile(), root);
        Run run = check(dir.toString(), "--no-cross-validation");
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).contains("unresolved TODO")
                .contains("topic \"us_ai_jobs\" has 5 en examples; it needs at least 20");
    }

    @Test
    void anIllDefinedComputedValueIsAProblemNamingTheFact(@TempDir Path dir) throws IOException {
        copy(AI_INDEX, dir);
        edit(dir.resolve("report.json"), "\"percent\": 22.1", "\"percent\": -100");
        Run run = check(dir.toString(), "--no-cross-validation");
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).contains("fact \"us_investment\"").contains("growth of -100 %");
    }

    @Test
    void theFiguresOfBothSourceTextsAreRead() {
        assertThat(Figures.in("mehr als 2.400 KI-Unternehmen und 39,2 Milliarden", "de", false))
                .extracting(Figures.Written::value).containsExactly(2400.0, 39.2);
        assertThat(Figures.in("rose by 40.6% to 1,812 from just one", "en", true))
                .extracting(Figures.Written::value).containsExactly(40.6, 1812.0, 1.0);
    }

    record Run(int exit, String out) {
    }

    static Run check(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.bare();
        cl.setOut(new PrintWriter(out));
        String[] all = Stream.concat(Stream.of("check"), Stream.of(args)).toArray(String[]::new);
        int exit = cl.execute(all);
        return new Run(exit, out.toString());
    }

    static void edit(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertThat(s).contains(from);
        Files.writeString(file, s.replace(from, to));
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void aFolderThatDoesNotLoadIsOneLinePerProblem(@TempDir Path dir) throws IOException {
        Run missing = check(dir.resolve("nope").toString());
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.out).contains("not a report folder");
        copy(AI_INDEX, dir);
        edit(dir.resolve("report.json"), "\"unit\": \"USD\"", "\"unit\": \"GBP\"");
        Run broken = check(dir.toString(), "--no-cross-validation");
        assertThat(broken.exit).isEqualTo(1);
        assertThat(broken.out).contains("has unknown unit \"GBP\"").doesNotContain("Exception");
    }

    @Test
    void loadsTheFolderItChecks() {
        assertThat(ReportFolders.load(AI_INDEX, Optional.empty()).report().facts()).hasSizeGreaterThanOrEqualTo(12);
    }
}
