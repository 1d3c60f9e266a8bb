package io.reportbot.admin;

import io.reportbot.engine.IntentScore;
import io.reportbot.review.Review;
import io.reportbot.store.InboxEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inbox: open questions (fallbacks and low-confidence answers) grouped by similarity with {@link Review#cluster},
 * the same grouping {@code review} prints, with each group's count and its three most likely intents (mean score over
 * the group's members). Stateless; thread-safe.
 */
public final class Inbox {

    /** One question of a group. */
    public record Member(long id, String text, String language, String platform, long time) {
    }

    /**
     * Questions that look alike.
     *
     * @param count   how many questions
     * @param members every question (newest first), with its id
     * @param texts   the distinct texts, at most ten
     * @param top     the three intents the group came closest to, best first
     */
    public record Group(int count, List<Member> members, List<String> texts, List<IntentScore> top) {
    }

    private Inbox() {
    }

    /** Groups entries, the largest group first. */
    public static List<Group> group(List<InboxEntry> entries) {
        List<Group> groups = new ArrayList<>();
        for (List<InboxEntry> g : Review.cluster(entries, InboxEntry::text)) {
            Map<String, Double> sum = new HashMap<>();
            g.forEach(e -> e.ranking().forEach(s -> sum.merge(s.intent(), s.score(), Double::sum)));
            List<IntentScore> top = sum.entrySet().stream()
                    .map(e -> new IntentScore(e.getKey(), Math.round(e.getValue() / g.size() * 1000) / 1000.0))
                    .sorted(Comparator.comparingDouble(IntentScore::score).reversed().thenComparing(IntentScore::intent))
                    .limit(3)
                    .toList();
            Set<String> texts = new LinkedHashSet<>();
            List<Member> members = new ArrayList<>();
            for (InboxEntry e : g) {
                members.add(new Member(e.id(), e.text(), e.language(), e.platform(), e.time().toEpochMilli()));
                if (texts.size() < 10) {
                    texts.add(e.text());
                }
            }
            groups.add(new Group(g.size(), List.copyOf(members), List.copyOf(texts), top));
        }
        groups.sort(Comparator.comparingInt(Group::count).reversed());
        return groups;
    }
}
