package io.reportbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code reportbot ask --jsonl} run as a separate JVM on the test class path: questions in on standard input,
 * one JSON reply a line out, standard error kept for the load-time warnings.
 *
 * @param replies one reply per question, in order
 * @param stderr  everything the process wrote to standard error
 * @param exit    its exit code
 */
public record AskJsonl(List<JsonNode> replies, String stderr, int exit) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A question in a conversation (or alone when {@code conversation} is null). */
    public record Question(String text, String conversation) {
    }

    public static AskJsonl run(List<String> args, List<Question> questions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + Path.of("target/classes/logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "io.reportbot.cli.Main", "ask", "--jsonl"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("TELEGRAM_") || k.startsWith("DISCORD_")
                || k.startsWith("REPORTBOT_") && !k.equals("REPORTBOT_CACHE_DIR"));
        Path err = java.nio.file.Files.createTempFile("ask-stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            for (Question q : questions) {
                var node = MAPPER.createObjectNode().put("text", q.text());
                if (q.conversation() != null) {
                    node.put("conversation", q.conversation());
                }
                in.write((MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("reportbot ask did not finish");
        }
        List<JsonNode> replies = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                replies.add(MAPPER.readTree(line));
            }
        }
        String stderr = java.nio.file.Files.readString(err, StandardCharsets.UTF_8);
        java.nio.file.Files.deleteIfExists(err);
        return new AskJsonl(replies, stderr, p.exitValue());
    }

    /** The answer text of the n-th reply. */
    public String answer(int n) {
        return replies.get(n).path("answer").asText();
    }
}
