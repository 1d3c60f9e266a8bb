package io.reportbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.EngineLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * General-language cues of a question that asks beyond what a topic's figures cover, from the {@code scope}
 * section of {@code io/reportbot/nlp/claims.json}: a part of the topic ("wie viele der …", "how many of the"),
 * the whole world, an exact figure ("genau"), a period ("Q4", "im ganzen Jahr"; quarters by number), and names ("welche
 * Unternehmen", "what is the name"). A quarter after a word of {@code through} ("bis Ende September", "through
 * June") names every quarter from the first of the year to it. All normalised with {@link TextNormalizer}.
 * The phrases are indexed once, at construction ({@link PhraseGroups}); a question's words are looked up, not each
 * phrase searched. Immutable and thread-safe.
 */
public final class ScopeWords {

    /** Words that end the search for a named noun after "welche" ("welcher Anteil der Modelle" asks no names). */
    private static final List<String> NOT_NAMES = List.of("anteil", "share", "teil", "part", "percentage", "prozentsatz",
            "art", "kind", "type", "rolle", "role", "jahr", "year", "land", "laender", "countries", "country",
            "bereich", "bereichen", "areas", "area", "der", "des", "die", "of", "the", "in", "im", "von");

    /** The cues asked of every question, in one scan: their groups in {@link #cues}. */
    private static final int SUBSET = 0;
    private static final int WORLD = 1;
    private static final int EXACT = 2;
    private static final int FULL_YEAR = 3;
    private static final int NAME_OF = 4;
    /** Group of quarter q's phrases: QUARTER + 2 (q − 1); its phrases after a word of {@code through}: one more. */
    private static final int QUARTER = 5;

    private final List<String> subset;
    private final List<String> world;
    private final List<String> exact;
    private final List<String> fullYear;
    private final List<String> namesQuestion;
    private final List<String> namedNouns;
    private final List<String> comparedWith;
    /** Phrases that ask for the report's own name ("wie heißt der Bericht", "what is the document called"), padded. */
    private final List<String> title;
    /** Single words that ask for a name or title ("heisst", "title", "called"), and the report's nouns ("bericht"). */
    private final Set<String> titleAsks;
    private final Set<String> titleNouns;
    /** Phrases that ask for a rank among places, and ranks below the second, padded. */
    private final List<String> rankWords;
    private final List<String> rankBeyond;
    /** How many words after a word asking for a name the report's noun may stand. */
    private static final int TITLE_WINDOW = 4;
    /** The quarters with phrases, in order. */
    private final int[] quarterNumbers;
    private final PhraseGroups cues;

    /**
     * @param quarters quarter (1–4) to the phrases that name it; a phrase after a word of {@code through} names every
     *                 quarter up to it
     */
    public ScopeWords(List<String> subset, List<String> world, List<String> exact, List<String> fullYear,
                      Map<Integer, List<String>> quarters, List<String> namesQuestion, List<String> namedNouns,
                      List<String> nameOf, List<String> through, List<String> comparedWith, List<String> title,
                      List<String> titleAsks, List<String> titleNouns, List<String> rankWords,
                      List<String> rankBeyond) {
        this.subset = List.copyOf(subset);
        this.world = List.copyOf(world);
        this.exact = List.copyOf(exact);
        this.fullYear = List.copyOf(fullYear);
        this.namesQuestion = List.copyOf(namesQuestion);
        this.namedNouns = List.copyOf(namedNouns);
        this.comparedWith = List.copyOf(comparedWith);
        this.title = title.stream().map(t -> " " + t + " ").toList();
        this.titleAsks = Set.copyOf(titleAsks);
        this.titleNouns = Set.copyOf(titleNouns);
        this.rankWords = rankWords.stream().map(w -> " " + w + " ").toList();
        this.rankBeyond = rankBeyond.stream().map(w -> " " + w + " ").toList();
        this.quarterNumbers = new TreeMap<>(quarters).keySet().stream().mapToInt(Integer::intValue).toArray();
        List<List<String>> groups = new ArrayList<>(List.of(this.subset, this.world, this.exact, this.fullYear,
                List.copyOf(nameOf)));
        for (int q : quarterNumbers) {
            List<String> phrases = quarters.get(q);
            groups.add(List.copyOf(phrases));
            groups.add(through.stream().flatMap(t -> phrases.stream().map(p -> t + " " + p)).toList());
        }
        this.cues = PhraseGroups.of(groups);
    }

    /** The cues bundled with reportbot. */
    public static ScopeWords bundled() {
        try (InputStream in = ScopeWords.class.getResourceAsStream("claims.json")) {
            if (in == null) {
                throw new EngineLoadException("the bundled claim words are missing from the jar");
            }
            JsonNode s = new ObjectMapper().readTree(in).path("scope");
            Map<Integer, List<String>> quarters = new HashMap<>();
            s.path("quarters").fields().forEachRemaining(e -> quarters.put(Integer.parseInt(e.getKey()), list(s.path("quarters"), e.getKey())));
            return new ScopeWords(list(s, "subset"), list(s, "world"), list(s, "exact"), list(s, "fullYear"),
                    quarters, list(s, "namesQuestion"), list(s, "namedNouns"), list(s, "nameOf"), list(s, "through"),
                    list(s, "comparedWith"), list(s, "title"), list(s, "titleAsks"), list(s, "titleNouns"),
                    list(s, "rankWords"), list(s, "rankBeyond"));
        } catch (IOException e) {
            throw new EngineLoadException("the bundled claim words cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<String> list(JsonNode s, String key) {
        List<String> l = new ArrayList<>();
        s.path(key).forEach(n -> l.add(TextNormalizer.normalize(n.asText())));
        return l;
    }

    /** Whether a normalised question names the year as what something is compared with ("compared with 2022"). */
    public boolean comparesWith(String normalized, int year) {
        return comparedWith.stream().anyMatch(c -> Question.containsPhrase(normalized, c + " " + year));
    }

    /**
     * Whether a normalised text names the year other than as what something is compared with: "2.0 % in 2022"
     * does, "grew by 22.1 % compared with 2022" doesn't.
     */
    public boolean namesOtherThanCompared(String normalized, int year) {
        String t = normalized;
        for (String c : comparedWith) {
            t = t.replace(" " + c + " " + year + " ", " ");
        }
        return t.contains(" " + year + " ");
    }

    /** The cues of a normalised question, found in one scan. */
    public Cues cues(String normalized) {
        return new Cues(cues.scan(normalized));
    }

    /** Whether a normalised text speaks of the whole world ("weltweit", "globally"). */
    public boolean namesWorld(String normalized) {
        return cues(normalized).world();
    }

    /** What one scan of a question found: its cues, as the groups of {@link #cues}. */
    public final class Cues {
        private final long found;

        private Cues(long found) {
            this.found = found;
        }

        /** Whether it asks about a part of the whole ("wie viele der …", "how many of the"). */
        public boolean part() {
            return PhraseGroups.has(found, SUBSET);
        }

        /** Whether it asks about the whole world ("weltweit", "globally"). */
        public boolean world() {
            return PhraseGroups.has(found, WORLD);
        }

        /** Whether it asks for an exact figure ("genau", "exactly"). */
        public boolean exact() {
            return PhraseGroups.has(found, EXACT);
        }

        /** Whether it asks about the whole year ("im ganzen Jahr", "for the full year"). */
        public boolean fullYear() {
            return PhraseGroups.has(found, FULL_YEAR);
        }

        /** The quarters (1–4) it names; "bis Ende September" names the first three. */
        public Set<Integer> quarters() {
            Set<Integer> q = new TreeSet<>();
            for (int i = 0; i < quarterNumbers.length; i++) {
                int n = quarterNumbers[i];
                if (PhraseGroups.has(found, QUARTER + 2 * i)) {
                    q.add(n);
                }
                if (PhraseGroups.has(found, QUARTER + 2 * i + 1)) {
                    for (int k = 1; k <= n; k++) {
                        q.add(k);
                    }
                }
            }
            return q;
        }
    }

    /** Whether a normalised question asks for the report's own name ("wie heißt das Dokument", "title of the report"). */
    public boolean asksForTheTitle(String normalized) {
        String padded = " " + normalized + " ";
        if (title.stream().anyMatch(padded::contains)) {
            return true;
        }
        // "wie heißt eigentlich der Bericht": a word asking for a name, and the report's noun a few words on
        String[] t = normalized.split(" ");
        for (int i = 0; i < t.length; i++) {
            if (!titleAsks.contains(t[i])) {
                continue;
            }
            for (int k = i + 1; k < Math.min(t.length, i + 1 + TITLE_WINDOW); k++) {
                if (titleNouns.contains(t[k])) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a normalised question asks for a rank among places ("which country leads", "wer liegt auf Platz zwei",
     * "runner-up?"), no further down than second, and for no names of companies, models or the like.
     */
    public boolean asksForAStatedRank(String normalized) {
        String padded = " " + normalized + " ";
        if (rankBeyond.stream().anyMatch(padded::contains)) {
            return false;
        }
        String[] t = normalized.split(" ");
        for (String w : t) {
            if (namedNouns.contains(w)) {
                return false;
            }
        }
        return rankWords.stream().anyMatch(padded::contains);
    }

    /** Whether a normalised question asks for a rank below the second ("which country ranked third?"). */
    public boolean asksForARankBeyond(String normalized) {
        String padded = " " + normalized + " ";
        return rankBeyond.stream().anyMatch(padded::contains);
    }

    /** Whether it asks for names: "welche KI-Unternehmen", "which national key laboratories", "what is the name". */
    public boolean asksForNames(String normalized) {
        if (PhraseGroups.has(cues.scan(normalized), NAME_OF)) {
            return true;
        }
        String[] t = normalized.split(" ");
        for (int i = 0; i < t.length; i++) {
            if (!namesQuestion.contains(t[i])) {
                continue;
            }
            for (int k = i + 1; k < Math.min(t.length, i + 4); k++) {
                if (NOT_NAMES.contains(t[k])) {
                    break;
                }
                if (namedNouns.contains(t[k])) {
                    return true;
                }
            }
        }
        return false;
    }
}
