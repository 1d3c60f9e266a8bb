package io.reportbot.cli;

import io.reportbot.answer.Wording;
import io.reportbot.engine.Conversations;
import io.reportbot.nlp.ChatWords;
import io.reportbot.nlp.ClaimWords;
import io.reportbot.nlp.IntentLoader;
import io.reportbot.nlp.Lexicon;
import io.reportbot.nlp.ScopeWords;
import io.reportbot.report.ReportLoader;

/**
 * Loads, on a background thread at start-up, the classes the engine will need next, while the main thread parses
 * the command line and sets up logging: making a conversation store loads Caffeine's classes, and reading the
 * bundled report, intents and word lists once loads Jackson's, the report's and the word lists' classes (together
 * about a tenth of start-up when the main thread did it). What is read here is thrown away, and so is any failure:
 * the engine reads and checks everything itself, as before, so its answers cannot differ. A second thread does the
 * same for Logback's classes ({@link LogConfigurator#warmUp}), without setting up logging.
 */
final class Preload {

    private Preload() {
    }

    /** Starts the background loading (a daemon thread: it never holds up the exit). */
    static void start() {
        Thread t = new Thread(Preload::run, "reportbot-preload");
        t.setDaemon(true);
        t.start();
        Thread logging = new Thread(Preload::logging, "reportbot-preload-logging");
        logging.setDaemon(true);
        logging.start();
    }

    /** Logback's classes (a tenth of start-up on the main thread otherwise), without setting up logging itself. */
    private static void logging() {
        try {
            LogConfigurator.warmUp();
        } catch (RuntimeException | LinkageError e) {
            // the real set-up reports what is wrong
        }
    }

    private static void run() {
        try {
            new Conversations(); // Caffeine's classes (and java.util.logging, which Caffeine starts)
            new ReportLoader().loadBundled();
            new IntentLoader().loadBundled();
            Lexicon.bundled();
            ChatWords.bundled();
            ClaimWords.bundled();
            ScopeWords.bundled();
            new Wording();
        } catch (RuntimeException | LinkageError e) {
            // the engine reads the report itself and reports what is wrong
        }
    }
}
