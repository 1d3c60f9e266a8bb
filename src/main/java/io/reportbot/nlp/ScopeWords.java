package io.reportbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.EngineLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * General-language cues of a question that asks beyond what a topic's figures cover, from the {@code scope}
 * section of {@code io/reportbot/nlp/claims.json}: a part of the topic ("wie viele der …", "how many of the"),
 * the whole world, an exact figure ("genau"), a period ("Q4", "im ganzen Jahr"; quarters by number), and names ("welche
 * Unternehmen", "what is the name"). A quarter after a word of {@code through} ("bis Ende September", "through
 * June") names every quarter from the first of the year to it. All normalised with {@link TextNormalizer}.
 * Immutable and thread-safe.
 */
public record ScopeWords(List<String> subset, List<String> world, List<String> exact, List<String> fullYear,
                         java.util.Map<Integer, List<String>> quarters, List<String> namesQuestion, List<String> namedNouns,
                         List<String> nameOf, List<String> through, List<String> comparedWith) {

    /** Words that end the search for a named noun after "welche" ("welcher Anteil der Modelle" asks no names). */
    private static final List<String> NOT_NAMES = List.of("anteil", "share", "teil", "part", "percentage", "prozentsatz",
            "art", "kind", "type", "rolle", "role", "jahr", "year", "land", "laender", "countries", "country",
            "bereich", "bereichen", "areas", "area", "der", "des", "die", "of", "the", "in", "im", "von");

    public ScopeWords {
        subset = List.copyOf(subset);
        world = List.copyOf(world);
        exact = List.copyOf(exact);
        fullYear = List.copyOf(fullYear);
        quarters = java.util.Map.copyOf(quarters);
        namesQuestion = List.copyOf(namesQuestion);
        namedNouns = List.copyOf(namedNouns);
        nameOf = List.copyOf(nameOf);
        through = List.copyOf(through);
        comparedWith = List.copyOf(comparedWith);
    }

    /** The cues bundled with reportbot. */
    public static ScopeWords bundled() {
        try (InputStream in = ScopeWords.class.getResourceAsStream("claims.json")) {
            if (in == null) {
                throw new EngineLoadException("the bundled claim words are missing from the jar");
            }
            JsonNode s = new ObjectMapper().readTree(in).path("scope");
            java.util.Map<Integer, List<String>> quarters = new java.util.HashMap<>();
            s.path("quarters").fields().forEachRemaining(e -> quarters.put(Integer.parseInt(e.getKey()), list(s.path("quarters"), e.getKey())));
            return new ScopeWords(list(s, "subset"), list(s, "world"), list(s, "exact"), list(s, "fullYear"),
                    quarters, list(s, "namesQuestion"), list(s, "namedNouns"), list(s, "nameOf"), list(s, "through"),
                    list(s, "comparedWith"));
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

    /** The quarters (1–4) a normalised question names. */
    public java.util.Set<Integer> quartersNamed(String normalized) {
        java.util.Set<Integer> q = new java.util.TreeSet<>();
        quarters.forEach((n, phrases) -> {
            if (any(normalized, phrases)) {
                q.add(n);
            }
            if (phrases.stream().anyMatch(p -> through.stream().anyMatch(t -> Question.containsPhrase(normalized, t + " " + p)))) {
                for (int i = 1; i <= n; i++) {
                    q.add(i); // "bis Ende September": the first three quarters
                }
            }
        });
        return q;
    }

    /** Whether the normalised question holds one of the phrases. */
    public static boolean any(String normalized, List<String> phrases) {
        return phrases.stream().anyMatch(p -> Question.containsPhrase(normalized, p));
    }

    /** Whether it asks for names: "welche KI-Unternehmen", "which national key laboratories", "what is the name". */
    public boolean asksForNames(String normalized) {
        if (any(normalized, nameOf)) {
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
