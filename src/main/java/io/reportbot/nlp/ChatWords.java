package io.reportbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How people wrap and continue questions in a chat, from {@code io/reportbot/nlp/chat.json}: small talk
 * (greetings, thanks, addresses, fillers) that never carries a question, request wordings ("sag mir",
 * "give me"), the words that make a request ask for a figure ("nenne mir die <b>Zahl</b> …"), and what a
 * follow-up asks about the last answer ({@link FollowUpAspect}), per language. Every phrase is normalised
 * with {@link TextNormalizer} and matches whole words. Immutable and thread-safe.
 *
 * <p>Small-talk and request phrases hold for both languages (people mix them); idioms are set phrases whose
 * words mean nothing on their own ("when it comes to" asks no date).
 */
public final class ChatWords {
    /** The shortest figure word that counts at the end of a compound, and the shortest part before it. */
    private static final int MIN_COMPOUND_TAIL = 4;
    private static final int MIN_COMPOUND_HEAD = 3;


    private final List<String[]> smallTalk;
    /** The small-talk phrases by their first word, longest first. */
    private final Map<String, List<String[]>> smallTalkByFirst;
    /** The small-talk phrases by their last word, longest first. */
    private final Map<String, List<String[]>> smallTalkByLast;
    private final List<String[]> requests;
    /** The request phrases by their first word, longest first. */
    private final Map<String, List<String[]>> requestsByFirst;
    private final Set<String> figureWords;
    private final Map<Language, Map<FollowUpAspect, List<String>>> followUps;
    /** Every follow-up phrase, split into words, with its aspect (both languages). */
    private final List<Map.Entry<FollowUpAspect, String[]>> followUpPhrases;
    /** The follow-up phrases by their first word. */
    private final Map<String, List<Map.Entry<FollowUpAspect, String[]>>> followUpByFirst;
    private final List<java.util.regex.Pattern> idioms;
    /**
     * Per idiom (same order), its literal case-folded as its case-insensitive pattern compares it, or null when
     * that shortcut can't be trusted for it: a text whose folded form doesn't contain it can't match.
     */
    private final List<String> foldedIdioms;

    private final Set<String> questionWords;
    private final Set<String> closings;
    /** Per language, the word a percent sign stands for when no figure comes before it ("in % of China?"). */
    private final Map<Language, String> percentWords;
    private static final java.util.regex.Pattern LONE_PERCENT = java.util.regex.Pattern.compile("(?<!\\d)(?<!\\d\\s)%");

    public ChatWords(List<String> smallTalk, List<String> requests, Set<String> figureWords,
                     Map<Language, Map<FollowUpAspect, List<String>>> followUps, List<java.util.regex.Pattern> idioms) {
        this(smallTalk, requests, figureWords, followUps, idioms, Set.of(), Set.of());
    }

    /**
     * @param questionWords normalised words that make a message a question ("welche", "who")
     * @param closings      the small-talk intents that close a conversation ("thanks", "goodbye") and so never
     *                      answer a question
     */
    public ChatWords(List<String> smallTalk, List<String> requests, Set<String> figureWords,
                     Map<Language, Map<FollowUpAspect, List<String>>> followUps, List<java.util.regex.Pattern> idioms,
                     Set<String> questionWords, Set<String> closings) {
        this(smallTalk, requests, figureWords, followUps, idioms, questionWords, closings, Map.of());
    }

