package io.reportbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.state.RedisServer;
import io.reportbot.state.SharedState;
import io.reportbot.state.StateSettings;
import io.reportbot.state.StateStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With shared state in a real Redis, /healthz and /metrics follow Redis going down and coming back. */
class RedisHealthTest {

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> awaitHealth(int port, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HttpResponse<String> r = get(port, "/healthz");
        while (r.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = get(port, "/healthz");
        }
        return r;
    }

    @Test
    void redisDownIsA503WithRedisDownAndCountedFailuresThenHealthyAgain() throws Exception {
        Metrics metrics = new Metrics();
        try (RedisServer redis = RedisServer.startNew();
             SharedState state = StateStores.open(StateSettings.redis(redis.url()), metrics.stateListener());
             OpsServer ops = OpsServer.start("127.0.0.1", 0, metrics, Map.of("telegram", () -> true),
                     Map.of("redis", state::available))) {
            HttpResponse<String> up = awaitHealth(ops.port(), 200);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"up\":true,\"platforms\":{\"telegram\":true},\"redis\":\"up\"}");

            redis.kill();
            HttpResponse<String> down = awaitHealth(ops.port(), 503);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"redis\":\"down\"").contains("\"telegram\":true");
            state.choices().get("x"); // an answering thread meets the outage
            String scraped = get(ops.port(), "/metrics").body();
            assertThat(scraped).contains("reportbot_state_available 0.0")
                    .containsPattern("reportbot_state_failures_total\\{operation=\"ping\"} [1-9]")
                    .contains("reportbot_state_failures_total{operation=\"choice\"} 1.0")
                    .contains("reportbot_state_failures_total{operation=\"ledger\"} 0.0");

            redis.start();
            HttpResponse<String> back = awaitHealth(ops.port(), 200);
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.body()).contains("\"redis\":\"up\"");
            assertThat(get(ops.port(), "/metrics").body()).contains("reportbot_state_available 1.0");
        }
    }

    @Test
    void withoutSharedStateHealthSaysNothingOfRedis() throws Exception {
        try (OpsServer ops = OpsServer.start("127.0.0.1", 0, new Metrics(), Map.of("telegram", () -> true))) {
            HttpResponse<String> r = get(ops.port(), "/healthz");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"up\":true,\"platforms\":{\"telegram\":true}}");
        }
    }
}
