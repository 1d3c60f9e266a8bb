package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseSetTest {

    private final PhraseSet places = PhraseSet.of(List.of("shanghai", "new york", "xi an", "new york city", "york"));

    @Test
    void findsWholeWordPhrasesInTheGivenOrder() {
        assertThat(places.findIn("einhoerner in new york und shanghai"))
                .containsExactly("shanghai", "new york", "york");
        assertThat(places.findIn("und in xi an")).containsExactly("xi an");
        assertThat(places.findIn("new york city 2024")).containsExactly("new york", "new york city", "york");
    }

    @Test
    void neverMatchesInsideAWord() {
        assertThat(places.findIn("shanghaier yorkshire xian")).isEmpty();
        assertThat(places.anyIn("wie viele einhoerner")).isFalse();
        assertThat(places.anyIn("")).isFalse();
        assertThat(PhraseSet.of(List.of()).anyIn("shanghai")).isFalse();
    }

    @Test
    void agreesWithAPhraseByPhraseSearchOnTheBundledPlaces() {
        List<String> all = Lexicon.bundled().places();
        PhraseSet set = PhraseSet.of(all);
        Random random = new Random(3);
        String[] filler = {"wie", "viele", "einhoerner", "in", "und", "how", "many", "unicorns", "the", "2024"};
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0, n = 1 + random.nextInt(8); w < n; w++) {
                text.append(w == 0 ? "" : " ").append(random.nextInt(3) == 0
                        ? all.get(random.nextInt(all.size())) : filler[random.nextInt(filler.length)]);
            }
            String t = text.toString();
            List<String> expected = all.stream().distinct().filter(p -> Question.containsPhrase(t, p)).toList();
            assertThat(set.findIn(t)).as(t).isEqualTo(expected);
        }
    }
}
