package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the real process: no locale, lone carriage returns, broken JSON lines, a 64 MB line, a closed pipe. */
class BadInputProcessIT {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Result(int code, String out, String err) {
    }

    /** Runs to the end; stdout must be valid UTF-8 (decoded strictly). */
    private Result run(ProcessBuilder pb, Path stdin) throws Exception {
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Files.createFile(dir.resolve("empty-" + System.nanoTime())).toFile())
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process ends").isTrue();
        String stdout = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(out))).toString();
        return new Result(p.exitValue(), stdout, Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void askAnswersAUtf8QuestionGivenAsAnArgumentWithNoLocale() throws Exception {
        Result r = run(LocalelessProcess.builder("ask", "Wie viele Einhörner?"), null);
        System.out.println("env -i ask \"Wie viele Einhörner?\" → exit " + r.code() + ": " + r.out().lines().findFirst().orElse(""));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("36 Einhorn").contains("„").doesNotContain("?rner").doesNotContain("\uFFFD");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void anArgumentThatIsNotUtf8EitherIsRefusedWithOneLineNotAnsweredMangled() throws Exception {
        // a Latin-1 "ö" (byte 0xF6) under no locale: neither the JVM nor /proc/self/cmdline can make text of it
        List<String> java = LocalelessProcess.builder("ask", "x").command();
        String command = String.join(" ", java.subList(0, java.size() - 2).stream().map(a -> "'" + a + "'").toList())
                + " ask \"$(printf 'Wie viele Einh\\366rner?')\"";
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "exec " + command);
        pb.environment().clear();
        pb.environment().put("REPORTBOT_CACHE_DIR", "off");
        Result r = run(pb, null);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("an argument arrived garbled").contains("ANSI_X3.4-1968").contains("LANG=C.UTF-8");
    }

    @Test
    void jsonlReadsAndWritesUtf8WithNoLocaleOneAnswerPerLineAndErrorObjectsForBrokenJson() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.write(in, ("Wie viele Einhörner?\r\n"
                + "Wie viele\rEinhörner gibt es?\n"
                + "{\"conversation\": 5, \"text\": null}\n"
                + "{\"conversation\": \"c1\", \"text\": \"Wie viele Einhörner?\"\n"
                + "[\"Wie viele Einhörner?\"]\n"
                + "{unicorns} – how many?\n").getBytes(StandardCharsets.UTF_8));
        Result r = run(LocalelessProcess.builder("ask", "--jsonl"), in);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(6);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("question").asText()).isEqualTo("Wie viele Einhörner?");
        assertThat(first.get("answer").asText()).contains("36").contains("„");
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("question").asText()).isEqualTo("Wie viele\rEinhörner gibt es?");
        assertThat(second.get("answer").asText()).contains("36");
        for (int i = 2; i <= 4; i++) {
            JsonNode e = JSON.readTree(lines.get(i));
            assertThat(e.get("error").asText()).as(lines.get(i)).isEqualTo("malformed_json");
            assertThat(e.get("line").asInt()).isEqualTo(i + 1);
            assertThat(e.has("answer")).isFalse();
            assertThat(r.err()).contains("line " + (i + 1) + " not answered");
        }
        JsonNode last = JSON.readTree(lines.get(5));
        assertThat(last.get("question").asText()).isEqualTo("{unicorns} – how many?");
        assertThat(last.has("error")).isFalse();
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void a64MegabyteLineInA256MegabyteHeapGetsAnErrorAndTheNextLineIsAnswered() throws Exception {
        Path in = dir.resolve("big.txt");
        try (OutputStream o = Files.newOutputStream(in)) {
            o.write("How many unicorns?\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "ö".repeat(512 * 1024).getBytes(StandardCharsets.UTF_8); // 1 MB of bytes
            for (int i = 0; i < 64; i++) {
                o.write(chunk);
            }
            o.write("\nWie viele Einhörner?\n".getBytes(StandardCharsets.UTF_8));
        }
        long t0 = System.nanoTime();
        Result r = run(LocalelessProcess.builder(List.of("-Xmx256m"), Map.of(), "ask", "--jsonl"), in);
        System.out.printf("64 MB line with -Xmx256m: exit %d in %.1f s%n", r.code(), (System.nanoTime() - t0) / 1e9);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(0)).get("answer").asText()).contains("36");
        JsonNode big = JSON.readTree(lines.get(1));
        assertThat(big.get("error").asText()).isEqualTo("line_too_long");
        assertThat(big.get("message").asText()).contains("33,554,432 characters");
        assertThat(JSON.readTree(lines.get(2)).get("answer").asText()).contains("36");
    }

    @Test
    void jsonlStopsWhenStandardOutputIsClosed() throws Exception {
        int total = 400_000;
        Path in = dir.resolve("many.txt");
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            for (int i = 0; i < total; i++) {
                w.write(i % 2 == 0 ? "Wie viele Einhörner?\n" : "How many listed AI companies?\n");
            }
        }
        Path err = dir.resolve("pipe-err.txt");
        ProcessBuilder pb = LocalelessProcess.builder("ask", "--jsonl")
                .redirectInput(in.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).contains("36");
        } // like `| head -1`: the reading end is closed
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the process stops").isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("stopped after line (\\d+)").matcher(stderr);
        assertThat(m.find()).as(stderr).isTrue();
        long stoppedAt = Long.parseLong(m.group(1));
        System.out.println("ask --jsonl | head -1 on " + total + " lines: stopped after line " + stoppedAt + ", exit " + p.exitValue());
        assertThat(stoppedAt).isLessThan(total);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(stderr).doesNotContain("\tat ");
    }
}
