package io.reportbot.console;

import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import io.reportbot.engine.Suggestion;
import io.reportbot.text.TextBundle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The console adapter: one conversation, plain text in and out. Besides questions it knows a few
 * commands: {@code /topics}, {@code /help}, {@code /lang de|en|auto} ({@code de} or {@code en} fixes the language
 * of every answer, whatever language a question is in; {@code auto} follows each question again), {@code /report [ID]}
 * (with several reports), a topic's number from the last list of suggestions, {@code /reload} (re-read intents and
 * report) and {@code /quit}. Not thread-safe (one session, one user).
 */
public final class ConsoleSession {

    /** What to print, and whether the session ends. */
    public record Outcome(String output, boolean quit) {
    }

    private static final String CONVERSATION = "console";
    private final Engine engine;
    private final Function<Reply, String> debug;
    private final java.util.function.Supplier<String> reload;
    private final TextBundle wording = TextBundle.load("io.reportbot.console.messages");
    private Optional<Language> language = Optional.empty();
    private Language lastLanguage = Language.DE;
    private List<Suggestion> lastSuggestions = List.of();

    /**
     * @param engine the engine to ask
     * @param debug  renders what was understood after each answer, or null for none
     * @param reload reloads the intents and the report and says how it went, or null where not possible
     */
    public ConsoleSession(Engine engine, Function<Reply, String> debug, java.util.function.Supplier<String> reload) {
        this.engine = engine;
        this.debug = debug;
        this.reload = reload;
    }

    /** The greeting shown when an interactive session starts. */
    public String welcome() {
        return engine.message(Language.DE, "greeting") + "\n" + engine.message(Language.EN, "greeting")
                + "\n(/topics, /help, /lang de|en|auto, /reload, /quit)";
    }

    /** Handles one line of input. */
    public Outcome handle(String line) {
        String t = line == null ? "" : line.strip();
        if (t.equals("/quit") || t.equals("/exit")) {
            return new Outcome("", true);
        }
        if (t.equals("/reload") && reload != null) {
            return new Outcome(reload.get(), false);
        }
        if (t.equals("/help")) {
            return new Outcome(engine.message(lastLanguage, "help"), false);
        }
        if (t.equals("/topics")) {
            lastSuggestions = engine.topics(lastLanguage);
            return new Outcome(numbered(lastSuggestions), false);
        }
        if (t.equals("/report") || t.startsWith("/report ")) {
            return render(engine.pickReport(CONVERSATION, t.substring("/report".length()).strip(), lastLanguage));
        }
        if (t.equals("/lang") || t.startsWith("/lang ")) {
            return new Outcome(setLanguage(t.substring(5).strip()), false);
        }
        if (t.matches("\\d{1,2}") && !lastSuggestions.isEmpty()) {
            int i = Integer.parseInt(t) - 1;
            if (i >= 0 && i < lastSuggestions.size()) {
                return render(engine.answer(Inbound.topicChoice(lastSuggestions.get(i).topicId(), CONVERSATION, "console",
                        lastLanguage)));
            }
        }
        String text = line == null ? "" : line;
        return render(engine.answer(language.map(l -> Inbound.inLanguage(text, CONVERSATION, "console", l))
                .orElseGet(() -> new Inbound(text, CONVERSATION, "console", Optional.empty()))));
    }

    /** {@code /lang de|en} fixes the answers' language, {@code /lang auto} (or nothing) frees it; else an error. */
    private String setLanguage(String code) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.isEmpty() || c.equals("auto")) {
            language = Optional.empty();
            return wording.get(lastLanguage, "lang.auto");
        }
        Optional<Language> chosen = Arrays.stream(Language.values()).filter(l -> l.code().equals(c)).findFirst();
        if (chosen.isEmpty()) {
            return wording.format(lastLanguage, "lang.unknown", code);
        }
        language = chosen;
        lastLanguage = chosen.get();
        return wording.get(lastLanguage, "lang.fixed");
    }

    private Outcome render(Reply r) {
        lastLanguage = r.language();
        StringBuilder sb = new StringBuilder(r.text());
        if (!r.suggestions().isEmpty()) {
            lastSuggestions = r.suggestions();
            sb.append('\n').append(numbered(r.suggestions()));
        }
        if (debug != null) {
            sb.append("\n  ").append(debug.apply(r));
        }
        return new Outcome(sb.toString(), false);
    }

    private static String numbered(List<Suggestion> suggestions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < suggestions.size(); i++) {
            sb.append(i == 0 ? "" : "\n").append("  ").append(i + 1).append(") ").append(suggestions.get(i).label());
        }
        return sb.toString();
    }
}
