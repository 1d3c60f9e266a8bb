package io.reportbot.nlp;

import java.util.List;

/**
 * The look-up behind {@link PhraseSet} and {@link PhraseGroups}: a fixed list of phrases in an open-addressing
 * hash table, and a scan that offers every word sequence of a text (up to the longest phrase's number of words)
 * to the table without cutting it out of the text: the hash of a sequence grows word by word and a hit is
 * confirmed with {@link String#regionMatches}. The sequences are exactly those a loop of {@code substring} +
 * {@code Map.containsKey} over the text's space-separated words would try. Immutable and thread-safe.
 */
final class PhraseTable {

    /** Receives the id (the phrase's index in the list) of each phrase found; returns true to stop the scan. */
    interface Hit {
        boolean found(int id);
    }

    private final String[] phrases;
    private final int[] hashes;
    /** Slot → phrase id + 1; 0 is empty. */
    private final int[] slots;
    private final int mask;
    private final int longest;

    /** A table over distinct, non-empty phrases; a phrase's id is its index in the list. */
    PhraseTable(List<String> distinctPhrases) {
        int n = distinctPhrases.size();
        this.phrases = distinctPhrases.toArray(String[]::new);
        this.hashes = new int[n];
        int size = Integer.highestOneBit(Math.max(4, n * 3)) << 1;
        this.slots = new int[size];
        this.mask = size - 1;
        int words = 0;
        for (int id = 0; id < n; id++) {
            String p = phrases[id];
            int h = hash(p, 0, p.length(), 0);
            hashes[id] = h;
            int s = spread(h) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = id + 1;
            words = Math.max(words, p.split(" ").length);
        }
        this.longest = words;
    }

    /** The phrase with this id. */
    String phrase(int id) {
        return phrases[id];
    }

    /** How many phrases the table holds. */
    int size() {
        return phrases.length;
    }

    /**
     * Offers every sequence of whole words of the text (words are what lies between single spaces) to the
     * table, from each word on, shortest first; stops when {@code hit} returns true.
     *
     * @return whether {@code hit} stopped the scan
     */
    boolean scan(String text, Hit hit) {
        int length = text.length();
        if (phrases.length == 0 || length == 0) {
            return false;
        }
        int begin = 0;
        while (true) {
            int h = 0;
            int from = begin;
            for (int len = 1; len <= longest; len++) {
                int end = text.indexOf(' ', from);
                if (end < 0) {
                    end = length;
                }
                h = hash(text, from, end, h);
                if (end > begin) {
                    int id = find(text, begin, end, h);
                    if (id >= 0 && hit.found(id)) {
                        return true;
                    }
                }
                if (end == length) {
                    break;
                }
                h = 31 * h + ' ';
                from = end + 1;
            }
            int next = text.indexOf(' ', begin);
            if (next < 0) {
                return false;
            }
            begin = next + 1;
        }
    }

    private int find(String text, int begin, int end, int h) {
        int len = end - begin;
        for (int s = spread(h) & mask; slots[s] != 0; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (hashes[id] == h && phrases[id].length() == len && text.regionMatches(begin, phrases[id], 0, len)) {
                return id;
            }
        }
        return -1;
    }

    private static int hash(String s, int from, int to, int h) {
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
