package io.reportbot.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's files, all from the jar: its own HTML, script and style under {@code admin/}, and uPlot from its WebJar.
 * Only the names listed here are served. Immutable; thread-safe.
 */
final class StaticFiles {

    /** One file. */
    record File(String contentType, byte[] bytes) {
    }

    private final Map<String, File> files;
    private final Map<String, String> pages;

    StaticFiles() {
        String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        files = Map.of(
                "app.js", load("admin/app.js", "text/javascript; charset=utf-8"),
                "app.css", load("admin/app.css", "text/css; charset=utf-8"),
                "uPlot.min.js", load(uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
                "uPlot.min.css", load(uplot + "uPlot.min.css", "text/css; charset=utf-8"));
        pages = Map.of(
                "index.html", new String(load("admin/index.html", "").bytes(), StandardCharsets.UTF_8),
                "login.html", new String(load("admin/login.html", "").bytes(), StandardCharsets.UTF_8));
    }

    Optional<File> get(String name) {
        return Optional.ofNullable(files.get(name));
    }

    String page(String name) {
        return pages.get(name);
    }

    private static String uplotVersion() {
        Properties p = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static File load(String path, String type) {
        try (InputStream in = resource(path)) {
            return new File(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing from the jar: " + path);
        }
        return in;
    }
}
