package io.reportbot.nlp;

import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * Maps a question to intents with an OpenNLP maxent document categorizer, trained at start-up from the
 * intents' examples of both languages.
 *
 * <p>Features: a bag of words plus character 3–5-grams of each token, over tokens normalised by
 * {@link TextNormalizer}, the same in training and at run time; unknown tokens are mapped to the nearest
 * training token by {@link TypoCorrector} first. Cutoff 0 (the default of 5 drops most features on data
 * this small).
 *
 * <p>Thread-safe: the model is shared and scored by {@link MaxentScorer}, which gives the scores a
 * {@link DocumentCategorizerME} would, bit for bit, and keeps each known word's model parameters once looked up.
 */
public final class IntentClassifier {

    static {
        ExtensionLoader.registerAllowedPackage(CharNgramFeatureGenerator.class.getPackageName());
    }

    /** Training settings; the defaults are the ones the evaluation favoured. */
    public record Settings(int iterations, int cutoff, boolean charNgrams, boolean typoCorrection) {
        public static Settings defaults() {
            return new Settings(150, 0, true, true);
        }
    }

    private final TypoCorrector corrector;
    private final Settings settings;
    private final MaxentScorer scorer;

    private IntentClassifier(DoccatModel model, TypoCorrector corrector, Settings settings) {
        this.corrector = corrector;
        this.settings = settings;
        this.scorer = new MaxentScorer(model, corrector::knows);
    }

    /** Trains on every example of every intent. */
    public static IntentClassifier train(Collection<Intent> intents, Settings settings) {
        return new IntentClassifier(trainModel(intents, settings), new TypoCorrector(vocabulary(intents)), settings);
    }

    /**
     * The classifier for these intents: loaded from the cache when the same examples and settings were
     * trained before (or built into the jar), otherwise trained and then cached.
     */
    public static IntentClassifier trainOrLoad(List<Intent> intents, Settings settings, ModelCache cache) {
        String key = ModelCache.key(intents, settings);
        DoccatModel model = cache.get(key).orElse(null);
        if (model == null) {
            model = trainModel(intents, settings);
            cache.put(key, model);
        }
        return new IntentClassifier(model, new TypoCorrector(vocabulary(intents)), settings);
    }

    private static List<String> vocabulary(Collection<Intent> intents) {
        List<String> vocabulary = new ArrayList<>();
        for (Intent intent : intents) {
            for (Language lang : Language.values()) {
                for (String example : intent.examples(lang)) {
                    vocabulary.addAll(TextNormalizer.tokens(example));
                }
            }
        }
        return vocabulary;
    }

    /** Trains the OpenNLP model on every example of every intent. */
    static DoccatModel trainModel(Collection<Intent> intents, Settings settings) {
        List<DocumentSample> samples = new ArrayList<>();
        for (Intent intent : intents) {
            for (Language lang : Language.values()) {
                for (String example : intent.examples(lang)) {
                    List<String> tokens = TextNormalizer.tokens(example);
                    if (!tokens.isEmpty()) {
                        samples.add(new DocumentSample(intent.name(), tokens.toArray(String[]::new)));
                    }
                }
            }
        }
        if (samples.isEmpty()) {
            throw new EngineLoadException("the intents have no usable training examples");
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        FeatureGenerator[] features = settings.charNgrams()
                ? new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new CharNgramFeatureGenerator()}
                : new FeatureGenerator[] {new BagOfWordsFeatureGenerator()};
        try {
            return DocumentCategorizerME.train("mul", new CollectionObjectStream<>(samples), params,
                    new DoccatFactory(features));
        } catch (IOException e) {
            throw new EngineLoadException("the intent classifier could not be trained: " + e.getMessage(), e);
        }
    }

    /** The tokens the classifier would see for a text: normalised and, if enabled, typo-corrected. */
    public List<String> prepare(String text) {
        List<String> tokens = TextNormalizer.tokens(text);
        return settings.typoCorrection() ? corrector.correct(tokens) : tokens;
    }

    /** Every intent with its score, best first. */
    public List<ScoredIntent> classify(List<String> preparedTokens) {
        String[] tokens = preparedTokens.isEmpty() ? new String[] {""} : preparedTokens.toArray(String[]::new);
        double[] outcomes = scorer.score(tokens);
        List<ScoredIntent> result = new ArrayList<>(outcomes.length);
        for (int i : bestFirst(outcomes)) {
            result.add(new ScoredIntent(scorer.outcome(i), outcomes[i]));
        }
        return result;
    }

    /**
     * The indexes of the scores, highest score first; equal scores in index order (as a stable sort by descending
     * score gives them). An insertion sort: there are a few dozen intents at most.
     */
    static int[] bestFirst(double[] scores) {
        int[] order = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int j = i;
            while (j > 0 && Double.compare(scores[order[j - 1]], scores[i]) < 0) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        return order;
    }

    /** Whether a token occurs in the training examples (after correction it usually does). */
    public boolean knows(String token) {
        return corrector.knows(token);
    }
}
