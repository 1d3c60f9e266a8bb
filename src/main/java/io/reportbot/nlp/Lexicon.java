package io.reportbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the engine looks for besides the intent, from {@code io/reportbot/nlp/lexicon.json}: what a
 * question asks about a topic ({@link Aspect}), cues that it checks a figure, future-tense cues and the
 * names of places other than the report's, the function words of each language, and words that point
 * back to what was said before ("das", "davon", "that"), and the nouns that make "2000 …" a count rather than
 * a year, the words that name a time (for "when?") and the words that give a reason (for "why?"). All normalised
 * with {@link TextNormalizer}. Immutable.
 */
public record Lexicon(Map<Aspect, List<String>> aspects, List<String> verification, List<String> future,
                      List<String> places, Map<Language, List<String>> functionWords, List<String> followUp,
                      Set<String> countedNouns, List<String> timeWords, List<String> reasonWords,
                      List<String> definitionStarts) {

    public Lexicon {
        functionWords = Map.copyOf(functionWords);
        followUp = List.copyOf(followUp);
        countedNouns = Set.copyOf(countedNouns);
        timeWords = List.copyOf(timeWords);
        reasonWords = List.copyOf(reasonWords);
        definitionStarts = List.copyOf(definitionStarts);
        aspects = Map.copyOf(aspects);
        verification = List.copyOf(verification);
        future = List.copyOf(future);
        places = List.copyOf(places);
    }

    /** The lexicon bundled with reportbot. */
    public static Lexicon bundled() {
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.json")) {
            if (in == null) {
                throw new EngineLoadException("the bundled lexicon is missing from the jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<Aspect, List<String>> aspects = new EnumMap<>(Aspect.class);
            root.path("aspects").fields().forEachRemaining(e ->
                    aspects.put(Aspect.valueOf(e.getKey()), strings(e.getValue())));
            Map<Language, List<String>> functionWords = new EnumMap<>(Language.class);
            for (Language l : Language.values()) {
                functionWords.put(l, strings(root.path("functionWords").path(l.code())));
            }
            return new Lexicon(aspects, strings(root.path("verification")), strings(root.path("future")),
                    strings(root.path("places")), functionWords, strings(root.path("followUp")),
                    Set.copyOf(strings(root.path("countedNouns"))), strings(root.path("timeWords")),
                    gapped(root.path("reasonWords")), strings(root.path("definitionStarts")));
        } catch (IOException e) {
            throw new EngineLoadException("the bundled lexicon cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * This lexicon with a report's own words added: its counted nouns, aspect words and places; words that name
     * the report's own currencies are no longer "another currency", and the words the report uses otherwise
     * ({@link ReportLexicon#notAspects()}) no longer name their aspect.
     */
    public Lexicon withReport(ReportLexicon own) {
        Map<Aspect, List<String>> merged = new EnumMap<>(Aspect.class);
        merged.putAll(aspects);
        own.aspects().forEach((aspect, words) -> {
            List<String> l = new ArrayList<>(merged.getOrDefault(aspect, List.of()));
            l.addAll(words);
            merged.put(aspect, l);
        });
        merged.computeIfPresent(Aspect.OTHER_CURRENCY, (k, words) ->
                words.stream().filter(w -> !own.currencyWords().contains(w)).toList());
        own.notAspects().forEach((aspect, words) -> merged.computeIfPresent(aspect, (k, l) ->
                l.stream().filter(w -> !words.contains(w)).toList()));
        Set<String> counted = new java.util.HashSet<>(countedNouns);
        counted.addAll(own.countedNouns());
        List<String> allPlaces = new ArrayList<>(places);
        own.places().stream().filter(p -> !allPlaces.contains(p)).forEach(allPlaces::add);
        return new Lexicon(merged, verification, future, allPlaces, functionWords, followUp, counted, timeWords,
                reasonWords, definitionStarts);
    }

    /** How a phrase of {@link #reasonWords} marks a gap of a few words between its parts ("um ... zu"). */
    public static final String GAP = " ... ";

    /** Phrases that may hold a gap ("um ... zu"): each part normalised, the gap kept as {@link #GAP}. */
    private static List<String> gapped(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(java.util.Arrays.stream(n.asText().split("\\.\\.\\."))
                .map(TextNormalizer::normalize).collect(java.util.stream.Collectors.joining(GAP))));
        return l;
    }

    private static List<String> strings(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(TextNormalizer.normalize(n.asText())));
        return l;
    }
}
