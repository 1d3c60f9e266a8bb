package io.reportbot.telegram;

import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the real token into the request URL at the last moment. telegrambots only ever sees
 * {@link #PLACEHOLDER}, so no URL, exception or {@code toString()} it produces can contain the token; and
 * an {@link IOException} that comes back through here is redacted before it travels further.
 *
 * <p>Thread-safe.
 */
final class TokenInterceptor implements Interceptor {
    /** The token telegrambots is given: well-formed, and worthless. */
    static final String PLACEHOLDER = "0:reportbot-token-placeholder";
    private static final String SEGMENT = "bot" + PLACEHOLDER;

    private final BotToken token;
    private final Redactor redactor;

    TokenInterceptor(BotToken token) {
        this.token = token;
        this.redactor = new Redactor(token);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        List<String> segments = url.pathSegments();
        int i = segments.indexOf(SEGMENT);
        if (i >= 0) {
            request = request.newBuilder().url(url.newBuilder().setPathSegment(i, "bot" + token.reveal()).build()).build();
        }
        try {
            return chain.proceed(request);
        } catch (IOException e) {
            throw redacted(e);
        }
    }

    private IOException redacted(IOException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains(token.reveal())) {
                IOException clean = new IOException(redactor.describe(e));
                clean.setStackTrace(e.getStackTrace());
                return clean;
            }
        }
        return e;
    }
}
