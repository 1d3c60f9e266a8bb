package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TypoCorrectorTest {

    private final TypoCorrector corrector = new TypoCorrector(
            List.of("universities", "einhoerner", "unicorns", "unternehmen", "modelle", "modelle", "wie", "viele"));

    @Test
    void correctsSmallTyposToTheNearestKnownWord() {
        assertThat(corrector.correct("univeristies")).isEqualTo("universities");
        assertThat(corrector.correct("einhoerne")).isEqualTo("einhoerner");
        assertThat(corrector.correct("unicrons")).isEqualTo("unicorns");
        assertThat(corrector.correct("modele")).isEqualTo("modelle");
    }

    @Test
    void leavesKnownShortAndFarWordsAlone() {
        assertThat(corrector.correct("viele")).isEqualTo("viele");
        assertThat(corrector.correct("wi")).isEqualTo("wi");
        assertThat(corrector.correct("patente")).isEqualTo("patente");
        assertThat(corrector.correct("2024")).isEqualTo("2024");
    }

    @Test
    void distanceCountsTranspositionsAsOneEdit() {
        assertThat(TypoCorrector.distance("abcd", "abdc", 2)).isEqualTo(1);
        assertThat(TypoCorrector.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(TypoCorrector.distance("kitten", "sitting", 1)).isEqualTo(2);
    }

    @Test
    void theCandidateIndexFindsExactlyWhatAFullScanFinds() {
        List<String> vocabulary = new ArrayList<>();
        for (Intent intent : new IntentLoader().loadBundled()) {
            for (Language l : Language.values()) {
                intent.examples(l).forEach(e -> vocabulary.addAll(TextNormalizer.tokens(e)));
            }
        }
        TypoCorrector indexed = new TypoCorrector(vocabulary).awaitIndex();
        Random random = new Random(7);
        String letters = "abcdefghijklmnopqrstuvwxyz";
        int changed = 0;
        for (int i = 0; i < 3000; i++) {
            String word = vocabulary.get(random.nextInt(vocabulary.size()));
            StringBuilder typo = new StringBuilder(word);
            for (int edits = 1 + random.nextInt(3); edits > 0 && typo.length() > 1; edits--) {
                int at = random.nextInt(typo.length());
                switch (random.nextInt(4)) {
                    case 0 -> typo.deleteCharAt(at);
                    case 1 -> typo.insert(at, letters.charAt(random.nextInt(26)));
                    case 2 -> typo.setCharAt(at, letters.charAt(random.nextInt(26)));
                    default -> {
                        if (at + 1 < typo.length()) {
                            char c = typo.charAt(at);
                            typo.setCharAt(at, typo.charAt(at + 1));
                            typo.setCharAt(at + 1, c);
                        }
                    }
                }
            }
            String t = typo.toString();
            String got = indexed.correct(t);
            assertThat(got).as(t).isEqualTo(indexed.correctByScan(t));
            if (!got.equals(t)) {
                changed++;
            }
        }
        assertThat(changed).as("typos corrected").isGreaterThan(1000);
    }
}
