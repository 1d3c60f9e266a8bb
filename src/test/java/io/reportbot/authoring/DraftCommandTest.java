package io.reportbot.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.reportfolder.ReportFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code draft} writes a folder that loads, and {@code check} fails on it until the TODOs are resolved. */
class DraftCommandTest {

    @Test
    void aDraftLoadsButFailsCheckWithItsTodos(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("draft");
        ReportCheckTest.Run draft = run("draft", "src/test/resources/reports/ai-index-2024/source.txt", out.toString());
        assertThat(draft.exit()).as(draft.out()).isZero();
        assertThat(draft.out()).contains("21 sentences (en), 20 with figures");

        var folder = ReportFolders.load(out, Optional.empty());
        assertThat(folder.report().facts()).hasSize(20);
        assertThat(folder.report().facts().get(0).source()).startsWith("The United States pulled further ahead");
        assertThat(folder.report().facts().get(0).values().get("v1").amount()).isEqualTo(67.2e9);
        assertThat(folder.report().currencies()).containsKey("USD");
        assertThat(folder.report().years()).contains(2016, 2022, 2023);
        assertThat(folder.intents()).extracting(i -> i.name()).contains("topic_1", "greeting", "out_of_scope");

        ReportCheckTest.Run check = ReportCheckTest.check(out.toString(), "--no-cross-validation");
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("unresolved TODO").contains("it needs at least 20");
    }

    @Test
    void aSecondDraftIntoTheSameFolderIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("report.json"), "{}");
        ReportCheckTest.Run r = run("draft", "src/test/resources/reports/ai-index-2024/source.txt", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
    }

    static ReportCheckTest.Run run(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = io.reportbot.cli.Main.bare();
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(out));
        return new ReportCheckTest.Run(cl.execute(args), out.toString());
    }
}
