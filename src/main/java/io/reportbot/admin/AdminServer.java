package io.reportbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.engine.Reply;
import io.reportbot.store.QuestionStore;
import io.reportbot.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintainer's page ({@code serve --admin-port}), on the JDK's {@link HttpServer}: Traffic, Inbox, Retrain and
 * check, Quality and Try it, over a small JSON API.
 *
 * <p>Security: binds to 127.0.0.1 unless told otherwise. Everything but the login form needs a session, got by
 * posting {@code REPORTBOT_ADMIN_TOKEN} to {@code /login}; the session cookie is HttpOnly and SameSite=Strict (and
 * Secure when configured). Without a session the answer is 401. Every POST carries a CSRF token (the login form a
 * double-submit cookie, the API the session's token in {@code X-CSRF-Token}); without it the answer is 403. The page
 * has a strict Content-Security-Policy (scripts, styles and data from this origin only, no inline script, no
 * framing); all scripts, uPlot included, come from the jar. Question texts are sent as JSON and shown with
 * {@code textContent}, never as markup; the little HTML the server writes escapes what it inserts.
 *
 * <p>Thread-safe; start once, close once.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The platform name of questions asked in "Try it" (neither recorded in the store nor in the unanswered log). */
    public static final String TRY_IT_PLATFORM = "admin";
    static final String SESSION_COOKIE = "rb_session";
    static final String LOGIN_COOKIE = "rb_login";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final AdminSettings settings;
    private final Sessions sessions;
    private final ReloadableEngine engine;
    private final QuestionStore store;
    private final InboxActions actions;
    private final Retrainer retrainer;
    private final Clock clock;
    private final StaticFiles files;

    private AdminServer(HttpServer server, ExecutorService executor, AdminSettings settings, ReloadableEngine engine,
                        QuestionStore store, InboxActions actions, Retrainer retrainer, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.settings = settings;
        this.sessions = new Sessions(settings.token(), clock);
        this.engine = engine;
        this.store = store;
        this.actions = actions;
        this.retrainer = retrainer;
        this.clock = clock;
        this.files = new StaticFiles();
    }

    /**
     * Starts the page and measures the running engine on the labelled sets in the background.
     *
     * @param settings       where and how to serve
     * @param engine         the running engine: "Try it" asks it, "Retrain and check" reloads it
     * @param engineSettings where the engine's files are (the intents folder is where examples are added)
     * @param store          the question store
     * @param clock          the clock
     * @throws IOException when the address cannot be bound
     */
    public static AdminServer start(AdminSettings settings, ReloadableEngine engine,
                                    io.reportbot.engine.EngineSettings engineSettings, QuestionStore store, Clock clock)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 32);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "reportbot-admin-http");
            t.setDaemon(true);
            return t;
        });
        Retrainer retrainer = new Retrainer(engine, engineSettings,
                EvalSuite.load(settings.evalDir().orElse(null)), Floors.defaults());
        InboxActions actions = new InboxActions(store, engineSettings.intentsDir(), clock);
        AdminServer admin = new AdminServer(server, executor, settings, engine, store, actions, retrainer, clock);
        server.createContext("/", admin::handle);
        server.setExecutor(executor);
        server.start();
        retrainer.measureRunning();
        LOG.info("maintainer's page on http://{}:{}/", settings.host(), admin.port());
        return admin;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The retrainer (for tests: wait until it is idle). */
    public Retrainer retrainer() {
        return retrainer;
    }

    private record Response(int status, String contentType, byte[] body, Map<String, List<String>> headers) {
        static Response json(int status, Object body) {
            try {
                return new Response(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body),
                        new HashMap<>());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Response html(int status, String body) {
            return new Response(status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), new HashMap<>());
        }

        Response header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        Response r;
        try {
            r = route(ex);
        } catch (IllegalArgumentException e) {
            r = Response.json(400, Map.of("error", e.getMessage()));
        } catch (StoreException e) {
            LOG.warn("maintainer's page: {}", e.getMessage());
            r = Response.json(503, Map.of("error", "the question store is not reachable just now; see the log"));
        } catch (RuntimeException e) {
            LOG.warn("maintainer's page failed on {} {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
            r = Response.json(500, Map.of("error", "something went wrong; see the log"));
        }
        send(ex, r);
    }

    private Response route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        if (path.startsWith("/static/") && method.equals("GET")) {
            return files.get(path.substring("/static/".length()))
                    .map(f -> new Response(200, f.contentType(), f.bytes(), new HashMap<>())
                            .header("Cache-Control", "private, max-age=300"))
                    .orElseGet(() -> Response.json(404, Map.of("error", "not found")));
        }
        if (path.equals("/login")) {
            return method.equals("POST") ? login(ex) : loginPage(200, "");
        }
        Optional<Sessions.Session> session = sessions.find(cookie(ex, SESSION_COOKIE));
        if (session.isEmpty()) {
            return path.startsWith("/api/") ? Response.json(401, Map.of("error", "log in first"))
                    : loginPage(401, "");
        }
        Sessions.Session s = session.get();
        if (method.equals("POST")) {
            if (!Sessions.same(s.csrf(), ex.getRequestHeaders().getFirst("X-CSRF-Token"))) {
                return Response.json(403, Map.of("error", "missing or wrong CSRF token; reload the page"));
            }
            return post(path, s, body(ex));
        }
        if (!method.equals("GET")) {
            return Response.json(405, Map.of("error", "GET or POST only")).header("Allow", "GET, POST");
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        return switch (path) {
            case "/", "/index.html" -> Response.html(200, files.page("index.html").replace("{{csrf}}", s.csrf()));
            case "/api/traffic" -> Response.json(200,
                    Traffic.chart(store, Traffic.Range.of(query.getOrDefault("range", "24h")), clock.instant()));
            case "/api/inbox" -> Response.json(200, Views.inbox(Inbox.group(store.open(
                    clock.instant().minus(Duration.ofDays(settings.inboxDays())), 2000)), actions));
            case "/api/retrain" -> Response.json(200, Views.retrain(retrainer));
            case "/api/quality" -> Response.json(200, Views.quality(retrainer, query.getOrDefault("set", "")));
            default -> Response.json(404, Map.of("error", "not found"));
        };
    }

    private Response post(String path, Sessions.Session s, JsonNode body) throws IOException {
        switch (path) {
            case "/logout" -> {
                sessions.remove(s.id());
                return Response.json(200, Map.of("ok", true)).header("Set-Cookie", cookieHeader(SESSION_COOKIE, "", 0));
            }
            case "/api/inbox" -> {
                InboxActions.Action action;
                try {
                    action = InboxActions.Action.valueOf(body.path("action").asText("").toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the action must be add, out_of_scope or dismiss");
                }
                List<Long> ids = new ArrayList<>();
                body.path("ids").forEach(n -> ids.add(n.asLong()));
                InboxActions.Result r = actions.perform(action, ids, text(body, "text"), text(body, "intent"),
                        text(body, "language"));
                return Response.json(200, r);
            }
            case "/api/retrain" -> {
                return retrainer.retrain() ? Response.json(202, Map.of("started", true))
                        : Response.json(409, Map.of("error", "a retrain is already running"));
            }
            case "/api/try" -> {
                String text = text(body, "text");
                if (text == null || text.isBlank()) {
                    throw new IllegalArgumentException("type a question");
                }
                Reply reply = engine.answer(Inbound.of(text, s.conversation(), TRY_IT_PLATFORM));
                return Response.json(200, Views.reply(reply));
            }
            default -> {
                return Response.json(404, Map.of("error", "not found"));
            }
        }
    }

    private Response login(HttpExchange ex) throws IOException {
        Map<String, String> form = query(new String(read(ex), StandardCharsets.UTF_8));
        if (!Sessions.same(cookie(ex, LOGIN_COOKIE), form.get("csrf"))) {
            return loginPage(403, "The form has expired: please try again.");
        }
        if (sessions.lockedOut()) {
            return loginPage(429, "Too many wrong tokens: wait a minute.");
        }
        if (!sessions.tokenMatches(form.get("token"))) {
            LOG.warn("maintainer's page: a login with a wrong token");
            sessions.failureAllowed();
            return loginPage(401, "Wrong token.");
        }
        Sessions.Session s = sessions.create();
        return Response.html(303, "").header("Location", "/")
                .header("Set-Cookie", cookieHeader(SESSION_COOKIE, s.id(), -1))
                .header("Set-Cookie", cookieHeader(LOGIN_COOKIE, "", 0));
    }

    private Response loginPage(int status, String error) {
        String csrf = sessions.randomHex();
        String html = files.page("login.html").replace("{{csrf}}", csrf)
                .replace("{{error}}", Html.escape(error)).replace("{{errorClass}}", error.isEmpty() ? "hidden" : "error");
        return Response.html(status, html).header("Set-Cookie", cookieHeader(LOGIN_COOKIE, csrf, -1));
    }

    private String cookieHeader(String name, String value, int maxAge) {
        return name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (settings.secureCookie() ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        byte[] raw = read(ex);
        if (raw.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(raw);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
    }

    private static byte[] read(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY) {
                    throw new IllegalArgumentException("the request is too large");
                }
            }
            return out.toByteArray();
        }
    }

    static String cookie(HttpExchange ex, String name) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).equals(name)) {
                    return p.substring(eq + 1);
                }
            }
        }
        return null;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a badly encoded form or query");
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, Response r) {
        try (ex) {
            Headers h = ex.getResponseHeaders();
            h.set("Content-Type", r.contentType());
            h.set("Content-Security-Policy", CSP);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Cross-Origin-Opener-Policy", "same-origin");
            if (!r.headers().containsKey("Cache-Control")) {
                h.set("Cache-Control", "no-store");
            }
            r.headers().forEach((k, vs) -> vs.forEach(v -> h.add(k, v)));
            boolean empty = r.body().length == 0 || ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(r.status(), empty ? -1 : r.body().length);
            if (!empty) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("maintainer's page: could not send a response: {}", e.toString());
        }
    }

    /** Stops serving at once and stops the retrainer; the engine and the store stay (their owner closes them). */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        retrainer.close();
    }
}
