package io.reportbot.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP client for the maintainer's page in tests: logs in like the form does and keeps the cookie. */
final class AdminClient {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    String session;
    String csrf;

    AdminClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (session != null) {
            b.header("Cookie", AdminServer.SESSION_COOKIE + "=" + session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json, boolean withCsrf) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) {
            b.header("Cookie", AdminServer.SESSION_COOKIE + "=" + session);
        }
        if (withCsrf && csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fetches the login form and posts the token with the form's CSRF value; returns the POST's response. */
    HttpResponse<String> login(String token) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        String loginCookie = cookie(form, AdminServer.LOGIN_COOKIE);
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(form.body());
        if (!m.find()) {
            throw new AssertionError("no csrf field in the login form");
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", AdminServer.LOGIN_COOKIE + "=" + loginCookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + m.group(1) + "&token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String s = cookie(r, AdminServer.SESSION_COOKIE);
        if (s != null && !s.isEmpty()) {
            session = s;
            Matcher c = Pattern.compile("name=\"csrf-token\" content=\"([0-9a-f]+)\"").matcher(get("/").body());
            csrf = c.find() ? c.group(1) : null;
        }
        return r;
    }

    static String cookie(HttpResponse<?> r, String name) {
        for (String h : r.headers().allValues("Set-Cookie")) {
            if (h.startsWith(name + "=")) {
                return h.substring(name.length() + 1, h.indexOf(';'));
            }
        }
        return null;
    }
}