    /** @param percentWords per language, the word a percent sign without a figure before it stands for */
    public ChatWords(List<String> smallTalk, List<String> requests, Set<String> figureWords,
                     Map<Language, Map<FollowUpAspect, List<String>>> followUps, List<java.util.regex.Pattern> idioms,
                     Set<String> questionWords, Set<String> closings, Map<Language, String> percentWords) {
        this.percentWords = Map.copyOf(percentWords);
        this.questionWords = Set.copyOf(questionWords);
        this.closings = Set.copyOf(closings);
        this.smallTalk = split(longestFirst(smallTalk));
        Map<String, List<String[]>> byFirst = new java.util.HashMap<>();
        this.smallTalk.forEach(p -> byFirst.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p));
        this.smallTalkByFirst = Map.copyOf(byFirst);
        Map<String, List<String[]>> byLast = new java.util.HashMap<>();
        this.smallTalk.stream().filter(p -> p.length > 0)
                .forEach(p -> byLast.computeIfAbsent(p[p.length - 1], k -> new ArrayList<>()).add(p));
        this.smallTalkByLast = Map.copyOf(byLast);
        this.requests = split(longestFirst(requests));
        Map<String, List<String[]>> requestsFirst = new java.util.HashMap<>();
        this.requests.stream().filter(p -> p.length > 0)
                .forEach(p -> requestsFirst.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p));
        this.requestsByFirst = Map.copyOf(requestsFirst);
        this.figureWords = Set.copyOf(figureWords);
        Map<Language, Map<FollowUpAspect, List<String>>> f = new EnumMap<>(Language.class);
        List<Map.Entry<FollowUpAspect, String[]>> phrases = new ArrayList<>();
        followUps.forEach((l, m) -> {
            Map<FollowUpAspect, List<String>> inner = new EnumMap<>(FollowUpAspect.class);
            m.forEach((a, p) -> {
                inner.put(a, List.copyOf(p));
                p.forEach(phrase -> phrases.add(Map.entry(a, phrase.split(" "))));
            });
            f.put(l, Map.copyOf(inner));
        });
        this.followUps = Map.copyOf(f);
        this.followUpPhrases = List.copyOf(phrases);
        Map<String, List<Map.Entry<FollowUpAspect, String[]>>> fb = new java.util.HashMap<>();
        phrases.forEach(e -> fb.computeIfAbsent(e.getValue()[0], k -> new ArrayList<>()).add(e));
        this.followUpByFirst = Map.copyOf(fb);
        this.idioms = List.copyOf(idioms);
        List<String> folded = new ArrayList<>();
        for (java.util.regex.Pattern p : this.idioms) {
            folded.add(foldedLiteral(p));
        }
        this.foldedIdioms = java.util.Collections.unmodifiableList(folded);
    }

    private static final String IDIOM_START = "(?<![\\p{L}\\p{N}])\\Q";
    private static final String IDIOM_END = "\\E(?![\\p{L}\\p{N}])";
    private static final int IDIOM_FLAGS = java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE;

    /**
     * The literal of an idiom pattern as built by {@link #idiomPatterns}, each character folded as a
     * case-insensitive Unicode pattern folds it (upper, then lower case); null for any other pattern, or when a
     * folded character is not its own fold (then a character equal to it might not fold to it) or lies outside
     * the BMP.
     */
    private static String foldedLiteral(java.util.regex.Pattern p) {
        String src = p.pattern();
        if (p.flags() != IDIOM_FLAGS || !src.startsWith(IDIOM_START) || !src.endsWith(IDIOM_END)) {
            return null;
        }
        String literal = src.substring(IDIOM_START.length(), src.length() - IDIOM_END.length());
        if (literal.contains("\\E")) {
            return null; // Pattern.quote split it into several quoted parts
        }
        StringBuilder sb = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            int f = fold(literal.charAt(i));
            if (f > 0xFFFF || Character.isSurrogate(literal.charAt(i)) || fold(f) != f) {
                return null;
            }
            sb.append((char) f);
        }
        return sb.toString();
    }

    private static int fold(int c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The text with each character folded as {@link #foldedLiteral} folds; null when a fold leaves the BMP. */
    private static String foldedText(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int f = fold(text.charAt(i));
            if (f > 0xFFFF) {
                return null;
            }
            sb.append((char) f);
        }
        return sb.toString();
    }

    /** The follow-up phrases per language and aspect. */
    public Map<Language, Map<FollowUpAspect, List<String>>> followUps() {
        return followUps;
    }

    /** The words bundled with reportbot. */
    private static List<String> plain(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(n.asText()));
        return l;
    }

    public static ChatWords bundled() {
        try (InputStream in = ChatWords.class.getResourceAsStream("chat.json")) {
            if (in == null) {
                throw new EngineLoadException("the bundled chat words (chat.json) are missing from the jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<Language, Map<FollowUpAspect, List<String>>> followUps = new EnumMap<>(Language.class);
            for (Language l : Language.values()) {
                Map<FollowUpAspect, List<String>> m = new EnumMap<>(FollowUpAspect.class);
                root.path("followUps").path(l.code()).fields().forEachRemaining(e ->
                        m.put(FollowUpAspect.valueOf(e.getKey()), strings(e.getValue())));
                followUps.put(l, m);
            }
            return new ChatWords(bothLanguages(root.path("smallTalk")), bothLanguages(root.path("requests")),
                    new HashSet<>(bothLanguages(root.path("figureWords"))), followUps, idiomPatterns(root.path("idioms")),
                    new HashSet<>(bothLanguages(root.path("questionWords"))), new HashSet<>(plain(root.path("closings"))),
                    percentWords(root.path("percentSign")));
        } catch (IOException | IllegalArgumentException e) {
            throw new EngineLoadException("the bundled chat words cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * How many of the tokens from {@code from} on are small talk: the longest run covered by small-talk
     * phrases (and @mentions), matched greedily, longest phrase first.
     */
    public int smallTalkRun(List<String> tokens, int from) {
        int i = from;
        outer:
        while (i < tokens.size()) {
            if (tokens.get(i).startsWith("@")) {
                i++;
                continue;
            }
            for (String[] phrase : smallTalkByFirst.getOrDefault(tokens.get(i), List.of())) {
                int n = matchAt(tokens, i, phrase);
                if (n > 0) {
                    i += n;
                    continue outer;
                }
            }
            break;
        }
        return i - from;
    }

    /** How many tokens before {@code end} a small-talk phrase covers (the longest; 0 if none ends there). */
    public int smallTalkEnding(List<String> tokens, int end) {
        if (end < 1 || end > tokens.size()) {
            return 0;
        }
        // only a phrase whose last word is the token before end can end there (an empty phrase covers nothing)
        for (String[] phrase : smallTalkByLast.getOrDefault(tokens.get(end - 1), List.of())) {
            int n = phrase.length;
            if (end - n >= 0 && matchAt(tokens, end - n, phrase) == n) {
                return n;
            }
        }
        return 0;
    }

    /**
     * Whether a request asks for a figure: a request phrase followed, after at most one article, by a figure
     * word ("Nenne mir die Zahl der Schulen", "give me the count of …"), also as the end of a German compound
     * ("die Finanzierungssumme"); such a request wants a number, not names.
     */
    public boolean requestsAFigure(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            for (String[] phrase : requestsByFirst.getOrDefault(tokens.get(i), List.of())) {
                int n = matchAt(tokens, i, phrase);
                if (n == 0) {
                    continue;
                }
                for (int j = i + n; j < Math.min(tokens.size(), i + n + 2); j++) {
                    if (isFigureWord(tokens.get(j))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a small-talk intent closes a conversation ("thanks", "goodbye"): such an intent never answers a
     * message that asks something ("und welche waren das?" is no goodbye, whatever its few words score).
     */
    public boolean closes(String intent) {
        return closings.contains(intent);
    }

    /**
     * Whether a text asks something: it has a question mark ("und in Deutschland?") or starts with a question word
     * ("wer", "welche", "how"); "that's exactly what I needed" asks nothing.
     */
    public boolean asksSomething(String text) {
        List<String> tokens = TextNormalizer.tokens(text);
        if (tokens.isEmpty()) {
            return false;
        }
        return text.indexOf('?') >= 0 || questionWords.contains(tokens.get(0));
    }

    /** A statement has at least this many words ("Beijing hat 40 Einhörner." has four). */
    private static final int MIN_STATEMENT_WORDS = 4;

    /**
     * Whether a text states something rather than asks: it ends with a full stop or an exclamation mark, asks
     * nothing and starts with no request ("Beijing hat 40 Einhörner.", "The fund invested 5 billion yuan in 2025.";
     * not "Tell me about the fund." nor "unicorns in beijing").
     */
    public boolean states(String text) {
        String t = text.strip();
        List<String> tokens = TextNormalizer.tokens(t);
        if (tokens.size() < MIN_STATEMENT_WORDS || !(t.endsWith(".") || t.endsWith("!")) || asksSomething(t)) {
            return false;
        }
        for (int i = 0; i < Math.min(tokens.size(), MIN_STATEMENT_WORDS); i++) {
            for (String[] phrase : requestsByFirst.getOrDefault(tokens.get(i), List.of())) {
                if (matchAt(tokens, i, phrase) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A figure word, or a compound ending in one of at least four letters ("finanzierungssumme", "marktwert"). */
    private boolean isFigureWord(String token) {
        if (figureWords.contains(token)) {
            return true;
        }
        for (int k = MIN_COMPOUND_HEAD; k <= token.length() - MIN_COMPOUND_TAIL; k++) {
            if (figureWords.contains(token.substring(k))) {
                return true;
            }
        }
        return false;
    }

    /** The follow-up aspects a normalised text names, in either language. */
    public Set<FollowUpAspect> followUpAspects(String normalized) {
        List<String> tokens = normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
        Set<FollowUpAspect> found = EnumSet.noneOf(FollowUpAspect.class);
        for (int i = 0; i < tokens.size(); i++) {
            for (Map.Entry<FollowUpAspect, String[]> e : followUpByFirst.getOrDefault(tokens.get(i), List.of())) {
                if (matchAt(tokens, i, e.getValue()) > 0) {
                    found.add(e.getKey());
                }
            }
        }
        return found;
    }

    /**
     * The tokens left when the words of follow-up phrases are taken out ("Woher kommt die Zahl?" → "kommt",
     * "die"): what is left is what may name a topic of its own.
     */
    public List<String> withoutFollowUpWords(List<String> tokens) {
        boolean[] covered = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            for (Map.Entry<FollowUpAspect, String[]> e : followUpByFirst.getOrDefault(tokens.get(i), List.of())) {
                int n = matchAt(tokens, i, e.getValue());
                for (int k = 0; k < n; k++) {
                    covered[i + k] = true;
                }
            }
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!covered[i]) {
                rest.add(tokens.get(i));
            }
        }
        return rest;
    }

    /**
     * The text with a percent sign that follows no figure spelled out in the language's word ("in % of China?"
     * asks for a share, as "in percent of China?" does); "40 %" stays a figure.
     */
    public String withPercentSpelledOut(String text, Language lang) {
        String word = percentWords.get(lang);
        return word == null || text.indexOf('%') < 0 ? text : LONE_PERCENT.matcher(text).replaceAll(" " + word + " ");
    }

    private static Map<Language, String> percentWords(JsonNode byLanguage) {
        Map<Language, String> m = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            if (byLanguage.hasNonNull(l.code())) {
                m.put(l, byLanguage.get(l.code()).asText());
            }
        }
        return m;
    }

    /** The text with its idioms blanked out, for reading aspects ("when it comes to AI" asks no date). */
    public String withoutIdioms(String text) {
        String t = text;
        String folded = null;
        for (int i = 0; i < idioms.size(); i++) {
            String literal = foldedIdioms.get(i);
            if (literal != null) {
                if (folded == null) {
                    folded = foldedText(t);
                }
                if (folded != null && !folded.contains(literal)) {
                    continue; // every character of a match folds to the literal's: no match possible
                }
            }
            t = idioms.get(i).matcher(t).replaceAll(" ");
            folded = null;
        }
        return t;
    }

    private static List<java.util.regex.Pattern> idiomPatterns(JsonNode byLanguage) {
        List<java.util.regex.Pattern> out = new ArrayList<>();
        for (Language l : Language.values()) {
            byLanguage.path(l.code()).forEach(n -> out.add(idiom(n.asText())));
        }
        return out;
    }

    /** The pattern of an idiom: the phrase as a whole word sequence, in any case. */
    static java.util.regex.Pattern idiom(String phrase) {
        return java.util.regex.Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])", IDIOM_FLAGS);
    }

    private static int matchAt(List<String> tokens, int at, String[] words) {
        if (at + words.length > tokens.size()) {
            return 0;
        }
        for (int k = 0; k < words.length; k++) {
            if (!tokens.get(at + k).equals(words[k])) {
                return 0;
            }
        }
        return words.length;
    }

    private static List<String> bothLanguages(JsonNode byLanguage) {
        List<String> all = new ArrayList<>();
        for (Language l : Language.values()) {
            all.addAll(strings(byLanguage.path(l.code())));
        }
        return all;
    }

    private static List<String> strings(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> {
            String s = TextNormalizer.normalize(n.asText());
            if (!s.isEmpty()) {
                l.add(s);
            }
        });
        return l;
    }

    private static List<String[]> split(List<String> phrases) {
        return phrases.stream().map(p -> p.split(" ")).toList();
    }

    private static List<String> longestFirst(List<String> phrases) {
        List<String> l = new ArrayList<>(new java.util.LinkedHashSet<>(phrases));
        l.sort(Comparator.comparingInt((String p) -> p.split(" ").length).reversed());
        return List.copyOf(l);
    }
}
