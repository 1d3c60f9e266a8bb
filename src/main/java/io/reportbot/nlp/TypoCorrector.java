package io.reportbot.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Maps a token the training data never saw to the nearest known token: edit distance 1 for words of 4–7
 * letters, 2 for longer ones ("univeristies" → "universities", "einhoerne" → "einhoerner"). Known tokens,
 * numbers and short words are left as they are. Immutable and thread-safe.
 *
 * <p>Candidates come from a symmetric-delete index (every string made from a known word by deleting up to two
 * characters): two words within edit distance k share such a string, so only those candidates need the exact
 * distance, about 10–20 times fewer than a scan of all words of a similar length. The index is built in the
 * background once the first unknown word needs candidates (building it takes a core for a good part of a second,
 * which start-up then doesn't share); until it is ready, the scan answers, with the same result.
 */
public final class TypoCorrector {

    private static final int MAX_DISTANCE = 2;

    private final Map<String, Integer> frequency;
    private final Map<Integer, List<String>> byLength = new HashMap<>();
    private final List<String> inScanOrder;
    private final java.util.concurrent.atomic.AtomicReference<CompletableFuture<Map<String, List<String>>>> deletes =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** A corrector over this vocabulary (with repeats: the more often a word appears, the more it wins ties). */
    public TypoCorrector(Collection<String> vocabulary) {
        Map<String, Integer> f = new HashMap<>();
        for (String w : vocabulary) {
            f.merge(w, 1, Integer::sum);
        }
        this.frequency = Map.copyOf(f);
        for (String w : frequency.keySet()) {
            byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
        }
        byLength.values().forEach(l -> l.sort(String::compareTo));
        List<String> inScanOrder = new ArrayList<>();
        new TreeMap<>(byLength).values().forEach(inScanOrder::addAll);
        this.inScanOrder = inScanOrder;
    }

    /** The index being built (started on the first call). */
    private CompletableFuture<Map<String, List<String>>> deletes() {
        CompletableFuture<Map<String, List<String>>> f = deletes.get();
        if (f == null) {
            CompletableFuture<Map<String, List<String>>> mine = new CompletableFuture<>();
            if (deletes.compareAndSet(null, mine)) {
                CompletableFuture.runAsync(() -> {
                    try {
                        mine.complete(index(inScanOrder));
                    } catch (Throwable e) {
                        mine.completeExceptionally(e);
                    }
                });
            }
            f = deletes.get();
        }
        return f;
    }

    /** Every deletion string of every word, mapped to its words in scan order (by length, then alphabetically). */
    private static Map<String, List<String>> index(List<String> wordsInScanOrder) {
        Map<String, List<String>> index = new HashMap<>();
        for (String w : wordsInScanOrder) {
            for (String d : deletions(w)) {
                index.computeIfAbsent(d, k -> new ArrayList<>(2)).add(w);
            }
        }
        return index;
    }

    /** The word itself and every distinct string made from it by deleting up to two characters. */
    private static Set<String> deletions(String word) {
        return deletions(word, MAX_DISTANCE);
    }

    /** The word itself and every distinct string made from it by deleting up to {@code max} characters. */
    private static Set<String> deletions(String word, int max) {
        Set<String> out = new HashSet<>();
        out.add(word);
        Set<String> frontier = Set.of(word);
        for (int step = 0; step < max; step++) {
            Set<String> next = new HashSet<>();
            for (String s : frontier) {
                for (int i = 0; i < s.length(); i++) {
                    String d = s.substring(0, i) + s.substring(i + 1);
                    if (out.add(d)) {
                        next.add(d);
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    /**
     * The known words that may lie within edit distance {@code max} of the token, in scan order (by length,
     * then alphabetically, so that ties fall the same way whichever way they were found).
     */
    private List<String> candidates(String token, int max, boolean indexed) {
        Map<String, List<String>> index = indexed ? deletes().getNow(null) : null;
        List<String> out = new ArrayList<>();
        if (index == null) {
            for (int l = token.length() - max; l <= token.length() + max; l++) {
                out.addAll(byLength.getOrDefault(l, List.of()));
            }
            return out;
        }
        // words within distance max share a string made by deleting up to max characters from each (a transposition
        // too: delete one of its two characters on both sides); the index has those of every word
        Set<String> found = new HashSet<>();
        for (String d : deletions(token, max)) {
            List<String> words = index.get(d);
            if (words != null) {
                found.addAll(words);
            }
        }
        out.addAll(found);
        out.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    /** Waits until the candidate index is built (for tests and benchmarks; answers are the same either way). */
    TypoCorrector awaitIndex() {
        deletes().join();
        return this;
    }

    /** The correction a full scan finds, without the index (for tests: the index must agree with it). */
    String correctByScan(String token) {
        return correct(token, false);
    }

    public boolean knows(String token) {
        return frequency.containsKey(token);
    }

    /** The tokens, each unknown one replaced by its nearest known token where one is close enough. */
    public List<String> correct(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            out.add(correct(t));
        }
        return out;
    }

    /** One token, corrected where an unknown word is close to a known one. */
    public String correct(String token) {
        return correct(token, true);
    }

    private String correct(String token, boolean indexed) {
        int len = token.length();
        if (len < 4 || frequency.containsKey(token) || !Character.isLetter(token.charAt(0))) {
            return token;
        }
        int max = len >= 8 ? 2 : 1;
        String best = token;
        int bestDist = max + 1;
        int bestFreq = 0;
        for (String cand : candidates(token, max, indexed)) {
            int d = distance(token, cand, Math.min(max, bestDist));
            int fr = frequency.get(cand);
            if (d < bestDist || (d == bestDist && d <= max && fr > bestFreq)) {
                best = cand;
                bestDist = d;
                bestFreq = fr;
            }
        }
        return bestDist <= max ? best : token;
    }

    /**
     * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up early with
     * {@code limit + 1} once the distance must exceed the limit.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
