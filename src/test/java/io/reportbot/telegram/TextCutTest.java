package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCutTest {

    @Test
    void shortTextStaysAsItIs() {
        assertThat(TextCut.shorten("Einhörner?", 64)).isEqualTo("Einhörner?");
    }

    @Test
    void longTextEndsWithAnEllipsisWithinTheLimit() {
        String s = TextCut.shorten("a".repeat(100), 64);
        assertThat(s).hasSize(64).endsWith("…");
    }

    @Test
    void neverSplitsASurrogatePair() {
        for (int pad = 0; pad < 4; pad++) {
            String text = "x".repeat(pad) + "🦄".repeat(40);
            String s = TextCut.shorten(text, 64);
            assertThat(s.length()).isLessThanOrEqualTo(64);
            assertThat(s.substring(0, s.length() - 1)).isEqualTo("x".repeat(pad) + "🦄".repeat((s.length() - 1 - pad) / 2));
        }
    }

    @Test
    void keepsZwjSequencesSkinTonesFlagsAndAccentsWhole() {
        String family = "👩‍👩‍👧‍👦";
        String thumbs = "👍🏽";
        String flag = "🇩🇪";
        String accent = "e\u0301";
        String keycap = "1️⃣";
        for (String g : new String[] {family, thumbs, flag, accent, keycap}) {
            for (int pad = 0; pad < 12; pad++) {
                String text = "y".repeat(pad) + g.repeat(30);
                String s = TextCut.shorten(text, 20);
                String body = s.substring(pad, s.length() - 1);
                assertThat(body.length() % g.length()).as("%s with %d before: %s", g, pad, s).isZero();
                assertThat(body).isEqualTo(g.repeat(body.length() / g.length()));
                assertThat(s.length()).isLessThanOrEqualTo(20);
            }
        }
    }
}
