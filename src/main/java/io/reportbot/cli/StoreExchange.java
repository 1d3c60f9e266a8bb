package io.reportbot.cli;

import io.reportbot.engine.EngineSettings;
import io.reportbot.store.QuestionStore;
import io.reportbot.store.StoreException;
import io.reportbot.store.UnansweredExchange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/** {@code review --export FILE} and {@code review --import FILE}: the unanswered log as the store's export and import. */
final class StoreExchange {

    private StoreExchange() {
    }

    static int run(String url, Path exportTo, Path importFrom, EngineSettings settings, PrintWriter out,
                   PrintWriter err) {
        String jdbc = url != null ? url : System.getenv().getOrDefault("REPORTBOT_STORE_JDBC_URL", Maintenance.DEFAULT_URL);
        try (QuestionStore store = QuestionStore.open(jdbc)) {
            if (importFrom != null) {
                String report = settings.reportFile().map(p -> p.getFileName().toString()).orElse("bundled");
                UnansweredExchange.Imported r = UnansweredExchange.importLog(store, importFrom, report);
                err.printf("review: imported %d questions from %s into %s (%d already there, %d unreadable lines skipped)%n",
                        r.added(), importFrom, store.where(), r.alreadyThere(), r.unreadable());
            }
            if (exportTo != null) {
                boolean stdout = exportTo.toString().equals("-");
                Writer w = stdout ? out : Files.newBufferedWriter(exportTo, StandardCharsets.UTF_8);
                try {
                    int n = UnansweredExchange.export(store, Instant.EPOCH, w);
                    err.printf("review: exported %d questions from %s%s%n", n, store.where(),
                            stdout ? "" : " to " + exportTo);
                } finally {
                    if (!stdout) {
                        w.close();
                    }
                }
            }
            err.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("review: " + e.getFile() + " does not exist");
        } catch (IOException e) {
            err.println("review: " + e.getMessage());
        } catch (StoreException e) {
            err.println("review: " + e.getMessage());
        }
        err.flush();
        return 2;
    }
}
