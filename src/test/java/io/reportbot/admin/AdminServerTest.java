package io.reportbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.EngineSettings;
import io.reportbot.engine.FallbackListener;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.store.QuestionStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's security over plain HTTP: login, cookie flags, 401 without a session, 403 without CSRF, headers. */
class AdminServerTest {

    static final String TOKEN = "test-admin-token-not-a-secret";

    @TempDir
    static Path dir;
    static QuestionStore store;
    static AdminServer server;

    @BeforeAll
    static void start() throws Exception {
        store = QuestionStore.open("jdbc:sqlite:" + dir.resolve("q.db"));
        EngineSettings settings = EngineSettings.bundled();
        server = AdminServer.start(new AdminSettings("127.0.0.1", 0, TOKEN, false, Optional.empty(), 30),
                ReloadableEngine.create(settings, FallbackListener.NONE), settings, store, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void withoutASessionThePageAndTheApiAnswer401() throws Exception {
        AdminClient c = new AdminClient(server.port());
        HttpResponse<String> page = c.get("/");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/login\">");
        assertThat(c.get("/api/inbox").statusCode()).isEqualTo(401);
        assertThat(c.post("/api/try", "{\"text\":\"hi\"}", false).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongTokenIs401AndALoginWithoutItsCsrfValueIs403() throws Exception {
        AdminClient c = new AdminClient(server.port());
        HttpResponse<String> wrong = c.login("wrong-token-wrong-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong token.").doesNotContain(TOKEN);
        assertThat(c.session).isNull();

        HttpResponse<String> noCsrf = c.post("/login", "token=" + TOKEN, false);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        AdminClient c = new AdminClient(server.port());
        HttpResponse<String> r = c.login(TOKEN);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/");
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(h -> assertThat(h)
                .startsWith(AdminServer.SESSION_COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/"));
        assertThat(c.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aPostWithoutTheCsrfTokenIs403AndWithItIsAnswered() throws Exception {
        AdminClient c = new AdminClient(server.port());
        c.login(TOKEN);
        assertThat(c.post("/api/try", "{\"text\":\"How many unicorns?\"}", false).statusCode()).isEqualTo(403);
        c.csrf = "0".repeat(64);
        assertThat(c.post("/api/try", "{\"text\":\"How many unicorns?\"}", true).statusCode()).isEqualTo(403);
        c.login(TOKEN);
        HttpResponse<String> ok = c.post("/api/try", "{\"text\":\"How many unicorns?\"}", true);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"intent\":\"unicorns\"").contains("\"top\":[");
    }

    @Test
    void everyResponseHasAStrictPolicyAndThePageHasNoInlineScript() throws Exception {
        AdminClient c = new AdminClient(server.port());
        c.login(TOKEN);
        HttpResponse<String> page = c.get("/");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContain("http://").doesNotContain("https://");
        assertThat(c.get("/login").headers().firstValue("Content-Security-Policy")).hasValue(csp);
    }

    @Test
    void uPlotComesFromTheJar() throws Exception {
        AdminClient c = new AdminClient(server.port());
        HttpResponse<String> js = c.get("/static/uPlot.min.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(js.body()).contains("uPlot");
        assertThat(c.get("/static/../../etc/passwd").statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsGetAClearAnswer() throws Exception {
        AdminClient c = new AdminClient(server.port());
        c.login(TOKEN);
        assertThat(c.post("/api/try", "not json", true).statusCode()).isEqualTo(400);
        HttpResponse<String> r = c.post("/api/inbox", "{\"action\":\"explode\",\"ids\":[1]}", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("the action must be add, out_of_scope or dismiss");
        HttpResponse<String> add = c.post("/api/inbox",
                "{\"action\":\"add\",\"ids\":[1],\"text\":\"x\",\"intent\":\"unicorns\",\"language\":\"de\"}", true);
        assertThat(add.statusCode()).isEqualTo(400);
        assertThat(add.body()).contains("--intents DIR");
    }
}
