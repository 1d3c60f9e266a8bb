package io.reportbot.engine;

import io.reportbot.core.Language;
import io.reportbot.core.EngineLoadException;

import io.reportbot.answer.Wording;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.IntentClassifier;
import io.reportbot.nlp.LanguageGuesser;
import io.reportbot.nlp.Lexicon;
import io.reportbot.nlp.ModelCache;
import io.reportbot.nlp.QuestionReader;
import io.reportbot.nlp.TextNormalizer;
import io.reportbot.report.Report;
import io.reportbot.reportfolder.FolderLint;
import io.reportbot.reportfolder.ReportFolder;
import io.reportbot.reportfolder.ReportFolders;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Builds engines; the wiring lives here so that {@link Engine} stays a plain interface. */
public final class EngineFactory {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EngineFactory.class);

    private EngineFactory() {
    }

    static Engine create(EngineSettings settings) {
        return create(settings, IntentClassifier.Settings.defaults(), new Conversations(), FallbackListener.NONE);
    }

    /** An engine with given classifier settings (for evaluation and tuning). */
    public static Engine create(EngineSettings settings, IntentClassifier.Settings classifierSettings) {
        return create(settings, classifierSettings, new Conversations(), FallbackListener.NONE);
    }

    /**
     * An engine that keeps conversation context in the given store (a reloaded engine shares the store of
     * the one it replaces, so conversations carry on) and tells the listener about every fallback.
     */
    public static Engine create(EngineSettings settings, IntentClassifier.Settings classifierSettings,
                                Conversations conversations, FallbackListener listener) {
        if (settings.more().folders().isEmpty()) {
            return single(load(settings), settings, classifierSettings, conversations, listener);
        }
        List<MultiReportEngine.Served> served = new ArrayList<>();
        List<ReportFolder> folders = new ArrayList<>();
        folders.add(load(settings));
        for (java.nio.file.Path p : settings.more().folders()) {
            folders.add(ReportFolders.load(p, java.util.Optional.empty()));
        }
        Set<String> ids = new HashSet<>();
        for (ReportFolder f : folders) {
            if (!ids.add(f.id())) {
                throw new EngineLoadException("two report folders have the id \"" + f.id() + "\" (" + f.location() + ")");
            }
            // the multi-report engine tells the listener about the fallback it finally gives, not each report's
            served.add(new MultiReportEngine.Served(f.id(), f.report().title(),
                    single(f, settings, classifierSettings, conversations, FallbackListener.NONE)));
        }
        log.info("serving {} reports: {}", served.size(), ids);
        return new MultiReportEngine(served, settings.more().defaultReport(), settings.more().byConversation(),
                conversations, new Wording(), listener);
    }

    private static Engine single(ReportFolder folder, EngineSettings settings, IntentClassifier.Settings classifierSettings,
                                 Conversations conversations, FallbackListener listener) {
        double threshold = settings.threshold();
        long t0 = System.nanoTime();
        Report report = folder.report();
        List<Intent> intents = folder.intents();
        checkTopics(report, intents);
        // the classifier (model, typo index) loads on a thread of its own while this one reads the rest
        ClassifierLoad classifierLoad = ClassifierLoad.start(intents, classifierSettings);
        if (lintsAtLoad(settings, folder)) {
            FolderLint.loadWarnings(folder).forEach(w -> log.warn("report \"{}\": {}", report.id(), w));
        }

        Map<Language, List<String>> corpus = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            List<String> texts = new ArrayList<>();
            intents.forEach(i -> texts.addAll(i.examples(l)));
            corpus.put(l, texts);
        }
        Lexicon lexicon = Lexicon.bundled().withReport(folder.lexicon());
        Set<String> own = new HashSet<>(report.place().aliases());
        own.addAll(report.place().nationAliases());
        own.add(TextNormalizer.normalize(report.place().name().de()));
        own.add(TextNormalizer.normalize(report.place().name().en()));
        Wording wording = new Wording();
        LanguageGuesser languages = LanguageGuesser.loadingModelOnFirstGuess(corpus, lexicon.functionWords());
        QuestionReader reader = new QuestionReader(lexicon, own);
        IntentClassifier classifier = classifierLoad.join();
        Engine engine = new DefaultEngine(report, intents, classifier,
                languages, reader, wording, threshold, conversations, listener);
        log.info("engine ready in {} ms: report \"{}\" with {} facts, {} intents, classifier ready in {} ms",
                (System.nanoTime() - t0) / 1_000_000, report.id(), report.facts().size(), intents.size(),
                classifierLoad.millis());
        return engine;
    }

    /** The intent classifier, loaded (or trained) on a thread of its own. */
    private static final class ClassifierLoad {
        private final CompletableFuture<IntentClassifier> result = new CompletableFuture<>();
        private volatile long millis;

        static ClassifierLoad start(List<Intent> intents, IntentClassifier.Settings settings) {
            ClassifierLoad load = new ClassifierLoad();
            Thread t = new Thread(() -> {
                long t0 = System.nanoTime();
                try {
                    IntentClassifier c = IntentClassifier.trainOrLoad(intents, settings, ModelCache.fromEnvironment());
                    load.millis = (System.nanoTime() - t0) / 1_000_000;
                    load.result.complete(c);
                } catch (Throwable e) {
                    load.result.completeExceptionally(e);
                }
            }, "reportbot-classifier-load");
            t.setDaemon(true);
            t.start();
            return load;
        }

        /** The classifier; what loading it threw is thrown here, as it was thrown. */
        IntentClassifier join() {
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }

        long millis() {
            return millis;
        }
    }

    /**
     * Whether loading this folder looks for the problems {@link FolderLint#loadWarnings} warns about: not for the
     * bundled report with its own intents, which {@code FolderLintTest} checks at build time to have none (looking
     * again at every start was a tenth of the engine's load time); for every folder and intents from outside.
     */
    static boolean lintsAtLoad(EngineSettings settings, ReportFolder folder) {
        return !(settings.reportFile().isEmpty() && settings.intentsDir().isEmpty()
                && folder.location().equals("bundled:" + ReportFolders.BUNDLED));
    }

    /** The report folder the settings name: {@code --report DIR} (or a deprecated single file), else the bundled one. */
    public static ReportFolder load(EngineSettings settings) {
        return settings.reportFile().map(p -> ReportFolders.load(p, settings.intentsDir()))
                .orElseGet(() -> ReportFolders.bundled(settings.intentsDir()));
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
