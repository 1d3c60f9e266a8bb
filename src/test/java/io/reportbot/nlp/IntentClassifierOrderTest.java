package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntentClassifierOrderTest {

    /** The scores' order is the one a stable sort by descending score gives, ties included. */
    @Test
    void bestFirstIsAStableSortByDescendingScore() {
        Random random = new Random(3);
        for (int n = 0; n < 5_000; n++) {
            double[] scores = new double[random.nextInt(30)];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = random.nextInt(3) == 0 ? random.nextInt(4) / 4.0 : random.nextDouble();
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                expected.add(i);
            }
            expected.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
            List<Integer> got = new ArrayList<>();
            for (int i : IntentClassifier.bestFirst(scores)) {
                got.add(i);
            }
            assertThat(got).isEqualTo(expected);
        }
    }
}
