package io.reportbot.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** Interaction tokens and Discord and Telegram bot tokens never reach a log line, including JDA's own WARN on a 429. */
class LogRedactionTest {
    private static final String DISCORD_TOKEN = "FAKE-DISCORD-TOKEN-FOR-TESTS.FAKE.not-a-real-token-only-for-tests-000";
    private static final String INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmZha2UtdG9rZW4tZm9yLXRlc3Rz";

    @Test
    void jdasRateLimitWarningLosesTheInteractionToken() {
        String jda = "Encountered 429 on route POST/interactions/{interaction_id}/{interaction_token}/callback with bucket "
                + "abc123:interaction_token=" + INTERACTION_TOKEN + " Retry-After: 1000 ms Scope: user";
        assertThat(LogRedaction.redact(jda)).doesNotContain(INTERACTION_TOKEN)
                .isEqualTo("Encountered 429 on route POST/interactions/{interaction_id}/{interaction_token}/callback with bucket "
                        + "abc123:interaction_token=<redacted> Retry-After: 1000 ms Scope: user");
    }

    @Test
    void urlsOfInteractionsAndWebhooksLoseTheirToken() {
        assertThat(LogRedaction.redact("POST https://discord.com/api/v10/interactions/1577203917551304746/" + INTERACTION_TOKEN
                + "/callback?with_response=true"))
                .isEqualTo("POST https://discord.com/api/v10/interactions/1577203917551304746/<redacted>/callback?with_response=true");
        assertThat(LogRedaction.redact("PATCH /api/v10/webhooks/1100000000000000001/" + INTERACTION_TOKEN + "/messages/@original"))
                .isEqualTo("PATCH /api/v10/webhooks/1100000000000000001/<redacted>/messages/@original");
    }

    @Test
    void aBotTokenIsMaskedAndOrdinaryTextIsLeftAlone() {
        assertThat(LogRedaction.redact("token " + DISCORD_TOKEN + " rejected")).isEqualTo("token <redacted> rejected");
        assertThat(LogRedaction.redact("GET https://api.telegram.org/bot123456:TEST-fake-token-not-real/getMe"))
                .as("a Telegram bot token").isEqualTo("GET https://api.telegram.org/bot<redacted>/getMe");
        String plain = "interaction 1577203917551304746: the callback got HTTP 500; retrying once (net.dv8tion.jda.api.JDA)";
        assertThat(LogRedaction.redact(plain)).isEqualTo(plain);
        assertThat(LogRedaction.redact(null)).isNull();
    }

    @Test
    void theProductionLogConfigurationRedactsMessagesAndExceptions() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("net.dv8tion.jda.api.requests.RestRateLimiter"), Level.WARN,
                "Encountered 429 with bucket b:interaction_token={} Retry-After: 1000 ms",
                new IllegalStateException("failed: /webhooks/1/" + INTERACTION_TOKEN + "/messages/@original"),
                new Object[] {INTERACTION_TOKEN});
        String line = ProductionLog.load().render(event);
        assertThat(line).contains("WARN", "Encountered 429", "interaction_token=<redacted>", "IllegalStateException",
                "/webhooks/1/<redacted>/messages/@original", "at io.reportbot.ops.logging.LogRedactionTest")
                .doesNotContain(INTERACTION_TOKEN);
    }

    @Test
    void jsonLinesAreRedactedToo() {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory(); // one with an MDC
        RedactedJsonEncoder encoder = new RedactedJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("net.dv8tion"), Level.WARN,
                "bucket b:interaction_token={}", null, new Object[] {INTERACTION_TOKEN});
        String json = new String(encoder.encode(event), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("interaction_token=<redacted>").doesNotContain(INTERACTION_TOKEN);
    }
}
