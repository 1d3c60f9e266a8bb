package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportbot serve} with Discord only, as a real process against {@link FakeDiscord}: the token from a config
 * file readable only by its owner, the channel allow-list, /healthz and /metrics, SIGTERM, and no token in the output.
 */
class ServeDiscordIT {
    private static final Pattern PORT = Pattern.compile("health and metrics on http://127\\.0\\.0\\.1:(\\d+)/healthz");

    @TempDir
    Path dir;

    private static String get(int port, String path, int expectedStatus) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(expectedStatus);
        return r.body();
    }

    @Test
    void servesDiscordFromAConfigFileWithHealthAndMetrics() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            Path config = dir.resolve("reportbot.properties");
            Files.writeString(config, "discord.token=" + DiscordBotIT.TOKEN + "\ndiscord.apiUrl=" + discord.apiUrl()
                    + "\ndiscord.gatewayUrl=" + discord.gatewayUrl() + "\ndiscord.allowedChannels="
                    + FakeDiscord.DM_CHANNEL_ID + "\ndiscord.shutdownTimeoutSeconds=5\n");
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
            Path log = dir.resolve("stderr.txt");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dlogback.configurationFile=" + Path.of("target/classes/logback.xml").toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"), "io.reportbot.cli.Main", "serve",
                    "--config", config.toString(), "--metrics-port", "0")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("TELEGRAM_") || k.startsWith("DISCORD_")
                    || k.startsWith("REPORTBOT_"));
            pb.environment().put("REPORTBOT_LOG_LEVEL", "DEBUG");
            Process process = pb.start();
            try {
                discord.awaitRequest("command registration", 0, r -> r.method().equals("PUT"));
                FakeDiscord.await("the metrics port", Duration.ofSeconds(30),
                        () -> PORT.matcher(read(log)).find());
                Matcher m = PORT.matcher(read(log));
                assertThat(m.find()).isTrue();
                int port = Integer.parseInt(m.group(1));
                FakeDiscord.await("connected", Duration.ofSeconds(20), () -> {
                    try {
                        return get(port, "/healthz", 200).contains("\"discord\":true");
                    } catch (Throwable e) {
                        return false;
                    }
                });

                ObjectNode ask = discord.slashCommand("ask", "de", "question", "Wie viele Einhörner gibt es in Peking?");
                int from = discord.requests().size();
                discord.dispatchInteraction(ask);
                discord.awaitRequest("the answer", from, r -> r.path().contains("/interactions/" + ask.path("id").asText() + "/"));

                String metrics = get(port, "/metrics", 200);
                assertThat(metrics).contains("platform=\"discord\"").contains("reportbot_answer_seconds_count{platform=\"discord\"} 1")
                        .doesNotContain(DiscordBotIT.TOKEN).doesNotContain("itoken-").doesNotContain("Einhörner")
                        .doesNotContain(Long.toString(FakeDiscord.USER_ID));
                assertThat(get(port, "/healthz", 200)).isEqualTo("{\"up\":true,\"platforms\":{\"discord\":true}}");

                process.destroy(); // SIGTERM
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
                assertThat(process.exitValue()).isZero();
            } finally {
                process.destroyForcibly();
            }
            String output = read(log);
            assertThat(output).contains("Discord bot stopped").doesNotContain(DiscordBotIT.TOKEN)
                    .doesNotContain("fake-token-for-tests-only").doesNotContain("itoken-") // the fake's interaction tokens
                    .doesNotContain("warning: the config file");
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
