package io.reportbot.eval;

import io.reportbot.core.Language;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.IntentClassifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * k-fold cross-validation of the intent classifier over the intents' own examples: every k-th example of
 * each intent and language is held out in turn, the classifier trained on the rest, and the top-1 accuracy
 * on the held-out examples averaged over the folds.
 */
public final class CrossValidator {

    private CrossValidator() {
    }

    /**
     * One held-out example and what the classifier trained without it said.
     *
     * @param text     the example
     * @param expected its intent
     * @param got      the classifier's top intent
     */
    public record Prediction(String text, String expected, String got) {
        public boolean right() {
            return expected.equals(got);
        }
    }

    /** Mean top-1 accuracy over k folds. */
    public static double accuracy(List<Intent> intents, int k, IntentClassifier.Settings settings) {
        List<Prediction> all = predictions(intents, k, settings);
        return all.isEmpty() ? 0 : (double) all.stream().filter(Prediction::right).count() / all.size();
    }

    /** Every example held out once, in k folds, with the intent a classifier trained on the other folds gave it. */
    public static List<Prediction> predictions(List<Intent> intents, int k, IntentClassifier.Settings settings) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds");
        }
        List<Prediction> out = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            List<Intent> train = new ArrayList<>();
            List<String[]> test = new ArrayList<>(); // text, intent
            for (Intent intent : intents) {
                Map<Language, List<String>> kept = new EnumMap<>(Language.class);
                for (Language l : Language.values()) {
                    List<String> ex = intent.examples(l);
                    List<String> keep = new ArrayList<>();
                    for (int i = 0; i < ex.size(); i++) {
                        if (i % k == fold) {
                            test.add(new String[] {ex.get(i), intent.name()});
                        } else {
                            keep.add(ex.get(i));
                        }
                    }
                    kept.put(l, keep);
                }
                train.add(new Intent(intent.name(), intent.kind(), kept));
            }
            IntentClassifier c = IntentClassifier.train(train, settings);
            for (String[] t : test) {
                out.add(new Prediction(t[0], t[1], c.classify(c.prepare(t[0])).get(0).intent()));
            }
        }
        return out;
    }
}
