package io.reportbot.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void shortTextIsKept() {
        assertThat(TextSplitter.shorten("  Hallo Welt. ", 100)).isEqualTo("Hallo Welt.");
        assertThat(TextSplitter.split("Hallo Welt.", 100)).containsExactly("Hallo Welt.");
        assertThat(TextSplitter.shorten("Einhörner?", 64)).isEqualTo("Einhörner?");
    }

    @Test
    void blankTextIsOneEmptyPartAndHasNoRanges() {
        assertThat(TextSplitter.split("", 10)).containsExactly("");
        assertThat(TextSplitter.split(null, 10)).containsExactly("");
        assertThat(TextSplitter.ranges("   \n ", 10)).isEmpty();
        assertThat(TextSplitter.shorten(null, 10)).isEmpty();
    }

    @Test
    void shortenCutsAtAWordAndAddsAnEllipsis() {
        String t = TextSplitter.shorten("Peking hat achtundzwanzig Einhörner im Jahr 2024", 30);
        assertThat(t).hasSizeLessThanOrEqualTo(30).isEqualTo("Peking hat achtundzwanzig…");
    }

    @Test
    void shortenCutsOneLongWordHardWithinTheLimit() {
        assertThat(TextSplitter.shorten("a".repeat(100), 64)).hasSize(64).isEqualTo("a".repeat(63) + "…");
    }

    @Test
    void splitPrefersParagraphsThenLinesThenSentenceEnds() {
        assertThat(TextSplitter.split("a".repeat(30) + "\n\n" + "b".repeat(30), 50))
                .containsExactly("a".repeat(30), "b".repeat(30));
        String words = "a ".repeat(10) + "a";
        assertThat(TextSplitter.split(words + "\n" + "b".repeat(30), 40)).containsExactly(words, "b".repeat(30));
        String text = "Erster Satz ist hier. Zweiter Satz folgt jetzt. Dritter Satz schließt ab.";
        List<String> parts = TextSplitter.split(text, 50);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(50));
        assertThat(parts.get(0)).isEqualTo("Erster Satz ist hier. Zweiter Satz folgt jetzt.");
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void aWordLongerThanTheLimitIsCutButNeverInsideASurrogatePair() {
        String text = "x".repeat(9) + "🦄" + "y".repeat(10);
        List<String> parts = TextSplitter.split(text, 10);
        assertThat(parts).containsExactly("x".repeat(9), "🦄" + "y".repeat(8), "yy");
        for (int pad = 0; pad < 4; pad++) {
            String s = TextSplitter.shorten("x".repeat(pad) + "🦄".repeat(40), 64);
            assertThat(s.length()).isLessThanOrEqualTo(64);
            assertThat(s.substring(0, s.length() - 1)).isEqualTo("x".repeat(pad) + "🦄".repeat((s.length() - 1 - pad) / 2));
        }
    }

    @Test
    void keepsZwjSequencesSkinTonesFlagsAccentsAndKeycapsWhole() {
        String family = "👩‍👩‍👧‍👦";
        String thumbs = "👍🏽";
        String flag = "🇩🇪";
        String accent = "e\u0301";
        String keycap = "1️⃣";
        for (String g : new String[] {family, thumbs, flag, accent, keycap}) {
            for (int pad = 0; pad < 12; pad++) {
                String text = "y".repeat(pad) + g.repeat(30);
                String s = TextSplitter.shorten(text, 20);
                String body = s.substring(pad, s.length() - 1);
                assertThat(body).as("%s with %d before: %s", g, pad, s).isEqualTo(g.repeat(body.length() / g.length()));
                assertThat(s.length()).isLessThanOrEqualTo(20);
                for (String part : TextSplitter.split(text, 24)) {
                    String rest = part.replace("y", "");
                    assertThat(rest).as("%s split with %d before", g, pad).isEqualTo(g.repeat(rest.length() / g.length()));
                }
            }
        }
    }

    @Test
    void aLimitBelowTwoIsRefused() {
        assertThatThrownBy(() -> TextSplitter.split("abc", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TextSplitter.shorten("abc", 1)).isEqualTo("…");
    }
}
