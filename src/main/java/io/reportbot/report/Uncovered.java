package io.reportbot.report;

import java.util.List;

/**
 * Something people ask about that the report gives no figures on (patents, salaries, ...): a question that
 * names one of the terms gets "the report gives no figures on …" instead of a near-miss answer.
 *
 * @param terms normalised words and phrases that name it
 * @param label  how to name it in an answer
 * @param topics the topics it is a part or another metric of ("decacorns" of the unicorns, the fund's revenue);
 *               empty: it applies whatever the topic
 */
public record Uncovered(List<String> terms, Text label, List<String> topics) {
    public Uncovered {
        terms = terms == null ? List.of() : List.copyOf(terms);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** Whether it applies to a question about that topic (null: no topic). */
    public boolean appliesTo(String topic) {
        return topics.isEmpty() || topic != null && topics.contains(topic);
    }
}
