package io.reportbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Bot API server on 127.0.0.1 for tests: answers getMe, deleteWebhook and setMyCommands, long-polls getUpdates
 * (holds the request until a batch is queued or its timeout passes), records every call with its JSON body, and
 * can be told to fail the next matching call with a status (429 with retry_after, 500) or a dropped connection.
 * Method names are matched case-insensitively, as telegrambots sends them in mixed case.
 */
public final class FakeBotApi implements AutoCloseable {
    static {
        // the JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed ACKs
        // add about 40 ms to every response, which a soak of thousands of calls would spend mostly waiting
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final long BOT_ID = 123456;
    static final String BOT_USERNAME = "reportbot_test_bot";

    /** One recorded request. {@code method} is lower case; {@code status} what the fake answered (0: dropped). */
    public record Call(String method, JsonNode body, int status, long nanoTime) {
        public long chatId() {
            return body.path("chat_id").asLong();
        }

        public String text() {
            return body.path("text").asText();
        }
    }

    /** A failure to serve instead of a normal answer. */
    record Fault(int status, String body) {
        static Fault tooManyRequests(int retryAfterSeconds) {
            return new Fault(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                    + retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}");
        }

        static Fault serverError() {
            return new Fault(500, "<html>Internal Server Error</html>");
        }

        static Fault dropConnection() {
            return new Fault(0, "");
        }
    }

    private record PlannedFault(String method, Predicate<JsonNode> when, Fault fault) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<String> batches = new LinkedBlockingQueue<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<PlannedFault> faults = new CopyOnWriteArrayList<>();
    private final List<String> wrongTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger(5000);
    private volatile long highestOffset;
    private volatile JsonNode lastPoll;
    private volatile boolean redeliver;
    /** In redelivery mode: updates handed out and not confirmed by an offset yet, by update_id. */
    private final java.util.TreeMap<Integer, String> unconfirmed = new java.util.TreeMap<>();
    private final java.util.Set<Integer> handedOut = new java.util.HashSet<>();
    private final AtomicInteger redelivered = new AtomicInteger();
    private final java.util.Map<String, Duration> delays = new java.util.concurrent.ConcurrentHashMap<>();

    public FakeBotApi(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues updates (JSON objects) to be returned together by one getUpdates. */
    public void deliver(String... updates) {
        batches.add("[" + String.join(",", updates) + "]");
    }

    /**
     * Behaves like Telegram with offsets: an update handed out is returned again by every getUpdates until one
     * confirms it (offset above its update_id); at most {@code limit} (100) at a time, oldest first. Off by default:
     * then each getUpdates returns the next queued batch, whatever its offset.
     */
    void redeliverUntilConfirmed() {
        redeliver = true;
    }

    /** Updates handed out that no getUpdates offset has confirmed yet (in redelivery mode). */
    int unconfirmed() {
        synchronized (unconfirmed) {
            return unconfirmed.size();
        }
    }

    /** How often an update was handed out again because no offset had confirmed it (in redelivery mode). */
    int redelivered() {
        return redelivered.get();
    }

    /** Answers every call of {@code method} only after {@code delay} (a slow Telegram). */
    void respondAfter(String method, Duration delay) {
        delays.put(method.toLowerCase(Locale.ROOT), delay);
    }

    /** Fails the next call of {@code method} whose body matches, once. */
    void failNext(String method, Predicate<JsonNode> when, Fault fault) {
        faults.add(new PlannedFault(method.toLowerCase(Locale.ROOT), when, fault));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls.stream().filter(c -> c.method().equals(m)).toList();
    }

    /** Successful sendMessage calls to one chat, in order. */
    public List<Call> messagesTo(long chatId) {
        return calls("sendMessage").stream().filter(c -> c.status() == 200 && c.chatId() == chatId).toList();
    }

    List<String> wrongTokens() {
        return List.copyOf(wrongTokens);
    }

    /** The highest offset a getUpdates call has confirmed (all updates below it were received). */
    long highestOffset() {
        return highestOffset;
    }

    /** The body of the latest getUpdates, as it arrived (before a long poll ends), or null. */
    JsonNode lastPoll() {
        return lastPoll;
    }

    /** Waits until the condition holds, failing after the timeout. */
    public static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            body = json.createObjectNode();
        }
        if (parts.length != 3 || !parts[1].equals("bot" + token)) {
            wrongTokens.add(path);
            respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
            return;
        }
        String method = parts[2].toLowerCase(Locale.ROOT);
        Duration delay = delays.get(method);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        PlannedFault fault = takeFault(method, body);
        if (fault != null) {
            calls.add(new Call(method, body, fault.fault().status(), System.nanoTime()));
            if (fault.fault().status() == 0) {
                exchange.close(); // no status line at all: the client sees the connection end
            } else {
                respond(exchange, fault.fault().status(), fault.fault().body());
            }
            return;
        }
        String result = switch (method) {
            case "getme" -> "{\"id\":" + BOT_ID + ",\"is_bot\":true,\"first_name\":\"Reportbot\",\"username\":\""
                    + BOT_USERNAME + "\",\"supports_inline_queries\":true}";
            case "getupdates" -> updates(body);
            case "sendmessage" -> sentMessage(body);
            default -> "true";
        };
        calls.add(new Call(method, body, 200, System.nanoTime()));
        respond(exchange, 200, "{\"ok\":true,\"result\":" + result + "}");
    }

