package io.reportbot.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several groups of phrases (up to 64) asked in one scan: "which of these groups has a phrase that stands in
 * this normalised text as whole words?". Each group answers exactly as its own {@link PhraseLookup} would (odd
 * phrases keep the per-phrase search), but a question's words are looked up once for all groups instead of
 * once per group. Build it once, at construction. Immutable and thread-safe.
 *
 * <pre>{@code
 * PhraseGroups g = PhraseGroups.of(List.of(List.of("in euro"), List.of("stimmt es", "ist es wahr")));
 * g.scan("stimmt es dass");   // 0b10: the second group
 * }</pre>
 */
public final class PhraseGroups {

    /** The most groups one instance holds (one bit each). */
    public static final int MAX_GROUPS = 64;

    private final PhraseTable table;
    /** The groups each phrase of the table belongs to, by phrase id. */
    private final long[] groupsOf;
    /** Per group, the phrases that are not plain words (searched one by one, as {@link PhraseLookup} does). */
    private final List<List<String>> odd;

    private PhraseGroups(PhraseTable table, long[] groupsOf, List<List<String>> odd) {
        this.table = table;
        this.groupsOf = groupsOf;
        this.odd = odd;
    }

    /** The groups, numbered by their position in the list. */
    public static PhraseGroups of(List<? extends Collection<String>> groups) {
        if (groups.size() > MAX_GROUPS) {
            throw new IllegalArgumentException("at most " + MAX_GROUPS + " phrase groups, not " + groups.size());
        }
        Map<String, Long> masks = new LinkedHashMap<>();
        List<List<String>> odd = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            long bit = 1L << g;
            List<String> oddHere = new ArrayList<>();
            for (String p : groups.get(g)) {
                if (PhraseLookup.plainWords(p)) {
                    masks.merge(p, bit, (a, b) -> a | b);
                } else {
                    oddHere.add(p);
                }
            }
            odd.add(List.copyOf(oddHere));
        }
        long[] groupsOf = masks.values().stream().mapToLong(Long::longValue).toArray();
        return new PhraseGroups(new PhraseTable(List.copyOf(masks.keySet())), groupsOf, List.copyOf(odd));
    }

    /** The groups with a phrase in the normalised text, as bits: bit {@code g} for the group at position g. */
    public long scan(String normalizedText) {
        long[] found = new long[1];
        table.scan(normalizedText, id -> {
            found[0] |= groupsOf[id];
            return false;
        });
        long result = found[0];
        for (int g = 0; g < odd.size(); g++) {
            long bit = 1L << g;
            if ((result & bit) != 0) {
                continue;
            }
            for (String p : odd.get(g)) {
                if (Question.containsPhrase(normalizedText, p)) {
                    result |= bit;
                    break;
                }
            }
        }
        return result;
    }

    /** Whether the group at this position is among the bits {@link #scan} returned. */
    public static boolean has(long groups, int group) {
        return (groups & (1L << group)) != 0;
    }
}
