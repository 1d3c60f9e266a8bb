package io.reportbot.discord;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries, once, the two requests of an interaction that JDA does not retry and that leave the user with nothing
 * when they fail:
 * <ul>
 *   <li>the interaction callback (the first response, {@code POST interactions/{id}/{token}/callback}) after a
 *       500 or a dropped connection, but only while the interaction is younger than {@code callbackDeadline}
 *       (Discord allows 3 s for it; the interaction's age comes from its snowflake id). JDA marks an interaction
 *       acknowledged as soon as a reply is sent, so it cannot be retried above the HTTP layer;</li>
 *   <li>the edit of a deferred reply ({@code PATCH webhooks/{app}/{token}/messages/@original}) after a 500 or a
 *       dropped connection, after {@code editPause}. An edit is idempotent; the token stays valid 15 minutes.</li>
 * </ul>
 * Every other request passes unchanged (JDA itself retries 502–504 and 429s). A retried callback that Discord had
 * in fact received before the connection broke is refused (40060, already acknowledged), which JDA reports as a
 * failure: the same outcome as without the retry. Logs name the interaction id, never the URL (it holds the token).
 *
 * <p>Immutable and thread-safe; an OkHttp application interceptor.
 */
final class InteractionRetry implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionRetry.class);
    static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private final Clock clock;
    private final Duration callbackDeadline;
    private final Duration editPause;

    InteractionRetry(Clock clock, Duration callbackDeadline, Duration editPause) {
        this.clock = clock;
        this.callbackDeadline = callbackDeadline;
        this.editPause = editPause;
    }

    /** Retries callbacks of interactions younger than 2.5 s, and edits after 250 ms. */
    static InteractionRetry standard() {
        return new InteractionRetry(Clock.systemUTC(), Duration.ofMillis(2500), Duration.ofMillis(250));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        List<String> path = request.url().pathSegments();
        int n = path.size();
        if (request.method().equals("POST") && n >= 4 && path.get(n - 4).equals("interactions")
                && path.get(n - 1).equals("callback")) {
            return callback(chain, request, path.get(n - 3));
        }
        if (request.method().equals("PATCH") && n >= 5 && path.get(n - 5).equals("webhooks")
                && path.get(n - 2).equals("messages") && path.get(n - 1).equals("@original")) {
            return edit(chain, request);
        }
        return chain.proceed(request);
    }

    private Response callback(Chain chain, Request request, String interactionId) throws IOException {
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            if (!inTime(interactionId)) {
                throw e;
            }
            LOG.warn("interaction {}: the callback failed ({}); retrying once", interactionId, e.getClass().getSimpleName());
            return chain.proceed(request);
        }
        if (response.code() != 500 || !inTime(interactionId)) {
            return response;
        }
        response.close();
        LOG.warn("interaction {}: the callback got HTTP 500; retrying once", interactionId);
        return chain.proceed(request);
    }

    private Response edit(Chain chain, Request request) throws IOException {
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            LOG.warn("editing a deferred reply failed ({}); retrying once", e.getClass().getSimpleName());
            pause();
            return chain.proceed(request);
        }
        if (response.code() != 500) {
            return response;
        }
        response.close();
        LOG.warn("editing a deferred reply got HTTP 500; retrying once");
        pause();
        return chain.proceed(request);
    }

    /** Whether the interaction with this snowflake id is young enough for a second callback. */
    boolean inTime(String interactionId) {
        long created;
        try {
            created = (Long.parseUnsignedLong(interactionId) >>> 22) + DISCORD_EPOCH;
        } catch (NumberFormatException e) {
            return false;
        }
        return clock.millis() - created < callbackDeadline.toMillis();
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(editPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted before retrying an edit");
        }
    }
}
