package io.reportbot.adapter;

import io.reportbot.core.Language;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.Reply;
import io.reportbot.engine.ReportInfo;
import io.reportbot.engine.Suggestion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one scripted stand-in for the real engine in the adapter tests (Telegram, Discord): fixed answers in German and
 * English, enough to drive an adapter end to end. What a question contains picks the answer, first match wins:
 *
 * <ul>
 *   <li>"slowboom": throws after 600 ms; "boom": throws at once (engines must not, adapters must survive it anyway);</li>
 *   <li>"slow" / "langsam": the unicorn answer after 600 ms (longer than a deferral threshold);</li>
 *   <li>"long" / "lang" (e.g. "Bitte eine lange Antwort"): {@link #longAnswer()}, 5,000 characters in ten
 *       paragraphs, with the source quote;</li>
 *   <li>"einhörner" / "unicorn": the unicorn answer with its source quote;</li>
 *   <li>"investition" / "funding": the funding answer;</li>
 *   <li>anything else: a fallback that repeats the question and suggests the three topics.</li>
 * </ul>
 *
 * <p>Subclass it to change one answer. Thread-safe (stateless).
 */
public class ScriptedEngine implements Engine {
    public static final String REPORT_DE = "Weißbuch KI-Industrie Peking 2024";
    public static final String REPORT_EN = "Beijing AI Industry White Paper 2024";
    public static final String SOURCE = "In Peking gibt es 2024 insgesamt 28 KI-Einhörner.";
    public static final String UNICORNS_DE = "Laut Bericht gibt es in Peking 28 KI-Einhörner.";
    public static final String UNICORNS_EN = "According to the report, Beijing has 28 AI unicorns.";
    public static final String FUNDING_SOURCE = "Die Investitionen beliefen sich auf 2.400 Mio. Yuan.";
    public static final String FUNDING_DE = "KI-Unternehmen in Peking erhielten 2024 Investitionen von 2.400 Mio. Yuan.";
    public static final String FUNDING_EN = "AI companies in Beijing received investments of 2,400 million yuan in 2024.";

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
            throw new IllegalStateException("scripted engine failure after a while");
        }
        if (t.contains("boom")) {
            throw new IllegalStateException("scripted engine failure");
        }
        if (t.contains("slow") || t.contains("langsam")) {
            sleep(600);
            return unicorns(lang);
        }
        if (t.contains("long") || t.contains("lang")) {
            return new Reply(lang, "long", 0.9, false, longAnswer(), List.of(), List.of("f-long"), List.of(SOURCE));
        }
        if (t.contains("einhörner") || t.contains("unicorn")) {
            return unicorns(lang);
        }
        if (t.contains("investition") || t.contains("funding")) {
            return answerTopic("funding", lang, inbound.conversationId(), inbound.platform());
        }
        return fallback(lang, inbound.text());
    }

    @Override
    public Reply answerTopic(String topicId, Language language, String conversationId, String platform) {
        return switch (topicId) {
            case "unicorns" -> unicorns(language);
            case "funding" -> new Reply(language, "funding", 1.0, false, language == Language.DE ? FUNDING_DE : FUNDING_EN,
                    List.of(), List.of("funding-2024"), List.of(FUNDING_SOURCE));
            default -> fallback(language, topicId);
        };
    }

    /** The unicorn answer, with its source quote. */
    public static Reply unicorns(Language lang) {
        return new Reply(lang, "unicorns", 0.95, false, lang == Language.DE ? UNICORNS_DE : UNICORNS_EN,
                List.of(), List.of("unicorns-2024"), List.of(SOURCE));
    }

    /** The fallback's text for a question: it repeats the question and leads to the topic buttons. */
    public static String fallbackText(Language lang, String question) {
        return lang == Language.DE ? "Zu „" + question + "“ sagt der Bericht nichts. Vielleicht interessiert Sie eins"
                + " dieser Themen:" : "The report says nothing about \"" + question + "\". Maybe one of these topics"
                + " interests you:";
    }

    private Reply fallback(Language lang, String question) {
        return new Reply(lang, "fallback", 0.1, true, fallbackText(lang, question), topics(lang), List.of(), List.of());
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
        boolean de = t.matches("(?s).*\\b(wie|viele|gibt|es|der|die|das|ist|und|wo|was)\\b.*") || t.matches("(?s).*[äöüß].*");
        boolean en = t.matches("(?s).*\\b(how|many|what|is|are|the|there|where)\\b.*");
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
        return language == Language.DE ? "Fragen Sie mich etwas zum Bericht (" + key + ")."
                : "Ask me about the report (" + key + ").";
    }

    /** 5,000 characters: nine paragraphs of 498 characters and one of 500, separated by blank lines. */
    public static String longAnswer() {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < 10; p++) {
            if (p > 0) {
                sb.append("\n\n");
            }
            StringBuilder para = new StringBuilder("Absatz " + p + ":");
            int length = p == 9 ? 500 : 498;
            while (para.length() < length) {
                para.append(" Wort");
            }
            sb.append(para, 0, length - 1).append('.');
        }
        return sb.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
