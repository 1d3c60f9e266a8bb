package io.reportbot.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A fixed set of normalised phrases (one or more words) found in a normalised text by looking up the text's
 * word sequences, instead of searching the text once per phrase: with hundreds of place names the cost per
 * question stays that of a few dozen hash look-ups. Immutable and thread-safe.
 *
 * <pre>{@code
 * PhraseSet places = PhraseSet.of(List.of("shanghai", "new york", "xi an"));
 * places.findIn("wie viele einhoerner hat new york");   // ["new york"]
 * }</pre>
 */
public final class PhraseSet {

    private final PhraseTable table;

    private PhraseSet(PhraseTable table) {
        this.table = table;
    }

    /** The phrases, in the order {@link #findIn} reports them; blank ones are ignored. */
    public static PhraseSet of(Collection<String> phrases) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String p : phrases) {
            String phrase = p.strip();
            if (!phrase.isEmpty()) {
                distinct.add(phrase);
            }
        }
        return new PhraseSet(new PhraseTable(List.copyOf(distinct)));
    }

    /** The phrases that stand in the text as whole words, each once, in the order they were given. */
    public List<String> findIn(String normalizedText) {
        boolean[] seen = new boolean[table.size()];
        int[] count = new int[1];
        table.scan(normalizedText, id -> {
            if (!seen[id]) {
                seen[id] = true;
                count[0]++;
            }
            return false;
        });
        if (count[0] == 0) {
            return new ArrayList<>(2);
        }
        List<String> found = new ArrayList<>(Math.max(2, count[0]));
        for (int id = 0; id < seen.length; id++) {
            if (seen[id]) {
                found.add(table.phrase(id));
            }
        }
        return found;
    }

    /** True when any phrase stands in the text as whole words. */
    public boolean anyIn(String normalizedText) {
        return table.scan(normalizedText, id -> true);
    }
}
