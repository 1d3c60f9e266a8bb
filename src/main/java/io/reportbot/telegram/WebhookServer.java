package io.reportbot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoint: Telegram POSTs each update as JSON; a request without the right
 * {@code X-Telegram-Bot-Api-Secret-Token} gets 401, a body that is not a JSON object 400. An update is acknowledged
 * with 200 only once it is answered (or dropped on purpose: an update that cannot be read is counted and skipped),
 * and with 503 when it should come again (the bot is stopping, or another replica holds it): so an update a replica
 * took but never answered, because it crashed, is redelivered by Telegram and answered by another replica. Binds to
 * 127.0.0.1 unless told otherwise: put a TLS proxy in front.
 *
 * <p>Thread-safe.
 */
final class WebhookServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
    private static final int MAX_BODY = 1 << 20;

    private final TelegramSettings.WebhookSettings settings;
    /** Takes one delivery and returns once it is answered: true to acknowledge it, false to have it sent again. */
    private final Predicate<PollRequest.Polled> sink;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);
    private HttpServer server;
    private ExecutorService executor;

    WebhookServer(TelegramSettings.WebhookSettings settings, Predicate<PollRequest.Polled> sink) {
        this.settings = settings;
        this.sink = sink;
    }

    void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bindHost(), settings.port()), 64);
        } catch (IOException e) {
            throw new TelegramStartException("cannot listen on " + settings.bindHost() + ":" + settings.port() + ": "
                    + e.getMessage());
        }
        // each request waits for its answer: as many as Telegram's default max_connections (40)
        executor = Executors.newFixedThreadPool(40, r -> {
            Thread t = new Thread(r, "telegram-webhook");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(settings.path(), this::handle);
        server.start();
        LOG.info("webhook endpoint listening on http://{}:{}{}", settings.bindHost(), port(), settings.path());
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        if (server != null) {
            server.stop(1);
            executor.shutdown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                respond(exchange, 405);
                return;
            }
            String secret = exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token");
            if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                    settings.secretToken().getBytes(StandardCharsets.UTF_8))) {
                LOG.warn("webhook request from {} without the right secret token, refused",
                        exchange.getRemoteAddress().getAddress().getHostAddress());
                respond(exchange, 401);
                return;
            }
            PollRequest.Polled update;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) {
                    respond(exchange, 413);
                    return;
                }
                JsonNode node = json.readTree(body);
                if (node == null || !node.isObject()) {
                    respond(exchange, 400);
                    return;
                }
                // read as getUpdates batches are: an update that cannot be read is counted and skipped (200), not
                // refused, or Telegram would send it again and again
                update = PollRequest.read(0, json.createArrayNode().add(node));
            } catch (IOException e) {
                respond(exchange, 400);
                return;
            }
            respond(exchange, sink.test(update) ? 200 : 503);
        } catch (UncheckedIOException e) {
            LOG.debug("webhook connection failed: {}", e.getMessage());
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        byte[] body = status == 200 ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
