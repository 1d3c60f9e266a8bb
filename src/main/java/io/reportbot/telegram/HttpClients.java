package io.reportbot.telegram;

import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** Builds the OkHttp clients for polling and for sending, both with the token and retry interceptors. */
final class HttpClients {
    private HttpClients() {
    }

    /** For getUpdates: the read timeout outlasts the long poll. */
    static OkHttpClient forPolling(TelegramSettings settings) {
        return base(settings)
                .readTimeout(Duration.ofSeconds(settings.pollTimeoutSeconds() + 15L))
                .build();
    }

    /** For everything else: sendMessage, answerCallbackQuery, ... */
    static OkHttpClient forSending(TelegramSettings settings) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(64);
        return base(settings)
                .dispatcher(dispatcher)
                .readTimeout(Duration.ofSeconds(20))
                .build();
    }

    private static OkHttpClient.Builder base(TelegramSettings settings) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(20))
                // retries are ours (RetryInterceptor), so that they are counted, logged and backed off
                .retryOnConnectionFailure(false)
                .addInterceptor(new RetryInterceptor(settings.retry()))
                .addInterceptor(new TokenInterceptor(settings.token()));
    }
}
