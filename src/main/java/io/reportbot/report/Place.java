package io.reportbot.report;

import java.util.List;

/**
 * The place a report is about, and the nation its national totals refer to.
 *
 * @param name          its name in each language
 * @param aliases       normalised spellings that mean this place
 * @param nation        the nation's name
 * @param nationAliases normalised words that mean the nation or "national"
 */
public record Place(Text name, List<String> aliases, Text nation, List<String> nationAliases) {
    public Place {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        nationAliases = nationAliases == null ? List.of() : List.copyOf(nationAliases);
    }
}
