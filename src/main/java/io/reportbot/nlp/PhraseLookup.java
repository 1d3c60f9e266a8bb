package io.reportbot.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * "Does any of these phrases stand in this normalised text as whole words?", answered exactly as a loop of
 * {@link Question#containsPhrase} over the phrases would, but with one {@link PhraseSet} scan of the text instead
 * of one search per phrase. Phrases that are not plain words joined by single spaces (a leading or trailing
 * space, a double space, an empty phrase) keep the per-phrase search, so the answer never changes. Build it once
 * per lexicon, at construction. Immutable and thread-safe.
 */
public final class PhraseLookup {

    private final PhraseSet plain;
    private final List<String> odd;

    private PhraseLookup(PhraseSet plain, List<String> odd) {
        this.plain = plain;
        this.odd = odd;
    }

    /** A lookup over these phrases. */
    public static PhraseLookup of(Collection<String> phrases) {
        List<String> words = new ArrayList<>();
        List<String> odd = new ArrayList<>();
        for (String p : phrases) {
            (plainWords(p) ? words : odd).add(p);
        }
        return new PhraseLookup(PhraseSet.of(words), List.copyOf(odd));
    }

    /** True when the phrase is non-empty words joined by single spaces, as {@link PhraseSet} finds them. */
    static boolean plainWords(String p) {
        if (p.isEmpty() || p.charAt(0) == ' ' || p.charAt(p.length() - 1) == ' ') {
            return false;
        }
        return !p.contains("  ") && p.strip().equals(p);
    }

    /** True when any of the phrases stands in the normalised text as whole words. */
    public boolean anyIn(String normalizedText) {
        if (plain.anyIn(normalizedText)) {
            return true;
        }
        for (String p : odd) {
            if (Question.containsPhrase(normalizedText, p)) {
                return true;
            }
        }
        return false;
    }
}
