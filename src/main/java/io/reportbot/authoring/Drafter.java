package io.reportbot.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drafts a report folder from a source text: one fact and one topic stub per sentence with figures (the sentence
 * filled in as the source, each figure with its qualifier, unit and scale, the sentence as the answer template in
 * the source's language), intent files with a few generated questions, a lexicon stub, the small-talk intents and
 * a starter out_of_scope intent. Everything it cannot decide (names, labels, the other language, topic words,
 * more examples) is marked {@code TODO}, and {@code check} fails until each is resolved. Thread-safe.
 */
public final class Drafter {

    /** What a draft found. */
    public record Draft(int sentences, int factSentences, List<FigureFinder.Found> figures) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> SMALLTALK = List.of("greeting", "thanks", "goodbye", "capabilities");
    private static final Set<String> GERMAN = Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "von", "den",
            "im", "für", "auf", "eine", "ein", "sich", "wird", "wurden", "auch");
    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "not", "with", "of", "to", "in", "for",
            "on", "a", "an", "was", "were", "that", "from", "by", "its");

    private Drafter() {
    }

    /** The language a text is written in, by its function words. */
    public static Language guessLanguage(String text) {
        int de = 0;
        int en = 0;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            de += GERMAN.contains(w) ? 1 : 0;
            en += ENGLISH.contains(w) ? 1 : 0;
        }
        return de > en ? Language.DE : Language.EN;
    }

    /** A sentence and the figures found in it. */
    public record SentenceFigures(String sentence, List<FigureFinder.Found> figures) {
    }

    /** The figures a text holds, sentence by sentence, without writing anything. */
    public static List<SentenceFigures> figures(String text, Language language) {
        List<SentenceFigures> out = new ArrayList<>();
        for (TextModels.Sentence s : TextModels.forLanguage(language).read(text)) {
            out.add(new SentenceFigures(s.text(), FigureFinder.find(s, language).figures()));
        }
        return out;
    }

    /** Writes a report folder for {@code text} into {@code out} (which must not hold a report.json yet). */
    public static Draft draft(String text, Language language, Path out) throws IOException {
        List<TextModels.Sentence> sentences = TextModels.forLanguage(language).read(text);
        Files.createDirectories(out.resolve("intents"));
        Language other = language == Language.DE ? Language.EN : Language.DE;
        ObjectNode report = JSON.createObjectNode();
        report.put("id", "TODO-report-id");
        report.set("title", text(language, "TODO title of the report", other));
        report.set("summary", text(language, "TODO a few sentences on what the report says", other));
        ObjectNode place = report.putObject("place");
        place.set("name", both("TODO the place the report covers"));
        place.putArray("aliases").add("TODO normalised names of the place");
        place.set("nation", both("TODO the larger whole its shares refer to"));
        place.putArray("nationAliases");
        ArrayNode years = report.putArray("years");
        report.put("sourceLanguage", language.code());
        report.set("edition", language == Language.DE
                ? text(Language.DE, "", Language.EN).put("en", "German original")
                : text(Language.EN, "", Language.DE).put("de", "englisches Original"));
        ObjectNode currencies = report.putObject("currencies");
        ArrayNode topics = report.putArray("topics");
        ArrayNode facts = report.putArray("facts");
        report.putArray("uncovered");
        ObjectNode lexicon = JSON.createObjectNode();
        lexicon.put("_comment", "TODO: words of this report, normalised (lower case, ä→ae, ß→ss); see the README");
        lexicon.putArray("countedNouns");
        lexicon.putArray("currencyWords");
        ObjectNode topicWords = lexicon.putObject("topicWords");
        lexicon.putArray("uncovered");

        TreeSet<Integer> allYears = new TreeSet<>();
        List<FigureFinder.Found> all = new ArrayList<>();
        int n = 0;
        for (TextModels.Sentence s : sentences) {
            FigureFinder.Result r = FigureFinder.find(s, language);
            allYears.addAll(r.years());
            if (r.figures().isEmpty()) {
                continue;
            }
            n++;
            all.addAll(r.figures());
            String factId = "fact_" + n;
            String topicId = "topic_" + n;
            ObjectNode fact = facts.addObject();
            fact.put("id", factId);
            fact.put("topic", topicId);
            if (r.years().isEmpty()) {
                fact.putNull("period");
            } else {
                fact.put("period", r.years().stream().distinct().sorted().map(String::valueOf)
                        .reduce((a, b) -> a + "-" + b).orElseThrow());
            }
            ObjectNode values = fact.putObject("values");
            StringBuilder template = new StringBuilder();
            int last = 0;
            int v = 0;
            for (FigureFinder.Found f : r.figures()) {
                v++;
                String key = "v" + v;
                ObjectNode value = values.putObject(key);
                if (f.value() == Math.rint(f.value()) && Math.abs(f.value()) < 1e15) {
                    value.put("amount", (long) f.value());
                } else {
                    value.put("amount", f.value());
                }
                value.put("unit", f.unit());
                value.put("qualifier", f.qualifier().key());
                value.set("noun", both("TODO what this figure counts or measures"));
                if (!Set.of("count", "percent", "points", "times").contains(f.unit())) {
                    currencies.set(f.unit(), currencyName(f.unit()));
                }
                template.append(s.text(), last, f.start()).append('{').append(key).append('}');
                last = f.end();
            }
            template.append(s.text().substring(last));
            fact.put("source", s.text());
            ObjectNode answer = fact.putObject("answer");
            answer.put(language.code(), template.toString());
            answer.put(other.code(), "TODO translate: " + template);
            fact.putArray("computed");

            ObjectNode topic = topics.addObject();
            topic.put("id", topicId);
            topic.set("label", both("TODO a short label"));
            topic.putArray("facts").add(factId);
            List<String> examples = questions(s, r.figures(), language);
            topic.set("example", text(language, examples.get(0), other));
            topicWords.putArray(topicId).add("TODO words that name this topic and no other");

            ObjectNode intent = JSON.createObjectNode();
            intent.put("name", topicId);
            intent.put("kind", "topic");
            ObjectNode ex = intent.putObject("examples");
            ArrayNode own = ex.putArray(language.code());
            examples.forEach(own::add);
            own.add("TODO: at least 20 varied questions in all (short, colloquial, with typos, claims)");
            ex.putArray(other.code()).add("TODO: at least 20 questions in " + other.code());
            JSON.writeValue(out.resolve("intents/" + topicId + ".json").toFile(), intent);
        }
        allYears.forEach(years::add);
        JSON.writeValue(out.resolve("report.json").toFile(), report);
        JSON.writeValue(out.resolve("lexicon.json").toFile(), lexicon);
        Files.writeString(out.resolve("source.txt"), text, StandardCharsets.UTF_8);
        for (String name : SMALLTALK) {
            copyResource("/reports/beijing-ai-2024/intents/" + name + ".json", out.resolve("intents/" + name + ".json"));
        }
        copyResource("/io/reportbot/authoring/out_of_scope-starter.json", out.resolve("intents/out_of_scope.json"));
        return new Draft(sentences.size(), n, all);
    }

    /**
     * A few questions for a sentence in its own language: "How many notable machine learning models?" for a count
     * (the words after the figure), the words before a figure for the others, a claim, and the sentence's words
     * without the figures.
     */
    static List<String> questions(TextModels.Sentence sentence, List<FigureFinder.Found> figures, Language lang) {
        String text = sentence.text();
        boolean de = lang == Language.DE;
        List<String> out = new ArrayList<>();
        for (FigureFinder.Found f : figures) {
            String after = words(text.substring(f.end()), 4, true);
            String before = words(text.substring(0, f.start()), 6, false);
            String q;
            if ("count".equals(f.unit()) && !after.isEmpty()) {
                q = (de ? "Wie viele " : "How many ") + after + "?";
            } else if (!before.isEmpty()) {
                q = (de ? "Wie viel: " : "How much: ") + before + "?";
            } else {
                continue;
            }
            if (!out.contains(q)) {
                out.add(q);
            }
        }
        String rest = text;
        for (int i = figures.size() - 1; i >= 0; i--) {
            rest = rest.substring(0, figures.get(i).start()) + rest.substring(figures.get(i).end());
        }
        rest = rest.replaceAll("[.!?]+$", "").replaceAll("\\s+", " ").strip();
        String claim = text.replaceAll("[.!]+$", "");
        out.add(de ? "Stimmt es: " + claim + "?" : "Is it true that " + Character.toLowerCase(claim.charAt(0))
                + claim.substring(1) + "?");
        out.add(rest + "?");
        return out;
    }

    /** Up to {@code max} words next to a figure, stopping at punctuation: after it (forwards) or before it. */
    private static String words(String part, int max, boolean forwards) {
        String[] w = part.strip().split("\\s+");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < w.length && kept.size() < max; i++) {
            String word = forwards ? w[i] : w[w.length - 1 - i];
            if (word.isEmpty()) {
                break;
            }
            boolean stop = forwards ? word.matches(".*[,.;:!?()–].*") : word.matches(".*[,.;:!?()–]$");
            String clean = word.replaceAll("[,.;:!?()–]", "");
            if (forwards) {
                if (!clean.isEmpty()) {
                    kept.add(clean);
                }
                if (stop) {
                    break;
                }
            } else {
                if (stop) {
                    break;
                }
                kept.add(0, clean);
            }
        }
        return String.join(" ", kept);
    }

    private static ObjectNode both(String todo) {
        return JSON.createObjectNode().put("de", todo).put("en", todo);
    }

    private static ObjectNode text(Language lang, String value, Language other) {
        ObjectNode t = JSON.createObjectNode();
        t.put(lang.code(), value);
        t.put(other.code(), value.isEmpty() ? "" : "TODO translate: " + value);
        return t;
    }

    private static ObjectNode currencyName(String code) {
        return switch (code) {
            case "USD" -> JSON.createObjectNode().put("de", "US-Dollar").put("en", "US dollars");
            case "EUR" -> JSON.createObjectNode().put("de", "Euro").put("en", "euro");
            case "CNY" -> JSON.createObjectNode().put("de", "Yuan").put("en", "yuan");
            case "GBP" -> JSON.createObjectNode().put("de", "Pfund").put("en", "pounds");
            case "JPY" -> JSON.createObjectNode().put("de", "Yen").put("en", "yen");
            default -> both("TODO the name of " + code);
        };
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = Drafter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the class path");
            }
            Files.write(target, in.readAllBytes());
        }
    }

}
