package io.reportbot.reportfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLintTest {

    static final Path AI_INDEX = Path.of("src/test/resources/reports/ai-index-2024");

    @Test
    void bothBundledReportsLoadWithoutWarnings() {
        assertThat(FolderLint.loadWarnings(ReportFolders.bundled())).isEmpty();
        assertThat(FolderLint.loadWarnings(ReportFolders.load(AI_INDEX, Optional.empty()))).isEmpty();
    }

    @Test
    void anUncoveredTermThatNamesATopicIsNamed(@TempDir Path dir) throws IOException {
        copy(AI_INDEX, dir);
        Path lex = dir.resolve("lexicon.json");
        Files.writeString(lex, Files.readString(lex).replace("\"patentanmeldungen\"", "\"patentanmeldungen\", \"ipsos\""));
        assertThat(FolderLint.loadWarnings(ReportFolders.load(dir, Optional.empty())))
                .singleElement().asString().contains("uncovered term \"ipsos\"").contains("global_public_opinion");
    }

    @Test
    void anUncoveredTermScopedToOtherTopicsNamesNone(@TempDir Path dir) throws IOException {
        copy(AI_INDEX, dir);
        Path lex = dir.resolve("lexicon.json");
        // "mckinsey" names AI in business; an entry for the investment topics only refuses nothing there
        Files.writeString(lex, Files.readString(lex).replace("\"profits\"", "\"profits\", \"mckinsey\""));
        assertThat(FolderLint.loadWarnings(ReportFolders.load(dir, Optional.empty()))).isEmpty();
        Files.writeString(lex, Files.readString(lex).replace("\"training_costs\"\n      ]",
                "\"training_costs\", \"business_impact\"\n      ]"));
        assertThat(FolderLint.loadWarnings(ReportFolders.load(dir, Optional.empty())))
                .anyMatch(w -> w.contains("uncovered term \"mckinsey\"") && w.contains("business_impact"));
    }

    @Test
    void anOutOfScopeExampleWithATopicsWordsIsNamed(@TempDir Path dir) throws IOException {
        copy(AI_INDEX, dir);
        Path oos = dir.resolve("intents/out_of_scope.json");
        Files.writeString(oos, Files.readString(oos).replace("\"Tell me a joke\"",
                "\"Tell me a joke\", \"How many foundation models are there in Japan?\""));
        assertThat(FolderLint.loadWarnings(ReportFolders.load(dir, Optional.empty())))
                .singleElement().asString().contains("out_of_scope example").contains("foundation_models");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
