package io.reportbot.telegram;

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
 * A deterministic stand-in for the real engine: a few fixed answers, enough to drive the adapter end to end.
 *
 * <ul>
 *   <li>"einhörner" / "unicorns": the unicorn answer (German or English) with one German source quote;</li>
 *   <li>"lange antwort" / "long answer": a 5,000-character answer in paragraphs;</li>
 *   <li>"boom": throws (engines must not, adapters must survive it anyway);</li>
 *   <li>anything else: a fallback that repeats the question and suggests two topics.</li>
 * </ul>
 */
class FakeEngine implements Engine {
    static final String SOURCE = "Ende 2024 zählte Peking 25 Einhorn-Unternehmen im Bereich KI.";
    static final String UNICORNS_DE = "Laut Bericht gab es Ende 2024 in Peking 25 KI-Einhörner.";
    static final String UNICORNS_EN = "According to the report, Beijing had 25 AI unicorns at the end of 2024.";

    @Override
    public Reply answer(Inbound inbound) {
        if (inbound.chosenTopic().isPresent()) { // a tapped topic button
            return answerTopic(inbound.chosenTopic().get(), inbound.languageHint().orElse(Language.DE),
                    inbound.conversationId(), inbound.platform());
        }
        String text = inbound.text().toLowerCase(Locale.ROOT);
        Language lang = detectLanguage(inbound.text(), inbound.languageHint());
        if (text.contains("boom")) {
            throw new IllegalStateException("engine exploded on purpose");
        }
        if (text.contains("einhörner") || text.contains("unicorns")) {
            return unicorns(lang);
        }
        if (text.contains("lange antwort") || text.contains("long answer")) {
            return new Reply(lang, "long", 0.9, false, longAnswer(), List.of(), List.of("f-long"), List.of());
        }
        return fallback(lang, inbound.text());
    }

    @Override
    public Reply answerTopic(String topicId, Language language, String conversationId, String platform) {
        if (topicId.equals("unicorns")) {
            return unicorns(language);
        }
        return fallback(language, topicId);
    }

    @Override
    public List<Suggestion> topics(Language language) {
        return language == Language.DE
                ? List.of(new Suggestion("unicorns", "Einhörner"), new Suggestion("ai-companies", "KI-Firmen"))
                : List.of(new Suggestion("unicorns", "Unicorns"), new Suggestion("ai-companies", "AI companies"));
    }

    @Override
    public List<String> exampleQuestions(Language language) {
        return language == Language.DE ? List.of("Wie viele Einhörner gibt es?", "Wie viele KI-Firmen gibt es?")
                : List.of("How many unicorns are there?", "How many AI companies are there?");
    }

    @Override
    public ReportInfo report(Language language) {
        return language == Language.DE
                ? new ReportInfo("Weißbuch KI Peking 2024", "Was Peking in der KI erreicht hat.", List.of("25 Einhörner"))
                : new ReportInfo("Beijing AI White Paper 2024", "What Beijing achieved in AI.", List.of("25 unicorns"));
    }

    @Override
    public Language detectLanguage(String text, Optional<Language> hint) {
        String t = " " + text.toLowerCase(Locale.ROOT) + " ";
        if (t.matches(".*[äöüß].*") || t.contains(" wie ") || t.contains(" was ") || t.contains(" gibt ")) {
            return Language.DE;
        }
        if (t.contains(" how ") || t.contains(" what ") || t.contains(" many ") || t.contains(" the ")) {
            return Language.EN;
        }
        return hint.orElse(Language.DE);
    }

    @Override
    public String message(Language language, String key) {
        return key;
    }

    static Reply unicorns(Language lang) {
        return new Reply(lang, "unicorns", 0.93, false, lang == Language.DE ? UNICORNS_DE : UNICORNS_EN, List.of(),
                List.of("f-unicorns"), List.of(SOURCE));
    }

    static Reply fallback(Language lang, String question) {
        String text = lang == Language.DE ? "Zu „" + question + "“ weiß ich nichts. Meinten Sie …?"
                : "I don't know about \"" + question + "\". Did you mean …?";
        return new Reply(lang, "fallback", 0.1, true, text,
                lang == Language.DE ? List.of(new Suggestion("unicorns", "Einhörner"))
                        : List.of(new Suggestion("unicorns", "Unicorns")),
                List.of(), List.of());
    }

    /** 5,000 characters: nine paragraphs of 498 characters and one of 500, separated by blank lines. */
    static String longAnswer() {
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
}
