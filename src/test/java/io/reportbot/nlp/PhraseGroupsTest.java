package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseGroupsTest {

    @Test
    void tellsWhichGroupsHaveAPhraseInTheText() {
        PhraseGroups g = PhraseGroups.of(List.of(List.of("in euro", "euro"), List.of("stimmt es"), List.of("euro")));
        long found = g.scan("stimmt es in euro");
        assertThat(PhraseGroups.has(found, 0)).isTrue();
        assertThat(PhraseGroups.has(found, 1)).isTrue();
        assertThat(PhraseGroups.has(found, 2)).isTrue();
        assertThat(g.scan("europa stimmt")).isZero();
        assertThat(g.scan("")).isZero();
    }

    @Test
    void refusesMoreGroupsThanBits() {
        assertThatThrownBy(() -> PhraseGroups.of(Collections.nCopies(65, List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Each group answers exactly as its own {@link PhraseLookup}, odd phrases included. */
    @Test
    void agreesWithOneLookupPerGroupOnRandomTexts() {
        Random r = new Random(11);
        String[] words = {"a", "ab", "b", "ba", "abc", "c", " ", ""};
        for (int round = 0; round < 3000; round++) {
            List<List<String>> groups = new ArrayList<>();
            for (int n = 1 + r.nextInt(5); n > 0; n--) {
                List<String> phrases = new ArrayList<>();
                for (int i = r.nextInt(4); i >= 0; i--) {
                    phrases.add(join(r, words, 1 + r.nextInt(3)));
                }
                groups.add(phrases);
            }
            String text = join(r, words, r.nextInt(6));
            long found = PhraseGroups.of(groups).scan(text);
            for (int i = 0; i < groups.size(); i++) {
                assertThat(PhraseGroups.has(found, i)).as("%s in '%s'", groups.get(i), text)
                        .isEqualTo(PhraseLookup.of(groups.get(i)).anyIn(text));
            }
        }
    }

    /** The lexicon's aspect phrases on texts made of their words: one scan says what one search per phrase says. */
    @Test
    void agreesWithThePerPhraseSearchOnTheBundledLexicon() {
        List<List<String>> groups = new ArrayList<>(Lexicon.bundled().aspects().values());
        List<String> pieces = new ArrayList<>();
        groups.forEach(pieces::addAll);
        Random r = new Random(4);
        PhraseGroups g = PhraseGroups.of(groups);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0, n = 1 + r.nextInt(5); w < n; w++) {
                text.append(w == 0 ? "" : " ").append(pieces.get(r.nextInt(pieces.size())));
            }
            String t = text.toString();
            long found = g.scan(t);
            for (int i = 0; i < groups.size(); i++) {
                boolean expected = groups.get(i).stream().anyMatch(p -> Question.containsPhrase(t, p));
                assertThat(PhraseGroups.has(found, i)).as(t).isEqualTo(expected);
            }
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
