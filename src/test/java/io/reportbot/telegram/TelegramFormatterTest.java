package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import io.reportbot.engine.Suggestion;
import io.reportbot.telegram.TelegramFormatter.Piece;
import io.reportbot.telegram.TelegramFormatter.Style;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TelegramFormatterTest {
    private final TelegramFormatter formatter = new TelegramFormatter(TelegramFormatter.texts());

    @Test
    void escapesHtmlSpecialCharacters() {
        assertThat(TelegramFormatter.escape("<b>fett</b> & \"so\" 2 > 1"))
                .isEqualTo("&lt;b&gt;fett&lt;/b&gt; &amp; &quot;so&quot; 2 &gt; 1");
    }

    @Test
    void escapesAnswersAndSourcesButKeepsItsOwnTags() {
        Reply reply = new Reply(Language.DE, "x", 1, false, "A <i>&", List.of(), List.of(), List.of("Q <1>", "Q & 2"));
        assertThat(formatter.answer(reply)).containsExactly(
                "A &lt;i&gt;&amp;\n\n<b>Quellen</b>\n<blockquote>Q &lt;1&gt;</blockquote>\n<blockquote>Q &amp; 2</blockquote>");
    }

    @Test
    void linesOfTheTextThatQuoteASourceBecomeQuotesAndAreNotRepeated() {
        String source = "Außerdem gibt es in Beijing 36 Einhorn-Unternehmen.";
        Reply reply = new Reply(Language.DE, "x", 1, false, "In Beijing gibt es 36 Einhörner & mehr.\n\nQuelle (Bericht): „"
                + source + "“", List.of(), List.of(), List.of(source));
        assertThat(formatter.answer(reply)).containsExactly("In Beijing gibt es 36 Einhörner &amp; mehr.\n\n"
                + "<blockquote>Quelle (Bericht): „" + source + "“</blockquote>");
    }

    @Test
    void shortTextIsOneMessage() {
        assertThat(formatter.plain("Hallo")).containsExactly("Hallo");
        assertThat(formatter.plain("   ")).isEmpty();
    }

    @Test
    void splitsAtTheLastParagraphThatFits() {
        String a = "a".repeat(3000);
        String b = "b".repeat(2000);
        assertThat(formatter.plain(a + "\n\n" + b)).containsExactly(a, b);
    }

    @Test
    void splitsAtALineWhenNoParagraphFits() {
        String a = "a".repeat(3000);
        String b = "b".repeat(2000);
        assertThat(formatter.plain(a + "\n" + b)).containsExactly(a, b);
    }

    @Test
    void splitsAtAWordWhenNoLineFits() {
        String text = "wort ".repeat(1000).strip(); // 4,999 chars
        List<String> parts = formatter.plain(text);
        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> assertThat(p).doesNotStartWith(" ").doesNotEndWith(" ")
                .matches("(wort ?)+"));
        assertThat(parts.get(0).length()).isLessThanOrEqualTo(4096);
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void cutsOneEndlessWordHardButNotInsideASurrogatePair() {
        String text = "x".repeat(4095) + "😀" + "y".repeat(10);
        List<String> parts = formatter.plain(text);
        assertThat(parts).containsExactly("x".repeat(4095), "😀" + "y".repeat(10));
    }

    @Test
    void neverSplitsInsideAnEscapeOrATag() {
        String text = "&".repeat(5000);
        List<String> parts = formatter.plain(text);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).isEqualTo("&amp;".repeat(4096));
        assertThat(parts.get(1)).isEqualTo("&amp;".repeat(904));

        List<String> quoted = TelegramFormatter.render(List.of(Piece.plain("intro\n"),
                new Piece("q".repeat(5000), Style.QUOTE)), 4096);
        assertThat(quoted).hasSize(2);
        assertThat(quoted.get(0)).startsWith("intro\n<blockquote>").endsWith("</blockquote>");
        assertThat(quoted.get(1)).startsWith("<blockquote>").endsWith("</blockquote>");
    }

    @Test
    void partsFitAndNothingButBoundaryWhitespaceIsLost() {
        Random random = new Random(20261129);
        String alphabet = "ab <>&\"\n\n\n  äß😀\t";
        for (int run = 0; run < 300; run++) {
            int limit = 16 + random.nextInt(4081);
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12_000);
            while (text.length() < length) {
                int i = random.nextInt(alphabet.length());
                char c = alphabet.charAt(i);
                if (Character.isSurrogate(c)) {
                    text.append(alphabet, i - (Character.isLowSurrogate(c) ? 1 : 0), i + (Character.isHighSurrogate(c) ? 2 : 1));
                } else {
                    text.append(c);
                }
            }
            List<String> parts = TelegramFormatter.render(List.of(Piece.plain(text.toString())), limit);
            StringBuilder visible = new StringBuilder();
            for (String part : parts) {
                String shown = unescape(part);
                assertThat(shown.length()).as("run %d", run).isLessThanOrEqualTo(limit).isPositive();
                assertThat(Character.isLowSurrogate(shown.charAt(0))).as("run %d", run).isFalse();
                visible.append(shown);
            }
            assertThat(withoutWhitespace(visible.toString())).as("run %d", run)
                    .isEqualTo(withoutWhitespace(text.toString()));
        }
    }

    @Test
    void answerInOneCutsWithAnEllipsis() {
        Reply reply = new Reply(Language.EN, "x", 1, false, "word ".repeat(2000), List.of(), List.of(), List.of());
        String one = formatter.answerInOne(reply, 4096);
        assertThat(one.length()).isLessThanOrEqualTo(4096);
        assertThat(one).endsWith("…");
    }

    @Test
    void suggestionsBecomeButtonsWithCompactCallbackData() {
        var keyboard = formatter.keyboard(List.of(new Suggestion("unicorns", "Einhörner"),
                new Suggestion("x".repeat(80), "too long")), Language.DE).orElseThrow();
        assertThat(keyboard.getKeyboard()).hasSize(1);
        assertThat(keyboard.getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("rb:t:de:unicorns");
        assertThat(formatter.keyboard(List.of(), Language.DE)).isEmpty();
    }

    static String unescape(String html) {
        return html.replaceAll("</?(b|blockquote)>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&");
    }

    static String withoutWhitespace(String s) {
        return s.codePoints().filter(c -> !Character.isWhitespace(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
