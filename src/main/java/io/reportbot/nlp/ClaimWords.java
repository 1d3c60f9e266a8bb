package io.reportbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The general-language words a {@link ClaimReader} looks for, from {@code io/reportbot/nlp/claims.json}: bounds
 * ("mehr als", "at least"), scales ("Mrd.", "billion"), units ("Yuan", "%"), number words and fractions, words of
 * growth and decline, cues of a share, the contexts in which a number is no claim ("Frage 2", "in 5 words"), and
 * cues that a text asks to confirm a claim ("Bestätige:", "I read that"), and the question words that ask for an
 * amount ("how much", "wie stark"), before which a direction is asked about, not claimed, and the words before a
 * percentage that make it the level reached, not the change ("stieg auf 2,0 %", "fell to 1.6 %"), and the words that
 * make a thing one of those counted ("eine der 30 Universitäten"), those that say what all of them are ("all 25 schools
 * are"), and
 * those before who does something
 * ("vom Bildungsministerium finanziert", "run by the ministry"), and the words after which a four-digit number is a
 * year ("in 2023", "seit 2016").
 * Every phrase is a list of claim tokens ({@link ClaimReader#tokens}). Immutable and thread-safe.
 */
public record ClaimWords(Map<Claim.Bound, List<List<String>>> bounds, List<List<String>> exact,
                         List<List<String>> exceedVerbs, Map<Language, Map<List<String>, Double>> scales,
                         Map<String, List<List<String>>> units, Map<List<String>, Double> fractions,
                         Map<String, Double> numberWords, List<List<String>> growth, List<List<String>> decline,
                         List<List<String>> flat, List<List<String>> shareCues, List<String> notAClaimBefore,
                         List<String> notAClaimAfter, List<String> countNouns,
                         List<List<String>> verification, List<List<String>> amountQuestions,
                         List<List<String>> comparisons, List<String> levelBefore, List<List<String>> membership,
                         List<List<String>> agents, List<String> yearBefore, List<List<String>> universal) {

    public ClaimWords {
        // kept in the file's order: the first phrase that matches wins, the same on every run
        bounds = ordered(bounds);
        units = ordered(units);
        scales = ordered(scales);
        fractions = ordered(fractions);
        numberWords = ordered(numberWords);
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The words bundled with reportbot. */
    public static ClaimWords bundled() {
        try (InputStream in = ClaimWords.class.getResourceAsStream("claims.json")) {
            if (in == null) {
                throw new EngineLoadException("the bundled claim words are missing from the jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<Claim.Bound, List<List<String>>> bounds = new EnumMap<>(Claim.Bound.class);
            root.path("bounds").fields().forEachRemaining(e -> bounds.put(Claim.Bound.valueOf(e.getKey()), phrases(e.getValue())));
            // "PERCENT", or a currency's ISO code: a report's own currencies are compared, any other is "not in the report"
            Map<String, List<List<String>>> units = new LinkedHashMap<>();
            root.path("units").fields().forEachRemaining(e -> units.put(e.getKey(), phrases(e.getValue())));
            Map<Language, Map<List<String>, Double>> scales = new EnumMap<>(Language.class);
            for (Language l : Language.values()) {
                scales.put(l, new LinkedHashMap<>());
            }
            root.path("scales").fields().forEachRemaining(e -> {
                double factor = Double.parseDouble(e.getKey());
                e.getValue().forEach(n -> {
                    String s = n.asText();
                    int at = s.indexOf('@');
                    List<String> phrase = ClaimReader.tokens(at < 0 ? s : s.substring(0, at));
                    for (Language l : Language.values()) {
                        if (at < 0 || s.substring(at + 1).equals(l.code())) {
                            scales.get(l).put(phrase, factor);
                        }
                    }
                });
            });
            Map<List<String>, Double> fractions = new LinkedHashMap<>();
            root.path("fractions").fields().forEachRemaining(e ->
                    phrases(e.getValue()).forEach(p -> fractions.put(p, Double.parseDouble(e.getKey()))));
            Map<String, Double> numberWords = new LinkedHashMap<>();
            root.path("numberWords").fields().forEachRemaining(e ->
                    e.getValue().forEach(n -> numberWords.put(n.asText(), Double.parseDouble(e.getKey()))));
            return new ClaimWords(bounds, phrases(root.path("exact")), phrases(root.path("exceedVerbs")), scales, units,
                    fractions, numberWords, phrases(root.path("growth")), phrases(root.path("decline")),
                    phrases(root.path("flat")), phrases(root.path("shareCues")), words(root.path("notAClaimBefore")),
                    words(root.path("notAClaimAfter")), words(root.path("countNouns")),
                    phrases(root.path("verification")), phrases(root.path("amountQuestions")),
                    phrases(root.path("comparisons")), words(root.path("levelBefore")), phrases(root.path("membership")),
                    phrases(root.path("agents")), words(root.path("yearBefore")),
                    phrases(root.path("universal")));
        } catch (IOException | IllegalArgumentException e) {
            throw new EngineLoadException("the bundled claim words cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<List<String>> phrases(JsonNode array) {
        List<List<String>> l = new ArrayList<>();
        array.forEach(n -> {
            List<String> p = ClaimReader.tokens(n.asText());
            if (!p.isEmpty()) {
                l.add(List.copyOf(p));
            }
        });
        return List.copyOf(l);
    }

    private static List<String> words(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(n.asText()));
        return List.copyOf(l);
    }
}
