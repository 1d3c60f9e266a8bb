package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaxentScorerTest {

    private static List<Intent> intents;
    private static List<String[]> texts;

    @BeforeAll
    static void load() {
        intents = new IntentLoader().loadBundled();
        List<String> words = new ArrayList<>();
        texts = new ArrayList<>();
        for (Intent i : intents) {
            for (Language l : Language.values()) {
                for (String e : i.examples(l)) {
                    List<String> t = TextNormalizer.tokens(e);
                    words.addAll(t);
                    texts.add(t.toArray(String[]::new));
                }
            }
        }
        // made-up questions: known words mixed with unknown ones, numbers, repeats and the empty token
        Random r = new Random(5);
        String[] odd = {"2024", "xq", "einhoernerx", "zzzz", "", "ki", "4", "qwertzuiop"};
        for (int n = 0; n < 2000; n++) {
            String[] t = new String[1 + r.nextInt(9)];
            for (int k = 0; k < t.length; k++) {
                t[k] = r.nextInt(4) == 0 ? odd[r.nextInt(odd.length)] : words.get(r.nextInt(words.size()));
            }
            texts.add(t);
        }
        texts.add(new String[] {""});
    }

    @Test
    void givesOpenNlpsScoresBitForBitWithCharacterNgrams() {
        DoccatModel model = IntentClassifier.trainModel(intents, IntentClassifier.Settings.defaults());
        assertSameAsOpenNlp(model);
    }

    @Test
    void givesOpenNlpsScoresBitForBitWithABagOfWordsOnly() {
        IntentClassifier.Settings d = IntentClassifier.Settings.defaults();
        DoccatModel model = IntentClassifier.trainModel(intents,
                new IntentClassifier.Settings(d.iterations(), d.cutoff(), false, d.typoCorrection()));
        assertSameAsOpenNlp(model);
    }

    @Test
    void givesOpenNlpsScoresForTheModelBuiltIntoTheJar() {
        DoccatModel model = ModelCache.bundledOnly()
                .get(ModelCache.key(intents, IntentClassifier.Settings.defaults())).orElseThrow();
        assertSameAsOpenNlp(model);
    }

    private static void assertSameAsOpenNlp(DoccatModel model) {
        // keep every word: the second pass reads the kept parameters, the first looked them up
        MaxentScorer scorer = new MaxentScorer(model, w -> true);
        DocumentCategorizerME me = new DocumentCategorizerME(model);
        for (int pass = 0; pass < 2; pass++) {
            for (String[] t : texts) {
                double[] expected = me.categorize(t);
                double[] actual = scorer.score(t);
                assertThat(actual).as(String.join(" ", t)).containsExactly(expected);
            }
        }
        for (int i = 0; i < me.getNumberOfCategories(); i++) {
            assertThat(scorer.outcome(i)).isEqualTo(me.getCategory(i));
        }
    }
}
