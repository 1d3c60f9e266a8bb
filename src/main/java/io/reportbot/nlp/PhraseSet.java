package io.reportbot.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final Map<String, Integer> order;
    private final int longest;

    private PhraseSet(Map<String, Integer> order, int longest) {
        this.order = order;
        this.longest = longest;
    }

    /** The phrases, in the order {@link #findIn} reports them; blank ones are ignored. */
    public static PhraseSet of(Collection<String> phrases) {
        Map<String, Integer> order = new HashMap<>();
        int longest = 0;
        for (String p : phrases) {
            String phrase = p.strip();
            if (!phrase.isEmpty()) {
                order.putIfAbsent(phrase, order.size());
                longest = Math.max(longest, phrase.split(" ").length);
            }
        }
        return new PhraseSet(Map.copyOf(order), longest);
    }

    /** The phrases that stand in the text as whole words, each once, in the order they were given. */
    public List<String> findIn(String normalizedText) {
        List<String> found = new ArrayList<>(2);
        scan(normalizedText, found);
        found.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
        return found;
    }

    /** True when any phrase stands in the text as whole words. */
    public boolean anyIn(String normalizedText) {
        return scan(normalizedText, null);
    }

    private boolean scan(String text, List<String> found) {
        if (order.isEmpty() || text.isEmpty()) {
            return false;
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                starts.add(i + 1);
            }
        }
        int words = starts.size();
        for (int w = 0; w < words; w++) {
            int begin = starts.get(w);
            for (int len = 1; len <= longest && w + len <= words; len++) {
                int end = w + len < words ? starts.get(w + len) - 1 : text.length();
                if (end <= begin) {
                    continue;
                }
                String candidate = text.substring(begin, end);
                if (order.containsKey(candidate)) {
                    if (found == null) {
                        return true;
                    }
                    if (!found.contains(candidate)) {
                        found.add(candidate);
                    }
                }
            }
        }
        return found != null && !found.isEmpty();
    }
}
