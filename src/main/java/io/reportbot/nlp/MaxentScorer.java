package io.reportbot.nlp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The scores {@link DocumentCategorizerME#categorize(String[])} gives, bit for bit, without its per-call work:
 * OpenNLP builds a feature string per word and per character n-gram ("bow=einhoerner", "c=^ein", …) and looks
 * each up in the model on every call. Here each known word's model parameters are looked up once and kept,
 * in the order OpenNLP adds them (every word's bag-of-words feature, then every word's n-grams), so the sums,
 * and hence the scores, are the same doubles. Used only for the model shapes this project trains (a maxent
 * {@link GISModel}, uniform prior, bag of words with or without {@link CharNgramFeatureGenerator}); any other
 * model is scored by OpenNLP itself. Thread-safe.
 */
final class MaxentScorer {

    /** A word's parameters: for each feature in OpenNLP's order, its outcomes and weights, one after the other. */
    private record Features(int[] outcomes, double[] weights) {
        static final Features NONE = new Features(new int[0], new double[0]);
    }

    private final DoccatModel model;
    private final MaxentModel maxent;
    /** The model's parameters by feature name, or null when OpenNLP scores (a model shape not handled here). */
    private final Map<String, Context> parameters;
    private final boolean charNgrams;
    private final int outcomes;
    private final double logPrior;
    /** Which words to keep the looked-up parameters of (the training vocabulary: bounded). */
    private final Predicate<String> keep;
    private final Map<String, Features> bagOfWords = new ConcurrentHashMap<>();
    private final Map<String, Features> ngrams = new ConcurrentHashMap<>();

    /**
     * @param model the trained or loaded model
     * @param keep  the words whose parameters may be kept after the first look-up (the others are looked up
     *              on every call, so that odd input cannot grow memory)
     */
    @SuppressWarnings("unchecked")
    MaxentScorer(DoccatModel model, Predicate<String> keep) {
        this.model = model;
        this.maxent = model.getMaxentModel();
        this.keep = keep;
        this.outcomes = maxent.getNumOutcomes();
        // as UniformPrior does: the log of one over the number of outcomes
        this.logPrior = StrictMath.log(1.0 / outcomes);
        FeatureGenerator[] generators = model.getFactory().getFeatureGenerators();
        boolean bow = generators.length >= 1 && generators[0].getClass() == BagOfWordsFeatureGenerator.class;
        boolean ngram = generators.length == 2 && generators[1].getClass() == CharNgramFeatureGenerator.class;
        boolean handled = maxent instanceof GISModel && bow && (generators.length == 1 || ngram);
        this.charNgrams = ngram;
        this.parameters = handled ? (Map<String, Context>) ((GISModel) maxent).getDataStructures()[1] : null;
    }

    /** The outcome (intent name) at an index of {@link #score}'s array. */
    String outcome(int index) {
        return maxent.getOutcome(index);
    }

    /** The probability of every outcome, as {@code DocumentCategorizerME.categorize(tokens)} gives it. */
    double[] score(String[] tokens) {
        if (parameters == null) {
            return new DocumentCategorizerME(model).categorize(tokens);
        }
        double[] sums = new double[outcomes];
        java.util.Arrays.fill(sums, logPrior);
        for (String t : tokens) {
            add(sums, features(t, bagOfWords, false));
        }
        if (charNgrams) {
            for (String t : tokens) {
                add(sums, features(t, ngrams, true));
            }
        }
        // as GISModel.eval does: exponentiate, then normalise, in this order
        double total = 0;
        for (int i = 0; i < outcomes; i++) {
            sums[i] = StrictMath.exp(sums[i]);
            total += sums[i];
        }
        for (int i = 0; i < outcomes; i++) {
            sums[i] /= total;
        }
        return sums;
    }

    private static void add(double[] sums, Features f) {
        int[] o = f.outcomes();
        double[] w = f.weights();
        for (int j = 0; j < o.length; j++) {
            sums[o[j]] += w[j];
        }
    }

    private Features features(String token, Map<String, Features> cache, boolean ngram) {
        Features f = cache.get(token);
        if (f == null) {
            f = ngram ? lookUp(new CharNgramFeatureGenerator().extractFeatures(new String[] {token}, Map.of()))
                    : lookUp(List.of("bow=" + token));
            if (keep.test(token)) {
                cache.put(token, f);
            }
        }
        return f;
    }

    /** The parameters of these features, in their order; features the model doesn't know add nothing. */
    private Features lookUp(java.util.Collection<String> features) {
        int n = 0;
        for (String s : features) {
            Context c = parameters.get(s);
            if (c != null) {
                n += c.getOutcomes().length;
            }
        }
        if (n == 0) {
            return Features.NONE;
        }
        int[] o = new int[n];
        double[] w = new double[n];
        int k = 0;
        for (String s : features) {
            Context c = parameters.get(s);
            if (c != null) {
                int[] co = c.getOutcomes();
                double[] cp = c.getParameters();
                System.arraycopy(co, 0, o, k, co.length);
                System.arraycopy(cp, 0, w, k, cp.length);
                k += co.length;
            }
        }
        return new Features(o, w);
    }
}
