package io.reportbot.engine;

import io.reportbot.core.Language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableEngineTest {

    @TempDir
    Path dir;

    private Path copyIntents() throws IOException {
        Path intents = dir.resolve("intents");
        Files.createDirectories(intents);
        try (Stream<Path> files = Files.list(Path.of("intents"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(f, intents.resolve(f.getFileName()));
            }
        }
        return intents;
    }

    @Test
    void aBrokenIntentsFileIsRejectedAndTheOldEngineKeepsAnswering() throws Exception {
        Path intents = copyIntents();
        ReloadableEngine engine = ReloadableEngine.create(
                new EngineSettings(Optional.empty(), Optional.of(intents)), FallbackListener.NONE);
        Files.writeString(intents.resolve("unicorns.json"), "{ \"name\": \"unicorns\", broken");
        ReloadableEngine.Outcome outcome = engine.reload();
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.message()).contains("unicorns.json").contains("running engine stays");
        assertThat(engine.answer(Inbound.of("Wie viele Einhörner?", "c", "test")).text()).contains("36");
    }

    @Test
    void questionsAreAnsweredWhileItRetrains() throws Exception {
        Path intents = copyIntents();
        ReloadableEngine engine = ReloadableEngine.create(
                new EngineSettings(Optional.empty(), Optional.of(intents)), FallbackListener.NONE);
        io.reportbot.review.IntentFileEditor.add(intents, "unicorns", Language.DE, "Wie viele Dekakorne gibt es?");
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Thread asker = new Thread(() -> {
            while (!done.get()) {
                Reply r = engine.answer(Inbound.of("How many unicorns?", "c", "test"));
                (r.text().contains("36") ? answered : failed).incrementAndGet();
            }
        });
        asker.start();
        ReloadableEngine.Outcome outcome = engine.reload();
        done.set(true);
        asker.join();
        assertThat(outcome.ok()).as(outcome.message()).isTrue();
        assertThat(answered.get()).isPositive();
        assertThat(failed.get()).isZero();
    }
}
