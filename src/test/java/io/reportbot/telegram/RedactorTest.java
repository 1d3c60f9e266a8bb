package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = new Redactor(BotToken.parse("123456:TEST-fake-token-not-real"));

    @Test
    void masksTheTokenAndAnythingShapedLikeOne() {
        assertThat(redactor.redact("GET https://api.telegram.org/bot123456:TEST-fake-token-not-real/getMe"))
                .isEqualTo("GET https://api.telegram.org/bot<redacted>/getMe");
        assertThat(redactor.redact("other 42:AAbbCCddEEffGGhhIIjjKKll")).isEqualTo("other <redacted>");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void sanitizedExceptionsKeepTheirStackButNotTheToken() {
        Exception original = new IllegalStateException("call failed",
                new IOException("unexpected end of stream on http://h/bot123456:TEST-fake-token-not-real/sendMessage"));
        Throwable clean = redactor.sanitize(original);
        StringWriter out = new StringWriter();
        clean.printStackTrace(new PrintWriter(out));
        assertThat(out.toString()).doesNotContain("TEST-fake").contains("java.io.IOException: unexpected end of stream")
                .contains("RedactorTest");
        assertThat(redactor.describe(original)).isEqualTo("IllegalStateException: call failed <- IOException:"
                + " unexpected end of stream on http://h/bot<redacted>/sendMessage");
    }
}
