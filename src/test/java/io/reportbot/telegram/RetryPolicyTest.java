package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofMinutes(1));

    @Test
    void backoffGrowsWithJitterAndIsCapped() {
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1, random).toMillis()).isBetween(50L, 100L);
            assertThat(policy.backoff(3, random).toMillis()).isBetween(200L, 400L);
            assertThat(policy.backoff(10, random).toMillis()).isBetween(1000L, 2000L);
            assertThat(policy.backoff(64, random).toMillis()).isBetween(1000L, 2000L);
        }
    }

    @Test
    void readsRetryAfterFromTheBodyOrTheHeader() {
        assertThat(RetryInterceptor.retryAfter(response("{\"ok\":false,\"error_code\":429,\"parameters\":"
                + "{\"retry_after\":7}}", null))).contains(Duration.ofSeconds(7));
        assertThat(RetryInterceptor.retryAfter(response("Too many", "3"))).contains(Duration.ofSeconds(3));
        assertThat(RetryInterceptor.retryAfter(response("{}", null))).isEmpty();
    }

    private static Response response(String body, String retryAfterHeader) {
        Response.Builder b = new Response.Builder().request(new Request.Builder().url("http://127.0.0.1/x").build())
                .protocol(Protocol.HTTP_1_1).code(429).message("Too Many Requests")
                .body(ResponseBody.create(body, MediaType.get("application/json")));
        if (retryAfterHeader != null) {
            b.header("Retry-After", retryAfterHeader);
        }
        return b.build();
    }
}
