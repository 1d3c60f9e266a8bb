package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseLookupTest {

    @Test
    void findsWholeWordPhrasesOnly() {
        PhraseLookup l = PhraseLookup.of(List.of("wie viele", "euro"));
        assertThat(l.anyIn("und in euro")).isTrue();
        assertThat(l.anyIn("wie viele firmen")).isTrue();
        assertThat(l.anyIn("europa wie")).isFalse();
        assertThat(l.anyIn("")).isFalse();
    }

    @Test
    void oddPhrasesKeepThePerPhraseRule() {
        // a phrase with a trailing space never stands in single-spaced text; a stripping set would find it
        assertThat(PhraseLookup.of(List.of("euro ")).anyIn("in euro")).isFalse();
        assertThat(PhraseLookup.of(List.of(" ")).anyIn("in euro")).isFalse();
    }

    /** The lookup answers exactly as a loop of {@link Question#containsPhrase} over the phrases. */
    @Test
    void agreesWithThePerPhraseSearchOnRandomTexts() {
        Random r = new Random(9);
        String[] words = {"a", "ab", "b", "ba", "abc", "c", " ", ""};
        for (int round = 0; round < 3000; round++) {
            List<String> phrases = new ArrayList<>();
            for (int i = r.nextInt(4); i >= 0; i--) {
                phrases.add(join(r, words, 1 + r.nextInt(3)));
            }
            String text = join(r, words, r.nextInt(6));
            boolean expected = phrases.stream().anyMatch(p -> Question.containsPhrase(text, p));
            assertThat(PhraseLookup.of(phrases).anyIn(text)).as("%s in '%s'", phrases, text).isEqualTo(expected);
        }
    }

    private static String join(Random r, String[] words, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
        }
        return b.toString();
    }
}
