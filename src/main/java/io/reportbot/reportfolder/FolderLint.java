package io.reportbot.reportfolder;

import io.reportbot.core.Language;
import io.reportbot.nlp.Intent;
import io.reportbot.nlp.TextNormalizer;
import io.reportbot.report.Uncovered;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The mistakes in a report folder that otherwise fail silently, found at load time (and by {@code check}):
 * an {@code uncovered} term that names a topic (every question about that topic would be refused, whatever the
 * classifier says), and an {@code out_of_scope} example that contains a topic's words (it pulls that topic's
 * confidence down). A topic's words are its {@code topicWords} in {@code lexicon.json}: the nouns that name it
 * and nothing else ("unicorn", "einhorn"). Words derived from the examples were tried and flagged every
 * deliberate near-miss ("Tesla stock" beside listed companies), so {@code check} asks for the list instead.
 * Stateless and thread-safe.
 */
public final class FolderLint {

    private FolderLint() {
    }

    /** One line per problem; empty when there is none. */
    public static List<String> loadWarnings(ReportFolder folder) {
        List<Intent> topics = folder.intents().stream().filter(i -> i.kind() == Intent.Kind.TOPIC).toList();
        List<String> problems = new ArrayList<>();
        for (Uncovered u : folder.report().uncovered()) {
            for (String term : u.terms()) {
                Set<String> named = topicsCovering(term, topics, folder);
                if (!u.topics().isEmpty()) {
                    named.retainAll(u.topics()); // an entry scoped to other topics refuses nothing about these
                }
                if (!named.isEmpty()) {
                    problems.add("uncovered term \"" + term + "\" (" + u.label().en() + ") names topic " + named
                            + ": every question about it would be refused; remove the term or the topic");
                }
            }
        }
        for (Intent oos : folder.intents().stream().filter(i -> i.kind() == Intent.Kind.OUT_OF_SCOPE).toList()) {
            for (Language l : Language.values()) {
                for (String example : oos.examples(l)) {
                    Set<String> named = topicsNamedBy(example, false, topics, folder);
                    if (!named.isEmpty()) {
                        problems.add("out_of_scope example \"" + example + "\" (" + l.code() + ") contains words of topic "
                                + named + ": it pulls that topic's confidence down; reword it or move it");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The topics a whole uncovered term would swallow: one of their words contains the term ("patent" in "patent
     * applications", "schools" in "schools"). A term more specific than a topic word ("only primary schools" beside
     * "schools") refuses only the questions that say it: that is what a topic-scoped uncovered entry is for.
     */
    static Set<String> topicsCovering(String term, List<Intent> topics, ReportFolder folder) {
        String normalized = " " + TextNormalizer.normalize(term) + " ";
        Set<String> named = new LinkedHashSet<>();
        for (Intent t : topics) {
            for (String w : folder.lexicon().topicWords().getOrDefault(t.name(), List.of())) {
                if (!w.isBlank() && !normalized.isBlank() && (" " + w + " ").contains(normalized)) {
                    named.add(t.name());
                }
            }
        }
        return named;
    }

    /**
     * The topics whose words a text contains (or, for a term, that contain the term: "patent" names a topic
     * whose word is "patent applications").
     */
    static Set<String> topicsNamedBy(String text, boolean bothWays, List<Intent> topics, ReportFolder folder) {
        String normalized = " " + TextNormalizer.normalize(text) + " ";
        Set<String> named = new LinkedHashSet<>();
        for (Intent t : topics) {
            for (String w : folder.lexicon().topicWords().getOrDefault(t.name(), List.of())) {
                if (!w.isBlank() && (normalized.contains(" " + w + " ")
                        || bothWays && (" " + w + " ").contains(normalized))) {
                    named.add(t.name());
                }
            }
        }
        return named;
    }
}
