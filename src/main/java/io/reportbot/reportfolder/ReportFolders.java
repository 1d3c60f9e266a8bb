package io.reportbot.reportfolder;

import io.reportbot.core.EngineLoadException;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.IntentLoader;
import io.reportbot.nlp.ReportLexicon;
import io.reportbot.report.Report;
import io.reportbot.report.ReportLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads report folders: a folder on disk ({@code --report DIR}) or the bundled white paper, which is such a
 * folder on the class path ({@code /reports/beijing-ai-2024/}). The old form, {@code --report FILE.json},
 * still works with a deprecation warning: the file is the dataset, the intents are the bundled ones (or
 * {@code --intents}), and there is no lexicon of the report's own. Thread-safe.
 */
public final class ReportFolders {

    /** The class-path folder of the bundled report. */
    public static final String BUNDLED = "reports/beijing-ai-2024";

    private static final Logger log = LoggerFactory.getLogger(ReportFolders.class);

    private ReportFolders() {
    }

    /** The bundled white paper. */
    public static ReportFolder bundled() {
        return bundled(Optional.empty());
    }

    /** The bundled white paper, with intents from another folder if given. */
    public static ReportFolder bundled(Optional<Path> intentsDir) {
        Report report = new ReportLoader().loadResource("/" + BUNDLED + "/report.json");
        ReportLexicon lexicon;
        try (InputStream in = ReportFolders.class.getResourceAsStream("/" + BUNDLED + "/lexicon.json")) {
            lexicon = in == null ? ReportLexicon.empty() : ReportLexicon.read(in, "the bundled report's lexicon.json");
        } catch (IOException e) {
            throw new EngineLoadException("the bundled report's lexicon cannot be read: " + e.getMessage(), e);
        }
        Optional<String> source;
        try (InputStream in = ReportFolders.class.getResourceAsStream("/" + BUNDLED + "/source.txt")) {
            source = in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            source = Optional.empty();
        }
        List<Intent> intents = intentsDir.map(new IntentLoader()::load).orElseGet(new IntentLoader()::loadBundled);
        return new ReportFolder("bundled:" + BUNDLED, report.withUncovered(lexicon.uncovered()), intents, lexicon, source);
    }

    /**
     * A report folder on disk, or (deprecated) a single report JSON file.
     *
     * @param path       the folder (or file)
     * @param intentsDir intents to use instead of the folder's {@code intents/}
     */
    public static ReportFolder load(Path path, Optional<Path> intentsDir) {
        if (Files.isRegularFile(path)) {
            log.warn("--report {} names a single JSON file; this form is deprecated: make a report folder with "
                    + "report.json and intents/ (see the README, 'Make a bot for your own report')", path);
            Report report = new ReportLoader().load(path);
            List<Intent> intents = intentsDir.map(new IntentLoader()::load).orElseGet(new IntentLoader()::loadBundled);
            return new ReportFolder(path.toString(), report, intents, ReportLexicon.empty(), Optional.empty());
        }
        if (!Files.isDirectory(path)) {
            throw new EngineLoadException("report folder " + path + " does not exist");
        }
        Path json = path.resolve("report.json");
        if (!Files.isRegularFile(json)) {
            throw new EngineLoadException("report folder " + path + " has no report.json");
        }
        Report report = new ReportLoader().load(json);
        ReportLexicon lexicon = ReportLexicon.empty();
        Path lex = path.resolve("lexicon.json");
        if (Files.isRegularFile(lex)) {
            try (InputStream in = Files.newInputStream(lex)) {
                lexicon = ReportLexicon.read(in, lex.toString());
            } catch (IOException e) {
                throw new EngineLoadException(lex + " cannot be read: " + e.getMessage(), e);
            }
        }
        Path intents = intentsDir.orElse(path.resolve("intents"));
        if (intentsDir.isEmpty() && !Files.isDirectory(intents)) {
            throw new EngineLoadException("report folder " + path + " has no intents/ folder");
        }
        Optional<String> source = Optional.empty();
        Path src = path.resolve("source.txt");
        if (Files.isRegularFile(src)) {
            try {
                source = Optional.of(Files.readString(src, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new EngineLoadException(src + " cannot be read: " + e.getMessage(), e);
            }
        }
        return new ReportFolder(path.toString(), report.withUncovered(lexicon.uncovered()),
                new IntentLoader().load(intents), lexicon, source);
    }
}
