package io.reportbot.engine;

import io.reportbot.answer.Wording;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.IntentClassifier;
import io.reportbot.nlp.IntentLoader;
import io.reportbot.nlp.LanguageGuesser;
import io.reportbot.nlp.Lexicon;
import io.reportbot.nlp.QuestionReader;
import io.reportbot.nlp.TextNormalizer;
import io.reportbot.report.Report;
import io.reportbot.report.ReportLoader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import opennlp.tools.langdetect.LanguageDetectorModel;

/** Builds engines; the wiring lives here so that {@link Engine} stays a plain interface. */
public final class EngineFactory {

    /**
     * Below this classifier score the engine says the report doesn't say. Chosen with the threshold sweep
     * of the labelled evaluation set (see the README).
     */
    public static final double DEFAULT_THRESHOLD = 0.4;

    private EngineFactory() {
    }

    static Engine create(EngineSettings settings) {
        return create(settings, DEFAULT_THRESHOLD, IntentClassifier.Settings.defaults());
    }

    /** An engine with a given confidence threshold and classifier settings (for evaluation and tuning). */
    public static Engine create(EngineSettings settings, double threshold, IntentClassifier.Settings classifierSettings) {
        CompletableFuture<LanguageDetectorModel> model = CompletableFuture.supplyAsync(LanguageGuesser::loadModel);
        Report report = settings.reportFile().map(new ReportLoader()::load).orElseGet(new ReportLoader()::loadBundled);
        List<Intent> intents = settings.intentsDir().map(new IntentLoader()::load).orElseGet(new IntentLoader()::loadBundled);
        checkTopics(report, intents);
        IntentClassifier classifier = IntentClassifier.train(intents, classifierSettings);

        Map<Language, List<String>> corpus = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            List<String> texts = new ArrayList<>();
            intents.forEach(i -> texts.addAll(i.examples(l)));
            corpus.put(l, texts);
        }
        Lexicon lexicon = Lexicon.bundled();
        Set<String> own = new HashSet<>(report.place().aliases());
        own.addAll(report.place().nationAliases());
        own.add(TextNormalizer.normalize(report.place().name().de()));
        own.add(TextNormalizer.normalize(report.place().name().en()));
        LanguageDetectorModel ldm;
        try {
            ldm = model.join();
        } catch (CompletionException e) {
            ldm = null;
        }
        return new DefaultEngine(report, intents, classifier, new LanguageGuesser(corpus, lexicon.functionWords(), ldm),
                new QuestionReader(lexicon, own), new Wording(), threshold);
    }

    /** Every topic intent must have a topic in the report, or it could never be answered. */
    private static void checkTopics(Report report, List<Intent> intents) {
        List<String> missing = intents.stream()
                .filter(i -> i.kind() == Intent.Kind.TOPIC && report.topic(i.name()).isEmpty())
                .map(Intent::name)
                .toList();
        if (!missing.isEmpty()) {
            throw new EngineLoadException("intents " + missing + " are topics, but report \"" + report.id()
                    + "\" has no topic with that id");
        }
    }
}
