package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextLimitsTest {

    @Test
    void shortTextIsKept() {
        assertThat(TextLimits.trim("  Hallo Welt. ", 100)).isEqualTo("Hallo Welt.");
        assertThat(TextLimits.split("Hallo Welt.", 100)).containsExactly("Hallo Welt.");
    }

    @Test
    void trimCutsAtAWordAndAddsAnEllipsis() {
        String t = TextLimits.trim("Peking hat achtundzwanzig Einhörner im Jahr 2024", 30);
        assertThat(t).hasSizeLessThanOrEqualTo(30).endsWith("…").isEqualTo("Peking hat achtundzwanzig…");
    }

    @Test
    void splitPrefersSentenceEndsAndLosesNoWords() {
        String text = "Erster Satz ist hier. Zweiter Satz folgt jetzt. Dritter Satz schließt ab.";
        List<String> parts = TextLimits.split(text, 50);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(50));
        assertThat(parts.get(0)).isEqualTo("Erster Satz ist hier. Zweiter Satz folgt jetzt.");
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void splitPrefersParagraphs() {
        String text = "a".repeat(30) + "\n\n" + "b".repeat(30);
        assertThat(TextLimits.split(text, 50)).containsExactly("a".repeat(30), "b".repeat(30));
    }

    @Test
    void aWordLongerThanTheLimitIsCutButNeverInsideASurrogatePair() {
        String emoji = "\uD83E\uDD84"; // 🦄, two chars
        String text = "x".repeat(9) + emoji + "y".repeat(10);
        List<String> parts = TextLimits.split(text, 10);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(10);
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
        });
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void emptyTextIsOneEmptyPart() {
        assertThat(TextLimits.split("", 10)).containsExactly("");
        assertThat(TextLimits.trim(null, 10)).isEmpty();
    }
}
