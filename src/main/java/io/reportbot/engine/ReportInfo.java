package io.reportbot.engine;

import java.util.List;

/**
 * What a report is, in one language: for greetings, {@code /report} and help texts.
 *
 * @param title      the report's name
 * @param summary    a few sentences on what it says
 * @param keyFigures short lines with its main figures
 */
public record ReportInfo(String title, String summary, List<String> keyFigures) {
    public ReportInfo {
        keyFigures = List.copyOf(keyFigures);
    }
}
