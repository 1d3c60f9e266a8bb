package io.reportbot.engine;

import io.reportbot.answer.AnswerComposer;
import io.reportbot.core.Language;
import io.reportbot.nlp.FollowUpAspect;
import io.reportbot.nlp.TextNormalizer;
import io.reportbot.report.Fact;
import io.reportbot.report.Topic;
import io.reportbot.report.Value;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a topic's figures a question is about, so that the conversation remembers it: "what are they
 * worth together?" is about the market value, "und die Anzahl?" about the count, "how much did the fund
 * attract?" about the attracted funds (its words meet the figure's noun). Stateless and thread-safe.
 */
final class Focus {

    private static final int STEM = 5;

    private Focus() {
    }

    /**
     * The figures ({@link AnswerComposer#valueRef} form) the question is about; empty when it is about the
     * topic as a whole.
     */
    static Set<String> of(Topic topic, List<Fact> facts, Set<FollowUpAspect> asked, List<String> tokens) {
        Map<String, Value> all = new LinkedHashMap<>();
        for (Fact f : facts) {
            f.values().forEach((k, v) -> all.put(AnswerComposer.valueRef(f, k), v));
        }
        if (all.size() <= 1) {
            return Set.of(); // one figure: the topic is the focus
        }
        Map<String, Value> kind = new LinkedHashMap<>();
        all.forEach((ref, v) -> {
            boolean wanted = asked.contains(FollowUpAspect.VALUE) && v.isMoney()
                    || asked.contains(FollowUpAspect.COUNT) && "count".equals(v.unit())
                    || asked.contains(FollowUpAspect.GROWTH) && v.yoy() != null;
            if (wanted) {
                kind.put(ref, v);
            }
        });
        Map<String, Value> pool = kind.isEmpty() ? all : kind;
        Set<String> stems = stems(tokens);
        for (Language l : Language.values()) {
            stems.removeAll(stems(TextNormalizer.tokens(topic.label().get(l)))); // the topic's own name picks no figure
        }
        int best = 0;
        Set<String> named = new HashSet<>();
        for (Map.Entry<String, Value> e : pool.entrySet()) {
            int overlap = overlap(stems, e.getKey(), e.getValue());
            if (overlap > best) {
                best = overlap;
                named.clear();
            }
            if (overlap == best && overlap > 0) {
                named.add(e.getKey());
            }
        }
        Set<String> chosen = !named.isEmpty() ? named : kind.keySet();
        return chosen.size() == all.size() ? Set.of() : Set.copyOf(chosen);
    }

    private static int overlap(Set<String> stems, String ref, Value v) {
        Set<String> words = new HashSet<>(stems(TextNormalizer.tokens(ref.substring(ref.indexOf('/') + 1).replace('_', ' '))));
        if (v.noun() != null) {
            for (Language l : Language.values()) {
                words.addAll(stems(TextNormalizer.tokens(v.noun().get(l))));
            }
        }
        words.retainAll(stems);
        return words.size();
    }

    private static Set<String> stems(List<String> tokens) {
        Set<String> s = new HashSet<>();
        for (String t : tokens) {
            if (t.length() >= 4 && !t.equals("beijing") && !t.equals("peking")) {
                s.add(t.length() > STEM ? t.substring(0, STEM) : t);
            }
        }
        return s;
    }
}
