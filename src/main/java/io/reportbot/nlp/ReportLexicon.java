package io.reportbot.nlp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.reportbot.core.EngineLoadException;
import io.reportbot.report.ReportLoader;
import io.reportbot.report.Text;
import io.reportbot.report.Uncovered;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words that belong to one report rather than to a language, from its folder's optional
 * {@code lexicon.json}: nouns that make "2000 …" a count ({@code countedNouns}), extra words per aspect
 * (e.g. the nation's name for {@link Aspect#NATIONAL}), words the language-general lexicon reads as an aspect but
 * this report uses otherwise ({@code notAspects}: where the report's sentences say "last year" for its own latest
 * year, or give "revenues" as a share of companies, those words ask no previous-year or money figure), words that
 * name the report's own currencies (never "another currency"), more places, the words that name each topic
 * ({@code topicWords}, used by the load-time warnings and {@code check}) and subjects the report gives no figures
 * on ({@code uncovered}). All normalised with {@link TextNormalizer}. Immutable.
 *
 * <pre>{"countedNouns": ["unicorns"], "aspects": {"NATIONAL": ["all of china"]},
 *  "notAspects": {"PREVIOUS_YEAR": ["last year"]}, "currencyWords": ["yuan"],
 *  "places": [], "topicWords": {"unicorns": ["einhorn", "unicorn"]},
 *  "uncovered": [{"terms": ["patent"], "label": {"de": "Patente", "en": "patents"}}]}</pre>
 */
public record ReportLexicon(Set<String> countedNouns, Map<Aspect, List<String>> aspects,
                            Map<Aspect, List<String>> notAspects, Set<String> currencyWords, List<String> places,
                            Map<String, List<String>> topicWords, List<Uncovered> uncovered) {

    private static final Set<String> FIELDS = Set.of("_comment", "countedNouns", "aspects", "notAspects",
            "currencyWords", "places", "topicWords", "uncovered");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public ReportLexicon {
        countedNouns = Set.copyOf(countedNouns);
        aspects = Map.copyOf(aspects);
        notAspects = Map.copyOf(notAspects);
        currencyWords = Set.copyOf(currencyWords);
        places = List.copyOf(places);
        topicWords = Map.copyOf(topicWords);
        uncovered = List.copyOf(uncovered);
    }

    /** A report without a lexicon of its own. */
    public static ReportLexicon empty() {
        return new ReportLexicon(Set.of(), Map.of(), Map.of(), Set.of(), List.of(), Map.of(), List.of());
    }

    /**
     * Reads a report's {@code lexicon.json}.
     *
     * @param where how to name the file in an error
     */
    public static ReportLexicon read(InputStream in, String where) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new EngineLoadException(where + " is not valid JSON: " + ReportLoader.describeError(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new EngineLoadException(where + " must hold a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new EngineLoadException(where + ": unknown field \"" + f + "\" (use " + FIELDS + ")");
            }
        }
        Map<Aspect, List<String>> aspects = aspects(root.path("aspects"), where);
        Map<Aspect, List<String>> notAspects = aspects(root.path("notAspects"), where);
        Map<String, List<String>> topicWords = new LinkedHashMap<>();
        root.path("topicWords").fields().forEachRemaining(e -> topicWords.put(e.getKey(), strings(e.getValue())));
        List<Uncovered> uncovered = new ArrayList<>();
        for (JsonNode u : root.path("uncovered")) {
            Text label = new Text(u.path("label").path("de").asText(null), u.path("label").path("en").asText(null));
            if (!label.complete() || !u.path("terms").isArray() || u.path("terms").isEmpty()) {
                throw new EngineLoadException(where + ": every \"uncovered\" entry needs \"terms\" and a \"label\" "
                        + "in \"de\" and \"en\"");
            }
            List<String> topics = new ArrayList<>();
            u.path("topics").forEach(t -> topics.add(t.asText()));
            uncovered.add(new Uncovered(strings(u.path("terms")), label, topics));
        }
        return new ReportLexicon(Set.copyOf(strings(root.path("countedNouns"))), aspects, notAspects,
                Set.copyOf(strings(root.path("currencyWords"))), strings(root.path("places")), topicWords, uncovered);
    }

    private static Map<Aspect, List<String>> aspects(JsonNode node, String where) {
        Map<Aspect, List<String>> aspects = new EnumMap<>(Aspect.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                aspects.put(Aspect.valueOf(e.getKey()), strings(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new EngineLoadException(where + ": unknown aspect \"" + e.getKey() + "\" (use "
                        + List.of(Aspect.values()) + ")");
            }
        }
        return aspects;
    }

    private static List<String> strings(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(TextNormalizer.normalize(n.asText())));
        return l;
    }
}
