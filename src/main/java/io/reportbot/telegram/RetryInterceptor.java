package io.reportbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import io.reportbot.ops.BotEvents;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries Bot API calls that failed for reasons that pass: HTTP 429 after Telegram's {@code retry_after}; HTTP
 * 5xx, timeouts and dropped connections after a capped exponential backoff with jitter. Other answers (400, 401,
 * 403, ...) go back to the caller at once. Gives up after {@link RetryPolicy#maxAttempts()} and then returns the
 * last response or throws the last exception. {@code sendChatAction} (the "typing…" indicator) is best-effort: tried
 * once, never retried, so that it cannot hold up the answer it announces. Each wait before a retry is reported to
 * {@link RetryWaits} (the answering threads then let another chat go on).
 *
 * <p>Waits are cut short when the call is cancelled (on shutdown). Thread-safe.
 */
final class RetryInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLATFORM = "telegram";
    /** The one method not worth a retry (lower case). */
    private static final String BEST_EFFORT = "sendchataction";

    private final RetryPolicy policy;
    private final BooleanSupplier giveUp;
    private final BotEvents events;
    private final RetryWaits waits;

    /**
     * @param policy how often and how long to retry
     * @param giveUp true when retrying no longer makes sense (the bot is stopping)
     */
    RetryInterceptor(RetryPolicy policy, BooleanSupplier giveUp) {
        this(policy, giveUp, BotEvents.NONE);
    }

    /** As above, reporting each retry to {@code events}. */
    RetryInterceptor(RetryPolicy policy, BooleanSupplier giveUp, BotEvents events) {
        this(policy, giveUp, events, RetryWaits.NONE);
    }

    /** As above, telling {@code waits} when a call waits before a retry. */
    RetryInterceptor(RetryPolicy policy, BooleanSupplier giveUp, BotEvents events, RetryWaits waits) {
        this.policy = policy;
        this.giveUp = giveUp;
        this.events = events;
        this.waits = waits;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = methodName(chain.request().url().pathSegments());
        int maxAttempts = BEST_EFFORT.equals(method.toLowerCase(Locale.ROOT)) ? 1 : policy.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= maxAttempts;
            Response response;
            try {
                response = chain.proceed(chain.request());
            } catch (IOException e) {
                if (last || chain.call().isCanceled() || giveUp.getAsBoolean() || !retryable(e)) {
                    throw e;
                }
                Duration wait = policy.backoff(attempt, ThreadLocalRandom.current());
                LOG.warn("{} failed ({}), retry {} of {} in {} ms", method, e.getClass().getSimpleName(), attempt,
                        policy.maxAttempts() - 1, wait.toMillis());
                events.retry(PLATFORM, "io");
                pause(chain, wait);
                continue;
            }
            int code = response.code();
            if (code == 429) {
                Duration wait = retryAfter(response).orElseGet(() -> policy.backoff(1, ThreadLocalRandom.current()));
                if (last || wait.compareTo(policy.maxRetryAfter()) > 0) {
                    LOG.warn("{} rate-limited by Telegram (retry after {} s); giving up", method, wait.toSeconds());
                    return response;
                }
                response.close();
                LOG.warn("{} rate-limited by Telegram, retry {} of {} after {} ms as asked", method, attempt,
                        policy.maxAttempts() - 1, wait.toMillis());
                events.retry(PLATFORM, "http_429");
                pause(chain, wait);
            } else if (code >= 500 && !last) {
                response.close();
                Duration wait = policy.backoff(attempt, ThreadLocalRandom.current());
                LOG.warn("{} failed with HTTP {}, retry {} of {} in {} ms", method, code, attempt,
                        policy.maxAttempts() - 1, wait.toMillis());
                events.retry(PLATFORM, "http_5xx");
                pause(chain, wait);
            } else {
                return response;
            }
        }
    }

    /** The wait Telegram asks for: {@code parameters.retry_after} in the JSON body, else a Retry-After header. */
    static Optional<Duration> retryAfter(Response response) {
        try {
            JsonNode body = JSON.readTree(response.peekBody(64 * 1024).string());
            JsonNode seconds = body == null ? null : body.path("parameters").path("retry_after");
            if (seconds != null && seconds.canConvertToInt() && seconds.asInt() >= 0) {
                return Optional.of(Duration.ofSeconds(seconds.asInt()));
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall through to the header
        }
        String header = response.header("Retry-After");
        if (header != null && header.trim().matches("[0-9]{1,6}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        }
        return Optional.empty();
    }

    private static boolean retryable(IOException e) {
        // a timeout, a reset or an early end of stream; not a cancellation
        return !(e instanceof InterruptedIOException) || e instanceof java.net.SocketTimeoutException;
    }

    private void pause(Chain chain, Duration wait) throws IOException {
        waits.started();
        try {
            sleep(chain, wait);
        } finally {
            waits.ended();
        }
    }

    private void sleep(Chain chain, Duration wait) throws IOException {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            if (chain.call().isCanceled() || giveUp.getAsBoolean()) {
                throw new IOException("Canceled");
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to retry");
            }
        }
    }

    private static String methodName(List<String> segments) {
        return segments.isEmpty() ? "?" : segments.get(segments.size() - 1);
    }
}
