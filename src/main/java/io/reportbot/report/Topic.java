package io.reportbot.report;

import java.util.List;

/**
 * Something the report covers; a topic intent of the same id is answered with its facts.
 *
 * @param id      the topic id (also the intent name)
 * @param label   a short label for buttons
 * @param facts   the ids of the facts its answer uses, in order
 * @param example an example question
 */
public record Topic(String id, Text label, List<String> facts, Text example) {
    public Topic {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }
}
