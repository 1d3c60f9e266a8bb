package io.reportbot.discord;

import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import io.reportbot.engine.ReportInfo;
import io.reportbot.engine.Suggestion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deterministic stand-in for the real engine, for adapter tests: German and English answers with a source
 * quote about unicorns and funding, a fallback with topic suggestions for anything else, an over-long answer
 * ("long"/"lang"), a slow one ("slow"/"langsam", 600 ms) and ones that throw ("boom", and "slowboom" after 600 ms).
 *
 * <p>Thread-safe (stateless).
 */
final class FakeEngine implements Engine {
    static final String REPORT_DE = "Weißbuch KI-Industrie Peking 2024";
    static final String REPORT_EN = "Beijing AI Industry White Paper 2024";
    static final String SOURCE = "In Peking gibt es 2024 insgesamt 28 KI-Einhörner.";
    static final String UNICORNS_DE = "Laut Bericht gibt es in Peking 28 KI-Einhörner.";
    static final String UNICORNS_EN = "According to the report, Beijing has 28 AI unicorns.";
    static final String FUNDING_DE = "KI-Unternehmen in Peking erhielten 2024 Investitionen von 2.400 Mio. Yuan.";
    static final String FUNDING_EN = "AI companies in Beijing received investments of 2,400 million yuan in 2024.";
    static final String FALLBACK_DE = "Dazu sagt der Bericht nichts. Vielleicht interessiert dich eins dieser Themen:";
    static final String FALLBACK_EN = "The report does not say. Maybe one of these topics interests you:";
    static final String LONG_SENTENCE_DE = "Dieser Satz ist Teil einer sehr langen Antwort über den Bericht. ";

    @Override
    public Reply answer(Inbound inbound) {
        if (inbound.chosenTopic().isPresent()) { // a tapped topic button
            return answerTopic(inbound.chosenTopic().get(), inbound.languageHint().orElse(Language.DE),
                    inbound.conversationId(), inbound.platform());
        }
        String t = inbound.text().toLowerCase(Locale.ROOT);
        Language lang = detectLanguage(inbound.text(), inbound.languageHint());
        if (t.contains("slowboom")) {
            sleep(600);
            throw new IllegalStateException("fake engine failure after a while");
        }
        if (t.contains("boom")) {
            throw new IllegalStateException("fake engine failure");
        }
        if (t.contains("slow") || t.contains("langsam")) {
            sleep(600);
            return unicorns(lang);
        }
        if (t.contains("long") || t.contains("lang")) {
            return new Reply(lang, "long", 0.9, false, LONG_SENTENCE_DE.repeat(100).strip(), List.of(), List.of("f1"),
                    List.of(SOURCE));
        }
        if (t.contains("einhörner") || t.contains("unicorn")) {
            return unicorns(lang);
        }
        if (t.contains("investition") || t.contains("funding")) {
            return answerTopic("funding", lang, inbound.conversationId(), inbound.platform());
        }
        return new Reply(lang, "fallback", 0.1, true, lang == Language.DE ? FALLBACK_DE : FALLBACK_EN,
                topics(lang), List.of(), List.of());
    }

    private static Reply unicorns(Language lang) {
        return new Reply(lang, "unicorns", 0.95, false, lang == Language.DE ? UNICORNS_DE : UNICORNS_EN,
                List.of(), List.of("unicorns-2024"), List.of(SOURCE));
    }

    @Override
    public Reply answerTopic(String topicId, Language language, String conversationId, String platform) {
        return switch (topicId) {
            case "unicorns" -> unicorns(language);
            case "funding" -> new Reply(language, "funding", 1.0, false, language == Language.DE ? FUNDING_DE : FUNDING_EN,
                    List.of(), List.of("funding-2024"), List.of("Die Investitionen beliefen sich auf 2.400 Mio. Yuan."));
            default -> new Reply(language, "fallback", 0.0, true, language == Language.DE ? FALLBACK_DE : FALLBACK_EN,
                    topics(language), List.of(), List.of());
        };
    }

    @Override
    public List<Suggestion> topics(Language language) {
        return language == Language.DE
                ? List.of(new Suggestion("unicorns", "Einhörner"), new Suggestion("funding", "Investitionen"),
                        new Suggestion("universities", "Universitäten"))
                : List.of(new Suggestion("unicorns", "Unicorns"), new Suggestion("funding", "Funding"),
                        new Suggestion("universities", "Universities"));
    }

    @Override
    public List<String> exampleQuestions(Language language) {
        return language == Language.DE
                ? List.of("Wie viele Einhörner gibt es in Peking?", "Wie hoch waren die Investitionen 2024?")
                : List.of("How many unicorns are there in Beijing?", "How much funding was there in 2024?");
    }

    @Override
    public ReportInfo report(Language language) {
        return language == Language.DE
                ? new ReportInfo(REPORT_DE, "Der Bericht beschreibt die KI-Industrie in Peking.",
                        List.of("28 KI-Einhörner", "2.400 Mio. Yuan Investitionen"))
                : new ReportInfo(REPORT_EN, "The report describes Beijing's AI industry.",
                        List.of("28 AI unicorns", "2,400 million yuan invested"));
    }

    @Override
    public Language detectLanguage(String text, Optional<Language> hint) {
        String t = " " + text.toLowerCase(Locale.ROOT) + " ";
        boolean de = t.matches(".*\\b(wie|viele|gibt|es|der|die|das|ist|und|wo|was)\\b.*") || t.matches(".*[äöüß].*");
        boolean en = t.matches(".*\\b(how|many|what|is|are|the|there|where)\\b.*");
        if (de && !en) {
            return Language.DE;
        }
        if (en && !de) {
            return Language.EN;
        }
        return hint.orElse(Language.DE);
    }

    @Override
    public String message(Language language, String key) {
        return language == Language.DE ? "Frag mich etwas zum Bericht (" + key + ")." : "Ask me about the report (" + key + ").";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
