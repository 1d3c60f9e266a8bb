package io.reportbot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code reportbot} run as a separate JVM on the test class path, as a user would run it: with a clean
 * environment (no TELEGRAM_, DISCORD_ or REPORTBOT_ variables but those given, and a state folder of its own in
 * {@code XDG_STATE_HOME}), the production logging set-up,
 * and its standard error collected line by line.
 *
 * @param process the running process
 * @param stderr  what it wrote to standard error so far (thread-safe)
 */
public record ReportbotProcess(Process process, List<String> stderr) {

    public static ReportbotProcess start(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the production logging set-up (stderr), not the tests' logback-test.xml on the class path
                "-Dlogback.configurationFile=" + Path.of("target/classes/logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "io.reportbot.cli.Main"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("TELEGRAM_") || k.startsWith("DISCORD_")
                || k.startsWith("REPORTBOT_"));
        // its own state folder (the Telegram update ledger's default place), so that runs never share one
        pb.environment().put("XDG_STATE_HOME", java.nio.file.Files.createTempDirectory("reportbot-state").toString());
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new ReportbotProcess(p, lines);
    }

    /**
     * Sends SIGTERM and keeps reading standard error. {@link Process#destroy()} also sends SIGTERM, but it closes
     * this side of the pipes at once, so every line written while the process shuts down would be lost.
     */
    public void sigterm() {
        process.toHandle().destroy();
    }
}
