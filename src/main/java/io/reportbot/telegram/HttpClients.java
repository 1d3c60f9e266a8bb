package io.reportbot.telegram;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import io.reportbot.ops.BotEvents;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Builds the OkHttp clients for polling and for sending, both with the token and retry interceptors. */
final class HttpClients {
    private HttpClients() {
    }

    /**
     * Ends a long poll in flight for a shutdown, so that it looks to telegrambots like an empty answer rather than
     * an error. (Cancelling the OkHttp call would not do: OkHttp turns any response of a cancelled call into
     * "IOException: Canceled", which telegrambots logs as an error.) Thread-safe.
     */
    static final class PollAbort {
        private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
        private volatile boolean stopping;

        boolean stopping() {
            return stopping;
        }

        /** From now on every poll ends at once with no updates; the one in flight too. */
        void abort() {
            stopping = true;
            for (Socket s : sockets) {
                closeQuietly(s);
            }
        }

        /** Outermost: a poll that failed because of {@link #abort()} becomes {@code {"ok":true,"result":[]}}. */
        Interceptor emptyOnAbort() {
            return chain -> {
                try {
                    if (stopping) {
                        throw new IOException("stopping");
                    }
                    return chain.proceed(chain.request());
                } catch (IOException e) {
                    if (!stopping) {
                        throw e;
                    }
                    return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200)
                            .message("OK (stopping)")
                            .body(ResponseBody.create("{\"ok\":true,\"result\":[]}", MediaType.get("application/json")))
                            .build();
                }
            };
        }

        /** A network interceptor that remembers the socket of the poll in flight. */
        Interceptor trackSocket() {
            return chain -> {
                Socket socket = chain.connection() == null ? null : chain.connection().socket();
                if (socket == null) {
                    return chain.proceed(chain.request());
                }
                sockets.add(socket);
                try {
                    if (stopping) {
                        closeQuietly(socket);
                    }
                    return chain.proceed(chain.request());
                } finally {
                    sockets.remove(socket);
                }
            };
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** For getUpdates: the read timeout outlasts the long poll; {@code abort} ends it early on shutdown. */
    static OkHttpClient forPolling(TelegramSettings settings, PollAbort abort) {
        return forPolling(settings, abort, BotEvents.NONE);
    }

    static OkHttpClient forPolling(TelegramSettings settings, PollAbort abort, BotEvents events) {
        return common(new OkHttpClient.Builder().addInterceptor(abort.emptyOnAbort()), settings, abort::stopping, events,
                RetryWaits.NONE)
                .addNetworkInterceptor(abort.trackSocket())
                .readTimeout(Duration.ofSeconds(settings.pollTimeoutSeconds() + 15L))
                .build();
    }

    /** For everything else: sendMessage, answerCallbackQuery, ... */
    static OkHttpClient forSending(TelegramSettings settings) {
        return forSending(settings, BotEvents.NONE);
    }

    static OkHttpClient forSending(TelegramSettings settings, BotEvents events) {
        return forSending(settings, events, RetryWaits.NONE);
    }

    /** As above; {@code waits} is told when a call waits before a retry. */
    static OkHttpClient forSending(TelegramSettings settings, BotEvents events, RetryWaits waits) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(64);
        return common(new OkHttpClient.Builder(), settings, () -> false, events, waits)
                .dispatcher(dispatcher)
                .readTimeout(Duration.ofSeconds(20))
                .build();
    }

    private static OkHttpClient.Builder common(OkHttpClient.Builder builder, TelegramSettings settings,
                                               BooleanSupplier giveUp, BotEvents events, RetryWaits waits) {
        return builder
                .connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(20))
                // retries are ours (RetryInterceptor), so that they are counted, logged and backed off
                .retryOnConnectionFailure(false)
                .addInterceptor(new RetryInterceptor(settings.retry(), giveUp, events, waits))
                .addInterceptor(new TokenInterceptor(settings.token()));
    }

    /** Lets a client's threads end and drops its idle connections. */
    static void release(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
