package io.reportbot.nlp;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of a question that the intent doesn't carry: years, stated figures, aspects, other
 * places, future-tense cues. Immutable and thread-safe.
 */
public final class QuestionReader {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])\\d{1,15}(?:[.,]\\d+)*(?![\\p{L}\\d])");

    private final Lexicon lexicon;
    private final Set<String> ownPlaces;
    /** "US dollars", "US-Dollar", "U.S. dollar": the currency's name, whose "US" is no place. */
    private static final java.util.regex.Pattern US_DOLLAR =
            java.util.regex.Pattern.compile("(?i)\\bU\\.?S\\.?[- ]?(?=dollar)");
    private final PhraseSet otherPlaces;
    private final Gazetteer gazetteer;
    /** The function words of both languages, which never start a term asked to be defined. */
    private final Set<String> functionWords;
    /** The aspects in the order of their phrase groups; then come verification, future and follow-up. */
    private final List<Aspect> aspectOrder;
    /** The aspects', verification, future and follow-up phrases, looked up in one scan of a question. */
    private final PhraseGroups phrases;
    private final int verificationGroup;
    private final int futureGroup;
    private final int followUpGroup;

    /**
     * @param lexicon   the words to look for
     * @param ownPlaces normalised names of the report's place and nation, never "other places"
     */
    public QuestionReader(Lexicon lexicon, Set<String> ownPlaces) {
        this(lexicon, ownPlaces, Gazetteer.bundled());
    }

    /**
     * @param lexicon   the words to look for
     * @param ownPlaces normalised names of the report's place and nation, never "other places"
     * @param gazetteer the other places, with their aliases
     */
    public QuestionReader(Lexicon lexicon, Set<String> ownPlaces, Gazetteer gazetteer) {
        this.lexicon = lexicon;
        this.ownPlaces = Set.copyOf(ownPlaces);
        this.gazetteer = gazetteer;
        this.otherPlaces = PhraseSet.of(lexicon.places().stream().filter(p -> !this.ownPlaces.contains(p)).toList());
        this.functionWords = lexicon.functionWords().values().stream().flatMap(List::stream)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        List<Aspect> order = new ArrayList<>();
        List<java.util.Collection<String>> groups = new ArrayList<>();
        lexicon.aspects().forEach((aspect, phrases) -> {
            order.add(aspect);
            groups.add(phrases);
        });
        this.aspectOrder = List.copyOf(order);
        this.verificationGroup = groups.size();
        groups.add(lexicon.verification());
        this.futureGroup = groups.size();
        groups.add(lexicon.future());
        this.followUpGroup = groups.size();
        groups.add(lexicon.followUp());
        this.phrases = PhraseGroups.of(groups);
    }

    /** The other places this reader knows. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The words this reader looks for. */
    public Lexicon lexicon() {
        return lexicon;
    }

    /** At most this many words follow "was ist" in a question for a term's meaning ("was ist photonisches Computing"). */
    private static final int TERM_WORDS = 5;

    /**
     * Whether the question asks what a term is: it starts with "was ist", "what is" (in {@code definitionStarts}) and
     * goes on with a short term that is no function word ("der", "the", "it") and not the report's place or nation.
     */
    private boolean namesATerm(String normalized) {
        for (String start : lexicon.definitionStarts()) {
            if (!normalized.startsWith(start + " ")) {
                continue;
            }
            String[] rest = normalized.substring(start.length() + 1).split(" ");
            if (rest.length == 0 || rest.length > TERM_WORDS || rest[0].isEmpty()) {
                continue;
            }
            String first = rest[0];
            boolean function = functionWords.contains(first);
            boolean own = ownPlaces.stream().anyMatch(p -> first.startsWith(p));
            if (!function && !own && first.chars().noneMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /** The places other than the report's that a text names (normalised), without reading the rest of it. */
    public List<String> otherPlaces(String text) {
        return otherPlaces(text, TextNormalizer.normalize(text));
    }

    private List<String> otherPlaces(String text, String normalized) {
        if (normalized.contains("dollar")) {
            // "in US dollars" names a currency, not the United States
            text = US_DOLLAR.matcher(text).replaceAll(" dollar");
            normalized = (" " + normalized + " ").replace(" us dollar", " dollar").strip();
        }
        List<String> places = new ArrayList<>(gazetteer.find(text, normalized));
        // the report's own place under any of its names ("USA" for a report on "the United States") is not another place
        places.removeIf(p -> ownPlaces.contains(p) || gazetteer.place(p)
                .map(g -> g.aliases().stream().anyMatch(ownPlaces::contains)).orElse(false));
        for (String p : otherPlaces.findIn(normalized)) {
            if (!places.contains(p) && places.stream().noneMatch(g -> Question.containsPhrase(g, p))) {
                places.add(p);
            }
        }
        return places;
    }

    public Question read(String text) {
        String normalized = TextNormalizer.normalize(text);
        List<Integer> years = new ArrayList<>();
        List<Double> claims = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String raw = m.group();
            if (raw.length() == 4 && raw.chars().allMatch(Character::isDigit)
                    && (raw.startsWith("19") || raw.startsWith("20")) && looksLikeAYear(text, m.end())) {
                years.add(Integer.parseInt(raw));
            } else {
                parse(raw).ifPresent(claims::add);
            }
        }
        long found = phrases.scan(normalized);
        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        for (int g = 0; g < aspectOrder.size(); g++) {
            if (PhraseGroups.has(found, g)) {
                aspects.add(aspectOrder.get(g));
            }
        }
        if (aspects.isEmpty() && claims.isEmpty() && years.isEmpty() && namesATerm(normalized)) {
            aspects.add(Aspect.DEFINITION); // "Was ist photonisches Computing?"
        }
        if (aspects.contains(Aspect.DEFINITION) && aspects.size() > 1) {
            aspects.remove(Aspect.DEFINITION); // "what is a unicorn worth?" asks the worth
        }
        boolean verification = PhraseGroups.has(found, verificationGroup);
        boolean future = PhraseGroups.has(found, futureGroup);
        List<String> places = otherPlaces(text, normalized);
        boolean pointsBack = PhraseGroups.has(found, followUpGroup);
        return new Question(normalized, years, claims, verification, aspects, places, future, pointsBack);
    }

    private static final Set<String> YEAR_CUES = Set.of("in", "im", "jahr", "jahre", "jahres", "year", "years", "seit",
            "since", "bis", "until", "till", "von", "vom", "from", "for", "fuer", "zum", "ende", "anfang", "end", "early",
            "late", "of", "than", "als", "vor", "before", "after", "nach", "um", "around", "per", "pro", "stand", "and", "und",
            "or", "oder", "between", "zwischen");

    /**
     * "2000 KI-Unternehmen" is a figure, "in 2020" or "… 2030?" a year: a four-digit number from 1900 to 2099
     * is a year unless a counted noun or a unit follows it (the lexicon's {@code countedNouns}).
     */
    private boolean looksLikeAYear(String text, int end) {
        String[] after = TextNormalizer.normalize(text.substring(end)).split(" ");
        int i = 0;
        while (i < after.length - 1 && (after[i].equals("ki") || after[i].equals("ai"))) {
            i++; // "2000 KI-Unternehmen": the noun after the "KI-"
        }
        return !lexicon.countedNouns().contains(after[i]);
    }

    /**
     * A number as people write it in either language: "2.400" and "2,400" are 2400; "4,3" and "4.3" are 4.3.
     * A single separator followed by exactly three digits is a thousands separator.
     */
    static java.util.Optional<Double> parse(String raw) {
        String s = raw;
        int dots = count(s, '.');
        int commas = count(s, ',');
        if (dots + commas == 0) {
            return java.util.Optional.of(Double.parseDouble(s));
        }
        if (dots > 0 && commas > 0) {
            char decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
            char thousands = decimal == '.' ? ',' : '.';
            s = s.replace(String.valueOf(thousands), "").replace(decimal, '.');
        } else {
            char sep = dots > 0 ? '.' : ',';
            String[] parts = s.split(Pattern.quote(String.valueOf(sep)));
            boolean thousands = parts.length > 2 || parts[parts.length - 1].length() == 3;
            s = thousands ? s.replace(String.valueOf(sep), "") : s.replace(sep, '.');
        }
        try {
            return java.util.Optional.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
