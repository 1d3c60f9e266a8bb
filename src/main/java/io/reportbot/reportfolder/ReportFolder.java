package io.reportbot.reportfolder;

import io.reportbot.nlp.Intent;
import io.reportbot.nlp.ReportLexicon;
import io.reportbot.report.Report;
import java.util.List;
import java.util.Optional;

/**
 * Everything reportbot knows about one report, as read from its folder: the dataset ({@code report.json}, with
 * the uncovered subjects of {@code lexicon.json} added), the intents ({@code intents/}), the report's own words
 * ({@code lexicon.json}) and the source text the facts quote ({@code source.txt}). Immutable.
 *
 * @param location   where it was read from (a folder, or a class-path folder for a bundled report)
 * @param report     the dataset
 * @param intents    its intents
 * @param lexicon    its own words (empty when the folder has no {@code lexicon.json})
 * @param sourceText the source text, when the folder has one
 */
public record ReportFolder(String location, Report report, List<Intent> intents, ReportLexicon lexicon,
                           Optional<String> sourceText) {

    public ReportFolder {
        intents = List.copyOf(intents);
        sourceText = sourceText == null ? Optional.empty() : sourceText;
    }

    /** The report's id. */
    public String id() {
        return report.id();
    }
}
