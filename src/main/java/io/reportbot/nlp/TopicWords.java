package io.reportbot.nlp;

import io.reportbot.core.Language;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words that name an intent: tokens that occur at least twice in the intents' examples and mostly
 * (≥ 60 %) in that one intent ("einhoerner", "schulen", "fonds"). A question that contains none of its
 * intent's words doesn't name a topic, which is how a follow-up ("und in Euro?") is told from a new
 * question. Immutable and thread-safe.
 */
public final class TopicWords {

    private static final double DOMINANCE = 0.6;
    private static final int MIN_COUNT = 2;

    private final Map<String, String> owner;

    public TopicWords(List<Intent> intents) {
        this(intents, Set.of());
    }

    /**
     * @param notTopicWords tokens that never name an intent however often its examples use them: the names of
     *                      places ("Shanghai" in "how does Beijing compare with Shanghai?" names no topic)
     */
    public TopicWords(List<Intent> intents, Set<String> notTopicWords) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Intent intent : intents) {
            for (Language l : Language.values()) {
                for (String example : intent.examples(l)) {
                    for (String t : new HashSet<>(TextNormalizer.tokens(example))) {
                        counts.computeIfAbsent(t, k -> new HashMap<>()).merge(intent.name(), 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, String> o = new HashMap<>();
        counts.forEach((token, byIntent) -> {
            int total = byIntent.values().stream().mapToInt(Integer::intValue).sum();
            byIntent.forEach((intent, n) -> {
                if (n >= MIN_COUNT && n >= DOMINANCE * total && token.length() > 2 && !notTopicWords.contains(token)) {
                    o.put(token, intent);
                }
            });
        });
        this.owner = Map.copyOf(o);
    }

    /** The intents that the tokens name. */
    public Set<String> named(List<String> tokens) {
        Set<String> s = new HashSet<>();
        for (String t : tokens) {
            String i = owner.get(t);
            if (i != null) {
                s.add(i);
            }
        }
        return s;
    }

    /** Whether the tokens contain a word of that intent. */
    public boolean names(String intent, List<String> tokens) {
        return tokens.stream().anyMatch(t -> intent.equals(owner.get(t)));
    }
}
