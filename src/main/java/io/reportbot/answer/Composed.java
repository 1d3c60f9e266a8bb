package io.reportbot.answer;

import java.util.List;

/**
 * An answer put together from the report.
 *
 * @param text     what the user sees
 * @param factIds  the facts used
 * @param sources  the report sentences quoted
 * @param fallback true when the report does not say what was asked
 */
public record Composed(String text, List<String> factIds, List<String> sources, boolean fallback) {
    public Composed {
        factIds = List.copyOf(factIds);
        sources = List.copyOf(sources);
    }
}
