package io.reportbot.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions of the maintainer's page. A session is a random id (the HttpOnly cookie) with its own CSRF token
 * and its own "Try it" conversation. Sessions expire after {@link #IDLE} without use; at most {@link #MAX} are kept
 * (the oldest goes first). Failed logins are limited to {@link #MAX_FAILURES} a minute.
 *
 * <p>Thread-safe.
 */
final class Sessions {

    static final Duration IDLE = Duration.ofHours(8);
    static final int MAX = 256;
    static final int MAX_FAILURES = 10;

    /** One session. */
    record Session(String id, String csrf, String conversation, Instant lastUsed) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final byte[] token;
    private final Clock clock;
    private Instant failureWindow = Instant.EPOCH;
    private int failures;

    Sessions(String token, Clock clock) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** True when {@code given} is the token (compared in constant time). */
    boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts a failed login; false when there were too many in the last minute (answer 429). */
    synchronized boolean failureAllowed() {
        Instant now = clock.instant();
        if (now.isAfter(failureWindow.plusSeconds(60))) {
            failureWindow = now;
            failures = 0;
        }
        return ++failures <= MAX_FAILURES;
    }

    synchronized boolean lockedOut() {
        return clock.instant().isBefore(failureWindow.plusSeconds(60)) && failures >= MAX_FAILURES;
    }

    /** A new session. */
    Session create() {
        if (sessions.size() >= MAX) {
            sessions.values().stream().min(java.util.Comparator.comparing(Session::lastUsed))
                    .ifPresent(s -> sessions.remove(s.id()));
        }
        Session s = new Session(randomHex(), randomHex(), "admin-" + randomHex().substring(0, 16), clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, touched. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.lastUsed().plus(IDLE).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.csrf(), s.conversation(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** 32 random bytes in hex. */
    String randomHex() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** True when the two strings are equal (constant time), both present. */
    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
