package io.reportbot.telegram;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load balancer for tests on 127.0.0.1: each POST goes to the next upstream in turn, with its secret header; an
 * upstream that cannot be reached gives 502 (the sender retries, as Telegram does). Thread-safe.
 */
final class RoundRobinProxy implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<URI> upstreams;
    private final AtomicLong next = new AtomicLong();
    private final Map<Integer, Integer> acceptedBy = new ConcurrentHashMap<>();
    private static final Pattern UPDATE_ID = Pattern.compile("\"update_id\"\\s*:\\s*(\\d+)");

    RoundRobinProxy(List<URI> upstreams) throws IOException {
        this.upstreams = List.copyOf(upstreams);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            int upstream = (int) Math.floorMod(next.getAndIncrement(), (long) upstreams.size());
            URI target = upstreams.get(upstream);
            int status;
            try {
                String secret = exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token");
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("X-Telegram-Bot-Api-Secret-Token", secret == null ? "" : secret)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                status = r.statusCode();
                Matcher m = UPDATE_ID.matcher(new String(body, StandardCharsets.UTF_8));
                if (status == 200 && m.find()) {
                    acceptedBy.put(Integer.parseInt(m.group(1)), upstream);
                }
            } catch (IOException e) {
                status = 502;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 502;
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** Which upstream (its index) acknowledged each update id with 200. */
    Map<Integer, Integer> acceptedBy() {
        return Map.copyOf(acceptedBy);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
