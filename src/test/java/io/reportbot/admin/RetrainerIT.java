package io.reportbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.engine.EngineSettings;
import io.reportbot.engine.FallbackListener;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.eval.LabelledQuestion;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.IntentLoader;
import io.reportbot.review.IntentFileEditor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Retrain and check" refusing a change that breaks a floor: the unicorn examples are also added to out_of_scope, so
 * unicorn questions get declined; the retrain must keep the running engine and name the questions that got worse.
 */
class RetrainerIT {

    @TempDir
    Path dir;

    @Test
    void aChangeThatBreaksAFloorKeepsTheRunningEngineAndNamesTheQuestionsThatGotWorse() throws Exception {
        Path intents = Files.createDirectories(dir.resolve("intents"));
        try (Stream<Path> files = Files.list(Path.of("intents"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(f, intents.resolve(f.getFileName()));
            }
        }
        Path eval = Files.createDirectories(dir.resolve("eval"));
        Files.copy(Path.of("src/test/resources/eval/holdout.jsonl"), eval.resolve("holdout.jsonl"));
        Files.copy(Path.of("src/test/resources/eval/holdout2.jsonl"), eval.resolve("holdout2.jsonl"));
        EngineSettings settings = EngineSettings.bundled().withOverrides(null, intents);
        ReloadableEngine engine = ReloadableEngine.create(settings, FallbackListener.NONE);
        String question = "Wie viele Einhörner gibt es in Beijing?";
        assertThat(engine.answer(Inbound.of(question, "a", "test")).intent()).isEqualTo("unicorns");

        try (Retrainer retrainer = new Retrainer(engine, settings, EvalSuite.load(eval), Floors.defaults())) {
            retrainer.measureRunning();
            waitIdle(retrainer);
            assertThat(retrainer.current().sets()).containsOnlyKeys("holdout.jsonl", "holdout2.jsonl");

            Intent unicorns = new IntentLoader().load(intents).stream().filter(i -> i.name().equals("unicorns"))
                    .findFirst().orElseThrow();
            for (Language l : Language.values()) {
                for (String example : unicorns.examples(l)) {
                    IntentFileEditor.add(intents, "out_of_scope", l, example);
                }
            }
            assertThat(retrainer.retrain()).isTrue();
            assertThat(retrainer.retrain()).as("one retrain at a time").isFalse();
            waitIdle(retrainer);

            Retrainer.Outcome o = retrainer.last();
            assertThat(o.swapped()).as(o.message()).isFalse();
            assertThat(o.message()).isEqualTo("a floor is broken: the running engine stays");
            assertThat(o.broken()).isNotEmpty().anySatisfy(b -> assertThat(b).contains("below the floor"));
            assertThat(o.worse().values().stream().flatMap(List::stream).map(LabelledQuestion::intent))
                    .isNotEmpty().contains("unicorns");
            assertThat(engine.answer(Inbound.of(question, "b", "test")).intent())
                    .as("the running engine still answers").isEqualTo("unicorns");
        }
    }

    static void waitIdle(Retrainer r) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Thread.sleep(50);
        while (r.busy() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(r.busy()).isFalse();
    }
}
