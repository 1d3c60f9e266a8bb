package io.reportbot.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.IntentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many people adding examples to one intent file at once lose nothing (the page's inbox and review --add). */
class IntentFileEditorLockTest {

    @TempDir
    Path dir;

    @Test
    void concurrentAddsAllLandInTheFile() throws Exception {
        Files.copy(Path.of("intents/unicorns.json"), dir.resolve("unicorns.json"));
        int before = new IntentLoader().load(dir).get(0).examples(Language.EN).size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<IntentFileEditor.Result>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String example = "concurrent example number " + i + " about startups";
                results.add(pool.submit(() -> {
                    go.await();
                    return IntentFileEditor.add(dir, "unicorns", Language.EN, example);
                }));
            }
            go.countDown();
            for (Future<IntentFileEditor.Result> f : results) {
                assertThat(f.get()).isEqualTo(IntentFileEditor.Result.ADDED);
            }
        } finally {
            pool.shutdown();
        }
        Intent after = new IntentLoader().load(dir).get(0);
        assertThat(after.examples(Language.EN)).hasSize(before + 40);
        for (int i = 0; i < 40; i++) {
            assertThat(after.examples(Language.EN)).contains("concurrent example number " + i + " about startups");
        }
    }
}
