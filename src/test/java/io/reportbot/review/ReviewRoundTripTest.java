package io.reportbot.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.engine.EngineSettings;
import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import io.reportbot.engine.ReloadableEngine;
import io.reportbot.engine.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fallback → log → review → add → retrain → answered. */
class ReviewRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void anUnansweredQuestionBecomesATrainingExampleAndIsThenAnswered() throws IOException {
        Path intents = dir.resolve("intents");
        Files.createDirectories(intents);
        try (Stream<Path> files = Files.list(Path.of("intents"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(f, intents.resolve(f.getFileName()));
            }
        }
        Path logFile = dir.resolve("logs/unanswered.jsonl");
        ReloadableEngine engine = ReloadableEngine.create(
                new EngineSettings(Optional.empty(), Optional.of(intents)), UnansweredLog.open(logFile));

        String question = "Wie viele Dekakorne gibt es?";
        Reply before = engine.answer(Inbound.of(question, "chat-42", "test"));
        assertThat(before.fallback()).isTrue();

        Review.Log log = Review.read(logFile);
        assertThat(log.entries()).extracting(Review.Entry::text).containsExactly(question);
        List<Review.Group> groups = Review.group(log.entries());
        assertThat(groups).hasSize(1);

        assertThat(IntentFileEditor.add(intents, "unicorns", Language.DE, question)).isEqualTo(IntentFileEditor.Result.ADDED);
        assertThat(IntentFileEditor.add(intents, "unicorns", Language.DE, "wie viele dekakorne gibt es"))
                .isEqualTo(IntentFileEditor.Result.ALREADY_THERE);
        assertThat(engine.reload().ok()).isTrue();

        Reply after = engine.answer(Inbound.of(question, "chat-42", "test"));
        assertThat(after.fallback()).isFalse();
        assertThat(after.intent()).isEqualTo("unicorns");
        assertThat(after.text()).contains("36");
    }
}
