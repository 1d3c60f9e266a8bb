package io.reportbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A small stand-in for Discord on 127.0.0.1: a REST server (JDK {@link HttpServer}) under {@code /api/v10/}
 * and a websocket gateway (HELLO, IDENTIFY → READY, RESUME → RESUMED, heartbeat ACKs). It records every REST
 * request and every gateway frame from the client, and can dispatch {@code INTERACTION_CREATE} events. On request it
 * answers interaction callbacks with 429s, 500s or a dropped connection, or rejects every token with 401.
 *
 * <p>Thread-safe; one instance per test class.
 */
public final class FakeDiscord implements AutoCloseable {
    static {
        // as in the Telegram fake: without TCP_NODELAY every response of the JDK server waits about 40 ms
        // (Nagle and delayed ACKs); the property counts only if set before the first server in this JVM
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final long APP_ID = 1_100_000_000_000_000_001L;
    static final long BOT_ID = APP_ID;
    static final long USER_ID = 1_100_000_000_000_000_777L;
    static final long DM_CHANNEL_ID = 1_100_000_000_000_000_555L;
    static final long DISCORD_EPOCH = 1_420_070_400_000L;
    /** Short, so that the test sees JDA heartbeat and the fake acknowledge. */
    static final int HEARTBEAT_MILLIS = 700;

    /** One REST request as the fake saw it. */
    public record Request(String method, String path, String query, String authorization, String body) {
        public JsonNode json() {
            try {
                return body.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the fake can serve instead of an interaction callback's normal answer (opt-in, see {@link #failNextCallbacks}). */
    public enum CallbackFault {
        /** HTTP 500 Internal Server Error with Discord's error body. */
        SERVER_ERROR,
        /** The exchange is closed without a status line: the client sees the connection end. */
        DROPPED_CONNECTION
    }

    private final HttpServer http;
    private final int heartbeatMillis;
    private final Gateway gateway;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> gatewayFrames = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger readies = new AtomicInteger();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger rateLimitCallbacks = new AtomicInteger();
    /** The requests answered with 429, by identity (a retry is an equal record). */
    private final java.util.Set<Request> rateLimited =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    /** Faults still to serve to the next interaction callbacks, in order. */
    private final java.util.Queue<CallbackFault> callbackFaults = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Faults still to serve to the next edits of a deferred reply ({@code PATCH …/messages/@original}), in order. */
    private final java.util.Queue<CallbackFault> editFaults = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The requests served a {@link CallbackFault}, by identity (a retry is an equal record). */
    private final Map<Request, CallbackFault> faulted = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private volatile boolean rejectTokens;
    /** When each request arrived (epoch milliseconds), by identity. */
    private final Map<Request, Long> arrivals = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private volatile WebSocket client;
    /** The live gateway connection of each shard, by shard id (from IDENTIFY, kept across RESUME). */
    private final Map<Integer, WebSocket> shardClients = new java.util.concurrent.ConcurrentHashMap<>();
    /** Which shard each session is, so that a RESUME keeps its shard. */
    private final Map<String, Integer> sessionShards = new java.util.concurrent.ConcurrentHashMap<>();
    /** The shard count the clients identified with (1 until a client identifies with more). */
    private volatile int shardsTotal = 1;
    /** Interactions dispatched while no session was live, replayed after the next RESUMED (guarded by itself). */
    private final List<ObjectNode> missed = new ArrayList<>();
    private volatile boolean live;
    private final AtomicInteger replayed = new AtomicInteger();
    private volatile String sessionId = "session-0";
    private final AtomicInteger gatewayOpens = new AtomicInteger();
    /** When not 0, every new gateway connection is closed with this code before HELLO. */
    private volatile int closeBeforeHello;

    public FakeDiscord() throws IOException {
        this(HEARTBEAT_MILLIS);
    }

    /**
     * @param heartbeatMillis the heartbeat interval HELLO asks for (Discord's is about 41 s; the default here is short,
     *                        so that tests see heartbeats, but a client busy with a flood of events then misses them)
     */
    FakeDiscord(int heartbeatMillis) throws IOException {
        this.heartbeatMillis = heartbeatMillis;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::handle);
        http.setExecutor(httpThreads);
        http.start();
        int wsPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            wsPort = s.getLocalPort();
        }
        gateway = new Gateway(new InetSocketAddress("127.0.0.1", wsPort));
        gateway.setReuseAddr(true);
        gateway.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort() + "/";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return requests.stream().filter(r -> r.method().equals(method) && p.matcher(r.path()).matches()).toList();
    }

    List<JsonNode> gatewayFrames() {
        return List.copyOf(gatewayFrames);
    }

    int readies() {
        return readies.get();
    }

    int identifies() {
        return identifies.get();
    }

    int heartbeats() {
        return heartbeats.get();
    }

    /** Answers the next {@code n} interaction callbacks with 429 Too Many Requests (retry after 0.2 s). */
    void rateLimitNextCallbacks(int n) {
        rateLimitCallbacks.set(n);
    }

    /** Whether the fake answered this very request (not an equal retry) with 429. */
    boolean wasRateLimited(Request request) {
        return rateLimited.contains(request);
    }

    /**
     * Serves these faults, in order, to the next interaction callbacks (after any 429s planned by
     * {@link #rateLimitNextCallbacks}); each fault is used once.
     */
    public void failNextCallbacks(CallbackFault... faults) {
        callbackFaults.addAll(List.of(faults));
    }

    /** When this very request arrived, in epoch milliseconds. */
    long arrivedAt(Request request) {
        return arrivals.get(request);
    }

    /** Serves these faults, in order, to the next edits of deferred replies ({@code PATCH …/messages/@original}). */
    void failNextEdits(CallbackFault... faults) {
        editFaults.addAll(List.of(faults));
    }

    /** The fault served to this very request (not an equal retry), or null. */
    public CallbackFault faultServed(Request request) {
        return faulted.get(request);
    }

    /** Whether the fake answered this very request normally: not with a 429 and not with a {@link CallbackFault}. */
    public boolean servedNormally(Request request) {
        return !wasRateLimited(request) && faultServed(request) == null;
    }

    /** From now on answers every REST request with 401 Unauthorized, as Discord does for a token it rejects. */
    public void rejectEveryToken() {
        rejectTokens = true;
    }

    int resumes() {
        return resumes.get();
    }

    boolean connected() {
        WebSocket c = client;
        return c != null && c.isOpen();
    }

    /** A snowflake for "now", as Discord would make it (JDA treats old interaction ids as expired). */
    long snowflake() {
        return ((Instant.now().toEpochMilli() - DISCORD_EPOCH) << 22) | (ids.incrementAndGet() & 0x3FFFFF);
    }

    /** Sends an INTERACTION_CREATE dispatch to the connected client. */
    public void dispatchInteraction(ObjectNode interaction) {
        dispatch("INTERACTION_CREATE", interaction);
    }

    /**
     * Sends an INTERACTION_CREATE now if a session is live; otherwise keeps it and sends it right after the next
     * RESUMED, as Discord replays the events a resuming session missed.
     */
    void dispatchInteractionOrReplay(ObjectNode interaction) {
        synchronized (missed) {
            if (!live) {
                missed.add(interaction);
                return;
            }
            dispatch("INTERACTION_CREATE", interaction);
        }
    }

    /** How many interactions were replayed after a resume so far. */
    int replayed() {
        return replayed.get();
    }

    /** How many interactions wait for a resume to be replayed. */
    int missedCount() {
        synchronized (missed) {
            return missed.size();
        }
    }

    /** Drops the gateway connection the way Discord does before asking the client to resume (close code 4000). */
    void dropConnection() {
        WebSocket c;
        synchronized (missed) {
            c = client;
            live = false; // from now on interactions wait for the resume
        }
        if (c != null) {
            c.close(4000, "fake: unknown error, please resume");
        }
    }

    /** Closes the gateway connection with this close code, as Discord does e.g. with 4004 after a token reset. */
    void closeGateway(int code, String reason) {
        WebSocket c;
        synchronized (missed) {
            c = client;
            live = false;
        }
        if (c != null) {
            c.close(code, reason);
        }
    }

    /**
     * From now on accepts every gateway connection and closes it at once with {@code code} (e.g. 1001), before
     * HELLO; 0 switches this off.
     */
    void closeBeforeHello(int code) {
        closeBeforeHello = code;
    }

    /** How many websocket connections the gateway accepted so far. */
    int gatewayOpens() {
        return gatewayOpens.get();
    }

    /** Waits until the condition holds; fails the test after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Waits for the first REST request (from index {@code from} on) that matches, and returns it. */
    public Request awaitRequest(String what, int from, Predicate<Request> match) {
        Request[] found = new Request[1];
        await(what, Duration.ofSeconds(30), () -> {
            List<Request> all = requests();
            for (int i = from; i < all.size(); i++) {
                if (match.test(all.get(i))) {
                    found[0] = all.get(i);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Override
    public void close() {
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        httpThreads.shutdownNow();
    }

    // ---- gateway ----------------------------------------------------------------------------------

    private void dispatch(String type, JsonNode data) {
        dispatch(client, type, data);
    }

    private void dispatch(WebSocket c, String type, JsonNode data) {
        ObjectNode frame = MAPPER.createObjectNode();
        frame.put("op", 0).put("t", type).put("s", sequence.incrementAndGet()).set("d", data);
        if (c == null || !c.isOpen()) {
            throw new AssertionError("no gateway client connected to dispatch " + type);
        }
        c.send(frame.toString());
    }

    private final class Gateway extends WebSocketServer {
        Gateway(InetSocketAddress address) {
            super(address, 1);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            gatewayOpens.incrementAndGet();
            int closeAtOnce = closeBeforeHello;
            if (closeAtOnce != 0) {
                conn.close(closeAtOnce, "fake: going away");
                return;
            }
            client = conn;
            conn.send("{\"op\":10,\"s\":null,\"t\":null,\"d\":{\"heartbeat_interval\":" + heartbeatMillis + "}}");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode frame;
            try {
                frame = MAPPER.readTree(message);
            } catch (IOException e) {
                return;
            }
            gatewayFrames.add(frame);
            switch (frame.path("op").asInt(-1)) {
                case 1 -> {
                    heartbeats.incrementAndGet();
                    conn.send("{\"op\":11,\"s\":null,\"t\":null,\"d\":null}");
                }
                case 2 -> {
                    identifies.incrementAndGet();
                    sessionId = "session-" + identifies.get();
                    JsonNode asked = frame.path("d").path("shard");
                    int shard = asked.isArray() ? asked.path(0).asInt() : 0;
                    if (asked.isArray()) {
                        shardsTotal = Math.max(1, asked.path(1).asInt(1));
                    }
                    sessionShards.put(sessionId, shard);
                    shardClients.put(shard, conn);
                    if (shardsTotal == 1) {
                        sequence.set(0);
                    }
                    synchronized (missed) {
                        dispatch(conn, "READY", ready(frame.path("d")));
                        live = true;
                    }
                    readies.incrementAndGet();
                }
                case 6 -> {
                    resumes.incrementAndGet();
                    Integer resumedShard = sessionShards.get(frame.path("d").path("session_id").asText());
                    if (resumedShard != null) {
                        shardClients.put(resumedShard, conn);
                    }
                    synchronized (missed) {
                        dispatch(conn, "RESUMED", MAPPER.createObjectNode());
                        missed.forEach(i -> dispatch("INTERACTION_CREATE", i));
                        replayed.addAndGet(missed.size());
                        missed.clear();
                        live = true;
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            onMessage(conn, StandardCharsets.UTF_8.decode(message).toString());
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            shardClients.values().removeIf(c -> c == conn);
            synchronized (missed) {
                if (client == conn) {
                    client = null;
                    live = false;
                }
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // the test sees failures as missing requests or frames
        }

        @Override
        public void onStart() {
        }
    }

    private ObjectNode ready(JsonNode identify) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("v", 10);
        d.set("user", botUser());
        d.set("guilds", MAPPER.createArrayNode());
        d.put("session_id", sessionId);
        d.put("resume_gateway_url", gatewayUrl());
        ArrayNode shard = d.putArray("shard");
        JsonNode asked = identify.path("shard");
        shard.add(asked.isArray() ? asked.path(0).asInt() : 0).add(asked.isArray() ? asked.path(1).asInt() : 1);
        d.putObject("application").put("id", Long.toString(APP_ID)).put("flags", 0);
        d.set("private_channels", MAPPER.createArrayNode());
        d.set("presences", MAPPER.createArrayNode());
        d.set("relationships", MAPPER.createArrayNode());
        d.putObject("user_settings");
        d.set("guild_join_requests", MAPPER.createArrayNode());
        d.set("geo_ordered_rtc_regions", MAPPER.createArrayNode());
        return d;
    }

    static ObjectNode botUser() {
        ObjectNode u = MAPPER.createObjectNode();
        u.put("id", Long.toString(BOT_ID)).put("username", "reportbot").put("discriminator", "0000")
                .putNull("global_name").putNull("avatar").put("bot", true).put("verified", true)
                .put("mfa_enabled", false).put("flags", 0).put("public_flags", 0);
        return u;
    }

    static ObjectNode user() {
        return user(USER_ID);
    }

    /** A user with this id (the soak test asks as many users). */
    static ObjectNode user(long id) {
        ObjectNode u = MAPPER.createObjectNode();
        u.put("id", Long.toString(id)).put("username", "tester").put("discriminator", "0")
                .put("global_name", "Tester").putNull("avatar").put("public_flags", 0);
        return u;
    }

    // ---- REST -------------------------------------------------------------------------------------

    private static final Pattern COMMANDS = Pattern.compile("/api/v10/applications/\\d+/(guilds/\\d+/)?commands");
    private static final Pattern CALLBACK = Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern WEBHOOK = Pattern.compile("/api/v10/webhooks/\\d+/[^/]+(/messages/.+)?");

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = readBody(ex);
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            Request request = new Request(method, path, String.valueOf(ex.getRequestURI().getQuery()),
                    String.valueOf(ex.getRequestHeaders().getFirst("Authorization")), body);
            arrivals.put(request, System.currentTimeMillis());
            requests.add(request);
            CallbackFault fault;
            if (rejectTokens) {
                respond(ex, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
            } else if (method.equals("GET") && path.equals("/api/v10/gateway/bot")) {
                respond(ex, 200, "{\"url\":\"" + gatewayUrl() + "\",\"shards\":1,\"session_start_limit\":"
                        + "{\"total\":1000,\"remaining\":999,\"reset_after\":14400000,\"max_concurrency\":1}}");
            } else if (method.equals("GET") && path.equals("/api/v10/gateway")) {
                respond(ex, 200, "{\"url\":\"" + gatewayUrl() + "\"}");
            } else if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
                respond(ex, 200, botUser().toString());
            } else if (method.equals("PUT") && COMMANDS.matcher(path).matches()) {
                respond(ex, 200, registeredCommands(body).toString());
            } else if (method.equals("POST") && CALLBACK.matcher(path).matches()
                    && rateLimitCallbacks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                rateLimited.add(request);
                // Discord's headers; without "Via" JDA takes a 429 for Cloudflare's and backs off longer
                ex.getResponseHeaders().add("Via", "1.1 google");
                ex.getResponseHeaders().add("Retry-After", "1");
                ex.getResponseHeaders().add("X-RateLimit-Limit", "5");
                ex.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                ex.getResponseHeaders().add("X-RateLimit-Reset-After", "0.2");
                ex.getResponseHeaders().add("X-RateLimit-Bucket", "fake-interaction-bucket");
                ex.getResponseHeaders().add("X-RateLimit-Scope", "user");
                respond(ex, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":0.2,\"global\":false}");
            } else if (method.equals("POST") && CALLBACK.matcher(path).matches()
                    && (fault = callbackFaults.poll()) != null) {
                faulted.put(request, fault);
                if (fault == CallbackFault.SERVER_ERROR) {
                    respond(ex, 500, "{\"message\":\"500: Internal Server Error\",\"code\":0}");
                }
                // DROPPED_CONNECTION: closing the exchange without a response ends the connection
            } else if (method.equals("POST") && CALLBACK.matcher(path).matches()) {
                Matcher m = CALLBACK.matcher(path);
                m.matches();
                respond(ex, 200, callbackResponse(m.group(1), MAPPER.readTree(body)).toString());
            } else if (method.equals("PATCH") && path.endsWith("/messages/@original") && WEBHOOK.matcher(path).matches()
                    && (fault = editFaults.poll()) != null) {
                faulted.put(request, fault);
                if (fault == CallbackFault.SERVER_ERROR) {
                    respond(ex, 500, "{\"message\":\"500: Internal Server Error\",\"code\":0}");
                }
            } else if ((method.equals("PATCH") || method.equals("POST")) && WEBHOOK.matcher(path).matches()) {
                respond(ex, 200, message(MAPPER.readTree(body)).toString());
            } else if (method.equals("DELETE")) {
                respond(ex, 204, "");
            } else {
                respond(ex, 404, "{\"message\":\"404: Not Found\",\"code\":0}");
            }
        }
    }

    private JsonNode registeredCommands(String body) throws IOException {
        ArrayNode out = MAPPER.createArrayNode();
        for (JsonNode c : MAPPER.readTree(body)) {
            ObjectNode cmd = ((ObjectNode) c).deepCopy();
            cmd.put("id", Long.toString(snowflake())).put("application_id", Long.toString(APP_ID))
                    .put("version", Long.toString(snowflake()));
            if (!cmd.has("type")) {
                cmd.put("type", 1);
            }
            out.add(cmd);
        }
        return out;
    }

    private ObjectNode callbackResponse(String interactionId, JsonNode body) {
        int type = body.path("type").asInt();
        ObjectNode r = MAPPER.createObjectNode();
        r.putObject("interaction").put("id", interactionId).put("type", 2)
                .put("response_message_id", Long.toString(snowflake()))
                .put("response_message_loading", type == 5).put("response_message_ephemeral", false);
        ObjectNode resource = r.putObject("resource").put("type", type);
        if (type == 4 || type == 5 || type == 7) {
            resource.set("message", message(body.path("data")));
        }
        return r;
    }

    /** A message object as Discord returns it, built from what the client sent. */
    private ObjectNode message(JsonNode sent) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("id", Long.toString(snowflake())).put("channel_id", Long.toString(DM_CHANNEL_ID)).put("type", 0)
                .put("content", sent.path("content").asText("")).put("timestamp", Instant.now().toString())
                .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false).put("pinned", false)
                .put("flags", sent.path("flags").asInt(0)).put("webhook_id", Long.toString(APP_ID))
                .put("application_id", Long.toString(APP_ID));
        m.set("author", botUser());
        m.set("mentions", MAPPER.createArrayNode());
        m.set("mention_roles", MAPPER.createArrayNode());
        m.set("attachments", MAPPER.createArrayNode());
        ArrayNode embeds = m.putArray("embeds");
        sent.path("embeds").forEach(e -> embeds.add(((ObjectNode) e.deepCopy()).put("type", "rich")));
        m.set("components", sent.path("components").isArray() ? sent.path("components") : MAPPER.createArrayNode());
        return m;
    }

    private static String readBody(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (status == 204) {
            ex.sendResponseHeaders(204, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- interactions -----------------------------------------------------------------------------

    /** The common part of an interaction in a DM with the bot. */
    ObjectNode interaction(int type, String locale) {
        ObjectNode i = MAPPER.createObjectNode();
        i.put("id", Long.toString(snowflake())).put("application_id", Long.toString(APP_ID)).put("type", type)
                .put("token", "itoken-" + ids.incrementAndGet()).put("version", 1).put("locale", locale)
                .put("channel_id", Long.toString(DM_CHANNEL_ID)).put("app_permissions", "0").put("context", 1)
                .put("attachment_size_limit", 10_485_760);
        ObjectNode channel = i.putObject("channel");
        channel.put("id", Long.toString(DM_CHANNEL_ID)).put("type", 1).put("flags", 0).putNull("last_message_id");
        channel.putArray("recipients").add(user());
        i.set("user", user());
        i.set("entitlements", MAPPER.createArrayNode());
        i.putObject("authorizing_integration_owners").put("1", Long.toString(USER_ID));
        return i;
    }

    /** The shard Discord sends a guild's events to: {@code (guild_id >> 22) % shards}. */
    static int shardOf(long guildId, int shardsTotal) {
        return (int) ((guildId >>> 22) % shardsTotal);
    }

    /** Whether a client identified as this shard has a live gateway connection. */
    boolean shardConnected(int shard) {
        WebSocket c = shardClients.get(shard);
        return c != null && c.isOpen();
    }

    /**
     * Sends an INTERACTION_CREATE to the connection of the shard that owns the interaction's guild, as Discord routes
     * guild events; false (nothing sent) when that shard has no live connection.
     */
    boolean dispatchToGuildShard(ObjectNode interaction) {
        long guild = Long.parseLong(interaction.path("guild_id").asText());
        return dispatchToShard(shardOf(guild, shardsTotal), interaction);
    }

    /** Sends an INTERACTION_CREATE to this shard's connection (even one it does not own); false when it has none. */
    boolean dispatchToShard(int shard, ObjectNode interaction) {
        WebSocket c = shardClients.get(shard);
        if (c == null || !c.isOpen()) {
            return false;
        }
        dispatch(c, "INTERACTION_CREATE", interaction);
        return true;
    }

    /** A /ask in a text channel of this guild, by a member, as a guild-installed bot receives it. */
    public ObjectNode guildAsk(long guildId, long channelId, String locale, String question) {
        ObjectNode i = slashCommand("ask", locale, "question", question);
        i.put("guild_id", Long.toString(guildId)).put("channel_id", Long.toString(channelId)).put("context", 0)
                .put("guild_locale", "en-US");
        i.remove("user");
        i.putObject("guild").put("id", Long.toString(guildId)).put("locale", "en-US").putArray("features");
        ObjectNode channel = i.putObject("channel");
        channel.put("id", Long.toString(channelId)).put("type", 0).put("guild_id", Long.toString(guildId))
                .put("name", "general").put("position", 0).put("flags", 0).put("permissions", "2147483647").put("nsfw", false).putNull("parent_id")
                .putNull("topic").put("rate_limit_per_user", 0).putNull("last_message_id");
        channel.putArray("permission_overwrites");
        ObjectNode member = i.putObject("member");
        member.set("user", user());
        member.putArray("roles");
        member.put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
                .put("pending", false).put("permissions", "2147483647").put("flags", 0).putNull("nick")
                .putNull("avatar").putNull("premium_since").putNull("communication_disabled_until");
        i.putObject("authorizing_integration_owners").put("0", Long.toString(guildId));
        return i;
    }

    /** A /ask (or other) slash command with an optional string option. */
    public ObjectNode slashCommand(String name, String locale, String optionName, String value) {
        ObjectNode i = interaction(2, locale);
        ObjectNode data = i.putObject("data");
        data.put("id", Long.toString(snowflake())).put("name", name).put("type", 1);
        ArrayNode options = data.putArray("options");
        if (optionName != null) {
            options.addObject().put("name", optionName).put("type", 3).put("value", value);
        }
        return i;
    }

    /** An autocomplete request for a string option while the user types. */
    public ObjectNode autocomplete(String name, String locale, String optionName, String typed) {
        ObjectNode i = interaction(4, locale);
        ObjectNode data = i.putObject("data");
        data.put("id", Long.toString(snowflake())).put("name", name).put("type", 1);
        data.putArray("options").addObject().put("name", optionName).put("type", 3).put("value", typed).put("focused", true);
        return i;
    }

    /** A click on a button with this custom id, on a message of the bot. */
    ObjectNode buttonClick(String customId, String locale) {
        ObjectNode i = interaction(3, locale);
        i.putObject("data").put("component_type", 2).put("custom_id", customId);
        ObjectNode sent = MAPPER.createObjectNode();
        ArrayNode rows = sent.putArray("components");
        ObjectNode row = rows.addObject().put("type", 1).put("id", 1);
        row.putArray("components").addObject().put("type", 2).put("id", 2).put("style", 2).put("label", "Topic")
                .put("custom_id", customId);
        i.set("message", message(sent));
        return i;
    }

}
