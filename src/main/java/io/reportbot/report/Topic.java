package io.reportbot.report;

import java.util.List;
import java.util.Map;

/**
 * Something the report covers; a topic intent of the same id is answered with its facts.
 *
 * @param id      the topic id (also the intent name)
 * @param label   a short label for buttons
 * @param facts   the ids of the facts its answer uses, in order
 * @param example an example question
 * @param aspectTopics for a follow-up aspect (by its name, "QUALITY"), the topic that answers it after this one: "are
 *                they any good?" after the large models is the language models' quality; empty for most topics
 */
public record Topic(String id, Text label, List<String> facts, Text example, Map<String, String> aspectTopics) {
    public Topic {
        facts = facts == null ? List.of() : List.copyOf(facts);
        aspectTopics = aspectTopics == null ? Map.of() : Map.copyOf(aspectTopics);
    }
}
