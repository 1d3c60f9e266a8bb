package io.reportbot.report;

import java.util.List;

/**
 * The place a report is about, and the nation its national totals refer to.
 *
 * @param name          its name in each language
 * @param aliases       normalised spellings that mean this place
 * @param nation        the nation's name
 * @param nationAliases normalised words that mean the nation or "national"
 * @param whole         how answers name the whole the report's shares refer to ("ganz China", "all of China");
 *                      the nation's name when not given
 */
public record Place(Text name, List<String> aliases, Text nation, List<String> nationAliases, Text whole) {
    public Place {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        nationAliases = nationAliases == null ? List.of() : List.copyOf(nationAliases);
        whole = whole != null ? whole : nation;
    }
}