    private String updates(JsonNode body) {
        lastPoll = body;
        long offset = body.path("offset").asLong(0);
        highestOffset = Math.max(highestOffset, offset);
        long timeout = Math.min(body.path("timeout").asLong(0), 30);
        if (redeliver) {
            return redelivering((int) offset, timeout, body.path("limit").asInt(100));
        }
        try {
            String batch = timeout == 0 ? batches.poll() : batches.poll(timeout, TimeUnit.SECONDS);
            return batch == null ? "[]" : batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "[]";
        }
    }

    private String redelivering(int offset, long timeout, int limit) {
        boolean pending;
        synchronized (unconfirmed) {
            unconfirmed.headMap(offset).clear();
            pending = !unconfirmed.isEmpty();
        }
        String batch;
        try {
            batch = timeout == 0 || pending ? batches.poll() : batches.poll(timeout, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batch = null;
        }
        synchronized (unconfirmed) {
            if (batch != null) {
                try {
                    for (JsonNode update : json.readTree(batch)) {
                        int id = update.path("update_id").asInt();
                        if (id >= offset) {
                            unconfirmed.putIfAbsent(id, update.toString());
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            List<Integer> ids = unconfirmed.keySet().stream().limit(Math.max(1, limit)).toList();
            ids.forEach(id -> {
                if (!handedOut.add(id)) {
                    redelivered.incrementAndGet();
                }
            });
            return "[" + String.join(",", ids.stream().map(unconfirmed::get).toList()) + "]";
        }
    }

    private String sentMessage(JsonNode body) {
        ObjectNode m = json.createObjectNode();
        m.put("message_id", messageIds.incrementAndGet());
        m.put("date", 1_764_000_000);
        ObjectNode chat = m.putObject("chat");
        chat.put("id", body.path("chat_id").asLong());
        chat.put("type", "private");
        ObjectNode from = m.putObject("from");
        from.put("id", BOT_ID);
        from.put("is_bot", true);
        from.put("first_name", "Reportbot");
        m.put("text", body.path("text").asText());
        return m.toString();
    }

    private synchronized PlannedFault takeFault(String method, JsonNode body) {
        Iterator<PlannedFault> it = faults.iterator();
        while (it.hasNext()) {
            PlannedFault f = it.next();
            if (f.method().equals(method) && f.when().test(body)) {
                faults.remove(f);
                return f;
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client went away (a cancelled long poll); nothing to do
        } finally {
            exchange.close();
        }
    }

    /** JSON helpers for building updates. */
    public static String privateMessage(int updateId, long chatId, int messageId, String languageCode, String text) {
        return "{\"update_id\":" + updateId + ",\"message\":" + message(chatId, "private", messageId, languageCode,
                "\"text\":" + quote(text)) + "}";
    }

    static String message(long chatId, String chatType, int messageId, String languageCode, String content) {
        String from = "{\"id\":" + (chatType.equals("private") ? chatId : 777) + ",\"is_bot\":false,\"first_name\":"
                + "\"Ada\"" + (languageCode == null ? "" : ",\"language_code\":\"" + languageCode + "\"") + "}";
        String chat = "{\"id\":" + chatId + ",\"type\":\"" + chatType + "\""
                + (chatType.equals("private") ? ",\"first_name\":\"Ada\"" : ",\"title\":\"Gruppe\"") + "}";
        return "{\"message_id\":" + messageId + ",\"date\":1764000000,\"from\":" + from + ",\"chat\":" + chat + ","
                + content + "}";
    }

    static String quote(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
