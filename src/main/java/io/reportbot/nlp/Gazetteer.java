package io.reportbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Places other than the report's own, from {@code io/reportbot/nlp/gazetteer.json}: countries, regions, Chinese
 * provinces and cities, and districts of the report's city, each with aliases in both languages and its name
 * as an answer writes it ("die USA", "München", "Xi’an"). Immutable and thread-safe.
 */
public final class Gazetteer {

    /** What kind of place an entry is; a district is a part of the report's own city. */
    public enum Kind { COUNTRY, REGION, PROVINCE, CITY, DISTRICT }

    /**
     * One place.
     *
     * @param kind    what kind of place
     * @param de      its German name as it reads after "für"
     * @param en      its English name as it reads after "for"
     * @param aliases normalised spellings in both languages
     */
    public record Place(Kind kind, String de, String en, List<String> aliases) {
        public Place {
            aliases = List.copyOf(aliases);
        }

        /** Its name in that language. */
        public String name(Language language) {
            return language == Language.DE ? de : en;
        }
    }

    private final Map<String, Place> byAlias;
    /** Abbreviations that count only as written, in the order given. */
    private final List<Cased> cased;

    /** An abbreviation as written ({@code raw}, matched as a whole word) and the alias it stands for. */
    private record Cased(String raw, Pattern pattern, String alias) {
    }
    /** The aliases as one phrase set when all are plain words (then found in one scan), else null. */
    private final PhraseSet aliasSet;

    Gazetteer(List<Place> places, Map<String, String> casedAliases) {
        Map<String, Place> m = new LinkedHashMap<>();
        for (Place p : places) {
            for (String a : p.aliases()) {
                m.putIfAbsent(a, p);
            }
        }
        this.byAlias = java.util.Collections.unmodifiableMap(m);
        List<Cased> c = new ArrayList<>();
        casedAliases.forEach((raw, alias) -> c.add(new Cased(raw,
                Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(raw) + "(?![\\p{L}\\p{N}])"), alias)));
        this.cased = List.copyOf(c);
        this.aliasSet = m.keySet().stream().allMatch(PhraseLookup::plainWords) ? PhraseSet.of(m.keySet()) : null;
    }

    /** The gazetteer bundled with reportbot. */
    public static Gazetteer bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final Gazetteer BUNDLED = load();
    }

    private static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream("gazetteer.json")) {
            if (in == null) {
                throw new EngineLoadException("the bundled gazetteer is missing from the jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Place> places = new ArrayList<>();
            for (JsonNode n : root.path("places")) {
                List<String> aliases = new ArrayList<>();
                n.path("aliases").forEach(a -> aliases.add(TextNormalizer.normalize(a.asText())));
                places.add(new Place(Kind.valueOf(n.path("kind").asText().toUpperCase(java.util.Locale.ROOT)),
                        n.path("name").path("de").asText(), n.path("name").path("en").asText(), aliases));
            }
            Map<String, String> cased = new LinkedHashMap<>();
            root.path("casedAliases").fields().forEachRemaining(e ->
                    cased.put(e.getKey(), TextNormalizer.normalize(e.getValue().asText())));
            return new Gazetteer(places, cased);
        } catch (IOException | IllegalArgumentException e) {
            throw new EngineLoadException("the bundled gazetteer cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every normalised alias. */
    public java.util.Set<String> aliases() {
        return byAlias.keySet();
    }

    /** The place an alias names. */
    public Optional<Place> place(String normalizedAlias) {
        return Optional.ofNullable(byAlias.get(normalizedAlias));
    }

    /**
     * The aliases a text names, longest first where they overlap ("new york" before "york"), as normalised
     * aliases; abbreviations that are also words ("US") only as written, and not in a text in capitals
     * ("TELL US ABOUT …").
     */
    public List<String> find(String rawText, String normalized) {
        List<String> found;
        if (aliasSet != null) {
            found = aliasSet.findIn(normalized); // same aliases, same order as the loop below
        } else {
            found = new ArrayList<>();
            String padded = " " + normalized + " ";
            for (String alias : byAlias.keySet()) {
                if (padded.contains(" " + alias + " ")) {
                    found.add(alias);
                }
            }
        }
        Boolean shouting = null; // worked out only when an abbreviation stands in the text
        for (Cased c : cased) {
            // the pattern matches the abbreviation literally: a text without it needs no regex
            if (!rawText.contains(c.raw())) {
                continue;
            }
            if (shouting == null) {
                shouting = shouting(rawText);
            }
            if (!shouting && !foundPlace(found, byAlias.get(c.alias())) && c.pattern().matcher(rawText).find()) {
                found.add(c.alias());
            }
        }
        if (found.isEmpty()) {
            return found;
        }
        // "u s" stands for "U.S." only where the letters stand together in the text, not where other scripts between
        // them were dropped by the normaliser ("ǘ똋ş")
        found.removeIf(a -> lettersOnly(a) && !spelledOut(rawText, a));
        // drop an alias that is part of a longer one found ("korea" in "south korea")
        List<String> result = new ArrayList<>();
        for (String a : found) {
            boolean inLonger = found.stream().anyMatch(b -> b.length() > a.length() && (" " + b + " ").contains(" " + a + " "));
            if (!inLonger) {
                result.add(a);
            }
        }
        return result;
    }

    /** Whether an alias is single letters only ("u s", "u k"). */
    private static boolean lettersOnly(String alias) {
        return alias.length() > 1 && java.util.Arrays.stream(alias.split(" ")).allMatch(w -> w.length() == 1);
    }

    /** Whether the raw text writes the letters of such an alias together: "U.S.", "u s", "US-". */
    private static boolean spelledOut(String rawText, String alias) {
        StringBuilder re = new StringBuilder("(?iu)(?<!\\p{L})");
        String[] letters = alias.split(" ");
        for (int i = 0; i < letters.length; i++) {
            re.append(java.util.regex.Pattern.quote(letters[i])).append(i < letters.length - 1 ? "[. ]?" : "\\.?");
        }
        re.append("(?!\\p{L})");
        return java.util.regex.Pattern.compile(re.toString()).matcher(rawText).find();
    }

    private boolean foundPlace(List<String> found, Place place) {
        for (String f : found) {
            if (byAlias.get(f) == place) {
                return true;
            }
        }
        return false;
    }

    /** More capitals than small letters: "TELL US ABOUT …". */
    private static boolean shouting(String rawText) {
        long upper = 0;
        long lower = 0;
        for (int i = 0; i < rawText.length(); ) {
            int cp = rawText.codePointAt(i);
            if (Character.isUpperCase(cp)) {
                upper++;
            }
            if (Character.isLowerCase(cp)) {
                lower++;
            }
            i += Character.charCount(cp);
        }
        return upper > lower;
    }
}
