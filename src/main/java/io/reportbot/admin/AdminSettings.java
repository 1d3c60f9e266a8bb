package io.reportbot.admin;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the maintainer's page is served.
 *
 * @param host         the address to bind (127.0.0.1 by default; put a reverse proxy in front for anything else)
 * @param port         the port, 0 for any free one
 * @param token        the login token ({@code REPORTBOT_ADMIN_TOKEN}); at least 16 characters
 * @param secureCookie whether the session cookie is marked Secure (set it when the page is reached over HTTPS)
 * @param evalDir      the folder of labelled sets that "Retrain and check" runs, if any
 * @param inboxDays    how far back the inbox looks
 */
public record AdminSettings(String host, int port, String token, boolean secureCookie, Optional<Path> evalDir,
                            int inboxDays) {

    /** The shortest token accepted. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public AdminSettings {
        Objects.requireNonNull(host, "host");
        evalDir = evalDir == null ? Optional.empty() : evalDir;
        if (token == null || token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("REPORTBOT_ADMIN_TOKEN must be set to at least " + MIN_TOKEN_LENGTH
                    + " characters (e.g. openssl rand -hex 24)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the admin port must be between 0 and 65535, not " + port);
        }
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "AdminSettings[host=" + host + ", port=" + port + ", token=***, secureCookie=" + secureCookie
                + ", evalDir=" + evalDir + ", inboxDays=" + inboxDays + "]";
    }
}
