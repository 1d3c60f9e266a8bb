package io.reportbot.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health and metrics endpoint (JDK {@link HttpServer}, GET only):
 * <ul>
 *   <li>{@code /healthz}: {@code {"up":true,"platforms":{"telegram":true,"discord":false}}}, status 200 when every
 *   configured platform is connected and 503 otherwise; with shared state in Redis also {@code "redis":"up"} or
 *   {@code "redis":"down"} (503 while down);</li>
 *   <li>{@code /metrics}: the {@link Metrics} in the Prometheus text format.</li>
 * </ul>
 * Binds to 127.0.0.1 unless told otherwise. Thread-safe; start once, stop once.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts listening.
     *
     * @param host      the address to bind (127.0.0.1 by default)
     * @param port      the port, 0 for any free one
     * @param metrics   what {@code /metrics} shows
     * @param platforms each configured platform and whether it is connected now
     * @throws IOException when the address cannot be bound
     */
    public static OpsServer start(String host, int port, Metrics metrics, Map<String, BooleanSupplier> platforms)
            throws IOException {
        return start(host, port, metrics, platforms, Map.of());
    }

    /**
     * Starts listening, reporting shared stores beside the platforms.
     *
     * @param stores each shared store by name (e.g. {@code redis}) and whether it answers now
     * @throws IOException when the address cannot be bound
     */
    public static OpsServer start(String host, int port, Metrics metrics, Map<String, BooleanSupplier> platforms,
                                  Map<String, BooleanSupplier> stores) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "reportbot-ops-http");
            t.setDaemon(true);
            return t;
        });
        Map<String, BooleanSupplier> copy = new LinkedHashMap<>(platforms);
        Map<String, BooleanSupplier> storesCopy = new LinkedHashMap<>(stores);
        server.createContext("/healthz", ex -> handle(ex, () -> health(copy, storesCopy)));
        server.createContext("/metrics", ex -> handle(ex, () -> new Response(200,
                "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())));
        server.setExecutor(executor);
        server.start();
        OpsServer ops = new OpsServer(server, executor);
        LOG.info("health and metrics on http://{}:{}/healthz and /metrics", host, ops.port());
        return ops;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    private record Response(int status, String contentType, String body) {
    }

    static Response health(Map<String, BooleanSupplier> platforms) {
        return health(platforms, Map.of());
    }

    static Response health(Map<String, BooleanSupplier> platforms, Map<String, BooleanSupplier> stores) {
        StringBuilder sb = new StringBuilder("{\"up\":true,\"platforms\":{");
        boolean allUp = true;
        int n = 0;
        for (Map.Entry<String, BooleanSupplier> e : platforms.entrySet()) {
            boolean connected = ask(e.getValue());
            allUp &= connected;
            sb.append(n++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":").append(connected);
        }
        sb.append('}');
        for (Map.Entry<String, BooleanSupplier> e : stores.entrySet()) {
            boolean up = ask(e.getValue());
            allUp &= up;
            sb.append(",\"").append(e.getKey()).append("\":\"").append(up ? "up" : "down").append('"');
        }
        sb.append('}');
        return new Response(allUp ? 200 : 503, "application/json", sb.toString());
    }

    private static boolean ask(BooleanSupplier s) {
        try {
            return s.getAsBoolean();
        } catch (RuntimeException ex) {
            return false;
        }
    }

    private static void handle(HttpExchange ex, java.util.function.Supplier<Response> what) throws IOException {
        try (ex) {
            Response r;
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                r = new Response(405, "text/plain", "GET only\n");
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
            } else {
                r = what.get();
            }
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(r.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("ops endpoint failed: {}", e.toString());
        }
    }

    /** Stops listening at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
