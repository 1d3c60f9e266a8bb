package io.reportbot.admin;

import io.reportbot.engine.Engine;
import io.reportbot.engine.EngineFactory;
import io.reportbot.engine.EngineSettings;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.eval.LabelledQuestion;
import io.reportbot.nlp.IntentClassifier;
import io.reportbot.review.IntentFileEditor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Retrain and check": builds a new engine from the intent files in the background, runs every labelled set through
 * it, compares it with the running engine set by set, and swaps it in ({@link ReloadableEngine#reload()}) only when
 * no {@link Floors floor} is broken. Otherwise the running engine stays and the outcome lists the questions that got
 * worse. The intent files are locked for the whole run, so nobody changes them between the check and the swap.
 *
 * <p>At start it measures the running engine once ({@link #measureRunning()}): that run is the "before" of the first
 * retrain and what the Quality part shows. One job at a time; thread-safe.
 */
public final class Retrainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Retrainer.class);

    /**
     * How a retrain went.
     *
     * @param started  when it started
     * @param finished when it finished (null while running)
     * @param swapped  whether the new engine now answers
     * @param message  what happened, in words
     * @param broken   every floor the new engine broke
     * @param worse    per set, the questions right before and wrong after
     * @param before   the running engine's run (may be null when it was never measured)
     * @param after    the new engine's run (null when it could not be built)
     */
    public record Outcome(Instant started, Instant finished, boolean swapped, String message, List<String> broken,
                          Map<String, List<LabelledQuestion>> worse, EvalSuite.Run before, EvalSuite.Run after) {
    }

    private final ReloadableEngine engine;
    private final EngineSettings settings;
    private final EvalSuite suite;
    private final Floors floors;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reportbot-retrain");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile EvalSuite.Run current;
    private volatile Outcome last;

    public Retrainer(ReloadableEngine engine, EngineSettings settings, EvalSuite suite, Floors floors) {
        this.engine = engine;
        this.settings = settings;
        this.suite = suite;
        this.floors = floors;
    }

    public EvalSuite suite() {
        return suite;
    }

    /** The running engine's last measurement (null until the first one is done). */
    public EvalSuite.Run current() {
        return current;
    }

    /** The last retrain's outcome (null before the first). */
    public Outcome last() {
        return last;
    }

    /** True while a measurement or a retrain runs. */
    public boolean busy() {
        return busy.get();
    }

    /** Measures the running engine's intents in the background (a fresh engine from the same files). */
    public void measureRunning() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        worker.submit(() -> {
            try {
                current = measure();
            } catch (RuntimeException e) {
                LOG.warn("measuring the running engine failed: {}", e.toString());
            } finally {
                busy.set(false);
            }
        });
    }

    /** Starts a retrain in the background; false when one is already running. */
    public boolean retrain() {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        Instant started = Instant.now();
        last = new Outcome(started, null, false, "retraining and running every labelled set…", List.of(), Map.of(),
                current, null);
        worker.submit(() -> {
            try {
                last = settings.intentsDir().isPresent()
                        ? IntentFileEditor.whileLocked(settings.intentsDir().get(), () -> check(started))
                        : check(started);
            } catch (Exception e) {
                LOG.warn("retrain failed, the running engine stays: {}", e.toString());
                last = new Outcome(started, Instant.now(), false,
                        "the new engine could not be built, the running engine stays: " + e.getMessage(), List.of(),
                        Map.of(), current, null);
            } finally {
                busy.set(false);
            }
        });
        return true;
    }

    private Outcome check(Instant started) {
        EvalSuite.Run before = current != null ? current : measure();
        EvalSuite.Run after = measure();
        List<String> broken = new ArrayList<>();
        Map<String, List<LabelledQuestion>> worse = new LinkedHashMap<>();
        after.sets().forEach((name, run) -> {
            EvalSuite.SetRun was = before.sets().get(name);
            broken.addAll(floors.broken(name, was == null ? null : was.result(), run.result()));
            if (was != null) {
                List<LabelledQuestion> w = suite.worse(name, was, run);
                if (!w.isEmpty()) {
                    worse.put(name, w);
                }
            }
        });
        if (!broken.isEmpty()) {
            return new Outcome(started, Instant.now(), false,
                    "a floor is broken: the running engine stays", broken, worse, before, after);
        }
        ReloadableEngine.Outcome swap = engine.reload();
        if (!swap.ok()) {
            return new Outcome(started, Instant.now(), false, swap.message(), broken, worse, before, after);
        }
        current = after;
        if (after.sets().isEmpty()) {
            return new Outcome(started, Instant.now(), true, "no labelled sets (--eval-dir DIR): reloaded without a check ("
                    + swap.message() + ")", broken, worse, before, after);
        }
        LOG.info("retrained and swapped in: no floor broken on {} labelled sets", after.sets().size());
        return new Outcome(started, Instant.now(), true, "no floor broken: the new engine answers now (" + swap.message()
                + ")", broken, worse, before, after);
    }

    /** An engine from the current files; not built when there are no labelled sets to run it on. */
    private EvalSuite.Run measure() {
        return suite.sets().isEmpty() ? new EvalSuite.Run(Instant.now(), Map.of()) : suite.run(build());
    }

    private Engine build() {
        return EngineFactory.create(settings, IntentClassifier.Settings.defaults());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
