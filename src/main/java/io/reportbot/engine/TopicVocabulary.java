package io.reportbot.engine;

import io.reportbot.core.Language;
import io.reportbot.nlp.TextNormalizer;
import io.reportbot.report.Fact;
import io.reportbot.report.Report;
import io.reportbot.report.Topic;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words each topic's answers, source sentences and figures' terms use, in both languages, so that a terse turn after an
 * answer can be recognised as asking about something that answer said ("in wie vielen Ländern?" after the
 * survey "in 31 Ländern"; "how many agencies?" after "21 agencies"). Function words and words shorter than four
 * letters don't count; years and other numbers do; nor do words that many topics use ("companies", "Prozent"):
 * they say nothing about which answer a turn leans on. Immutable and thread-safe.
 */
final class TopicVocabulary {
    /** Words shorter than this carry no topic (numbers aside). */
    static final int MIN_WORD = 4;
    /** Two words of at least this long common beginning are taken for forms of one word ("agencies", "agency"). */
    static final int SHARED_STEM = 5;
    /** A word used by more topics than this is common to the report, not particular to one answer. */
    static final int MAX_TOPICS_PER_WORD = 2;

    private final Map<String, Set<String>> words;
    /** Every word of each topic, common ones included ("companies"). */
    private final Map<String, Set<String>> allWords;
    private final Set<String> functionWords;

    TopicVocabulary(Report report, Set<String> functionWords) {
        this.functionWords = Set.copyOf(functionWords);
        Map<String, Set<String>> byTopic = new HashMap<>();
        for (Topic topic : report.topics()) {
            Set<String> w = new HashSet<>();
            for (Fact fact : report.factsOf(topic)) {
                add(w, fact.source());
                // the words the dataset gives a figure's name in ("Firmen", "firms" for the AI companies)
                fact.values().values().forEach(v -> v.terms().forEach(t -> add(w, t)));
                for (Language l : Language.values()) {
                    if (fact.answer() != null && fact.answer().get(l) != null) {
                        add(w, fact.answer().get(l).replaceAll("\\{[^}]*}", " "));
                    }
                }
            }
            byTopic.put(topic.id(), w);
        }
        Map<String, Integer> topicsPerWord = new HashMap<>();
        byTopic.values().forEach(w -> w.forEach(word -> topicsPerWord.merge(word, 1, Integer::sum)));
        Map<String, Set<String>> particular = new HashMap<>();
        byTopic.forEach((id, w) -> particular.put(id,
                w.stream().filter(word -> topicsPerWord.get(word) <= MAX_TOPICS_PER_WORD).collect(java.util.stream.Collectors.toUnmodifiableSet())));
        this.words = Map.copyOf(particular);
        Map<String, Set<String>> all = new HashMap<>();
        byTopic.forEach((id, w) -> all.put(id, Set.copyOf(w)));
        this.allWords = Map.copyOf(all);
    }

    /**
     * Whether a turn speaks of a topic in that topic's own words and not in the last answer's: it has a word that
     * counts, every such word is a word (or a form of one) of the topic, and none is a word of the last topics
     * ("how many companies?" after the industry's volume speaks of the AI companies; after the unicorns, whose
     * sentence says "Unternehmen", it does not).
     */
    boolean speaksOf(List<String> turnWords, String topic, List<String> lastTopics) {
        List<String> counting = turnWords.stream().filter(this::counts).toList();
        if (counting.isEmpty()) {
            return false;
        }
        Set<String> own = allWords.getOrDefault(topic, Set.of());
        for (String t : counting) {
            if (!has(own, t) || lastTopics.stream().anyMatch(l -> has(allWords.getOrDefault(l, Set.of()), t))) {
                return false;
            }
        }
        return true;
    }

    private static boolean has(Set<String> words, String t) {
        return words.contains(t) || words.stream().anyMatch(o -> sameStem(o, t));
    }

    private void add(Set<String> into, String text) {
        for (String t : TextNormalizer.tokens(text)) {
            if (counts(t)) {
                into.add(t);
            }
        }
    }

    /** Whether a normalised word can carry meaning of its own: not a function word, long enough, or a number. */
    boolean counts(String word) {
        if (functionWords.contains(word)) {
            return false;
        }
        return word.length() >= MIN_WORD || !word.isEmpty() && word.chars().allMatch(Character::isDigit) && word.length() >= 2;
    }

    /** Whether one of the words (normalised tokens of a turn) is a word, or a form of a word, of one of the topics. */
    boolean echoes(List<String> turnWords, List<String> topics) {
        for (String topic : topics) {
            Set<String> own = words.getOrDefault(topic, Set.of());
            for (String t : turnWords) {
                if (counts(t) && (own.contains(t) || own.stream().anyMatch(o -> sameStem(o, t)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameStem(String a, String b) {
        if (a.length() < SHARED_STEM || b.length() < SHARED_STEM || Character.isDigit(a.charAt(0))) {
            return false;
        }
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i >= SHARED_STEM && (i == n || i >= n - 2);
    }
}
