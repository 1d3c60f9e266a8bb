package io.reportbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final String SECRET_QUESTION = "Wie viele Einhörner gibt es in Peking? user 4242";

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Engine engine() {
        Engine engine = mock(Engine.class);
        when(engine.answer(any())).thenAnswer(inv -> {
            Inbound in = inv.getArgument(0);
            boolean fallback = in.text().contains("Wetter");
            return new Reply(fallback ? Language.DE : Language.DE, fallback ? "fallback" : "unicorns.count", 0.9,
                    fallback, "Antwort", List.of(), List.of(), List.of());
        });
        return engine;
    }

    @Test
    void questionsFallbacksLatencyAndAdapterEventsShowUpInPrometheusFormat() throws Exception {
        Metrics metrics = new Metrics();
        Engine metered = new MeteredEngine(engine(), metrics.registry());
        metered.answer(Inbound.of(SECRET_QUESTION, "telegram:4242", "telegram"));
        metered.answer(Inbound.of(SECRET_QUESTION, "telegram:4242", "telegram"));
        metered.answer(Inbound.of("Wie wird das Wetter?", "discord:1:2", "discord"));
        metered.answer(Inbound.of("x", "c", "some-new-platform"));
        metrics.retry("telegram", "http_429");
        metrics.rateLimited("discord", "chat");
        metrics.platformError("telegram", "send");
        metrics.notAllowed("telegram");

        String text = metrics.scrape();
        assertThat(text)
                .contains("reportbot_questions_total{intent=\"unicorns.count\",lang=\"de\",platform=\"telegram\"} 2.0")
                .contains("reportbot_questions_total{intent=\"fallback\",lang=\"de\",platform=\"discord\"} 1.0")
                .contains("reportbot_fallbacks_total{lang=\"de\",platform=\"discord\"} 1.0")
                .contains("reportbot_questions_total{intent=\"unicorns.count\",lang=\"de\",platform=\"other\"} 1.0")
                .contains("reportbot_answer_seconds_bucket{platform=\"telegram\",le=")
                .contains("reportbot_answer_seconds_count{platform=\"telegram\"} 2")
                .contains("reportbot_platform_retries_total{platform=\"telegram\",reason=\"http_429\"} 1.0")
                .contains("reportbot_rate_limited_total{platform=\"discord\",scope=\"chat\"} 1.0")
                .contains("reportbot_platform_errors_total{kind=\"send\",platform=\"telegram\"} 1.0")
                .contains("reportbot_not_allowed_total{platform=\"telegram\"} 1.0")
                // no question text and no chat id in any label (a JVM gauge's value may happen to hold the digits)
                .doesNotContain("Einhörner").doesNotContain("telegram:4242").doesNotContain("\"4242\"")
                .doesNotContain("=\"4242");
    }

    @Test
    void healthzAndMetricsAnswerOverHttpOnLoopback() throws Exception {
        Metrics metrics = new Metrics();
        new MeteredEngine(engine(), metrics.registry()).answer(Inbound.of("Wie viele?", "c", "telegram"));
        AtomicBoolean discordUp = new AtomicBoolean(true);
        Map<String, BooleanSupplier> platforms = new LinkedHashMap<>();
        platforms.put("telegram", () -> true);
        platforms.put("discord", discordUp::get);
        try (OpsServer ops = OpsServer.start("127.0.0.1", 0, metrics, platforms)) {
            HttpResponse<String> health = get(ops.port(), "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"up\":true,\"platforms\":{\"telegram\":true,\"discord\":true}}");
            assertThat(health.headers().firstValue("Content-Type")).contains("application/json");

            discordUp.set(false);
            HttpResponse<String> down = get(ops.port(), "/healthz");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"discord\":false");

            HttpResponse<String> m = get(ops.port(), "/metrics");
            assertThat(m.statusCode()).isEqualTo(200);
            assertThat(m.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            assertThat(m.body()).contains("reportbot_questions_total{intent=\"unicorns.count\",lang=\"de\",platform=\"telegram\"} 1.0")
                    .contains("jvm_memory_used_bytes");

            HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ops.port() + "/metrics")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }
}
