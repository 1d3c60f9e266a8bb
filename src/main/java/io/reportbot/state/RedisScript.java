package io.reportbot.state;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}, a few bytes on the wire), sent whole ({@code EVAL}, which also
 * caches it in Redis) only when Redis answers {@code NOSCRIPT}: the first time, and after a restart or
 * {@code SCRIPT FLUSH}. Each of the two commands is bounded by the command timeout. Immutable.
 */
final class RedisScript {
    private final String source;
    private final String sha;

    RedisScript(String source) {
        this.source = source;
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JVM", e);
        }
    }

    <T> T run(RedisCommands<String, byte[]> c, ScriptOutputType type, String[] keys, byte[]... args) {
        try {
            return c.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            return c.eval(source, type, keys, args);
        }
    }

    String sha() {
        return sha;
    }
}
