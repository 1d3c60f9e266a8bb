package io.reportbot.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a token the training data never saw to the nearest known token: edit distance 1 for words of 4–7
 * letters, 2 for longer ones ("univeristies" → "universities", "einhoerne" → "einhoerner"). Known tokens,
 * numbers and short words are left as they are. Immutable and thread-safe.
 */
public final class TypoCorrector {

    private final Map<String, Integer> frequency;
    private final Map<Integer, List<String>> byLength = new HashMap<>();

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
        int len = token.length();
        if (len < 4 || frequency.containsKey(token) || !Character.isLetter(token.charAt(0))) {
            return token;
        }
        int max = len >= 8 ? 2 : 1;
        String best = token;
        int bestDist = max + 1;
        int bestFreq = 0;
        for (int l = len - max; l <= len + max; l++) {
            for (String cand : byLength.getOrDefault(l, List.of())) {
                int d = distance(token, cand, Math.min(max, bestDist));
                int fr = frequency.get(cand);
                if (d < bestDist || (d == bestDist && d <= max && fr > bestFreq)) {
                    best = cand;
                    bestDist = d;
                    bestFreq = fr;
                }
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
