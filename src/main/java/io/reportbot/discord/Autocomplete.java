package io.reportbot.discord;

import io.reportbot.adapter.TextSplitter;
import io.reportbot.engine.Engine;
import io.reportbot.core.Language;
import io.reportbot.engine.Suggestion;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * Suggestions for /ask's question while the user types: the engine's example questions and topic labels
 * that match the typed text, in the user's language first (the other language only when nothing matches).
 *
 * <p>Matching ignores case, accents and umlauts (so "einhorner" finds "Einhörner"); a candidate that starts
 * with the text ranks before one that has a word starting with it, which ranks before one that merely
 * contains all typed words. Stateless apart from the engine; thread-safe.
 */
final class Autocomplete {
    /** Discord shows at most 25 choices. */
    static final int MAX_CHOICES = OptionData.MAX_CHOICES;
    /** Discord's limit for a choice's name and a string value. */
    static final int MAX_LENGTH = 100;

    private final Engine engine;

    Autocomplete(Engine engine) {
        this.engine = engine;
    }

    /** Up to 25 choices for what the user typed so far. */
    List<Command.Choice> choices(String typed, Language userLanguage) {
        List<String> found = matching(typed, userLanguage);
        if (found.isEmpty()) {
            found = matching(typed, userLanguage == Language.DE ? Language.EN : Language.DE);
        }
        List<Command.Choice> out = new ArrayList<>();
        for (String s : found) {
            String v = TextSplitter.shorten(s, MAX_LENGTH);
            if (!v.isEmpty()) {
                out.add(new Command.Choice(v, v));
            }
            if (out.size() == MAX_CHOICES) {
                break;
            }
        }
        return out;
    }

    private List<String> matching(String typed, Language lang) {
        Set<String> candidates = new LinkedHashSet<>(engine.exampleQuestions(lang));
        for (Suggestion t : engine.topics(lang)) {
            candidates.add(t.label());
        }
        String q = fold(typed == null ? "" : typed).strip();
        if (q.isEmpty()) {
            return candidates.stream().filter(c -> c != null && !c.isBlank()).limit(MAX_CHOICES).toList();
        }
        String[] words = q.split("\\s+");
        record Scored(String text, int score, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        int order = 0;
        for (String c : candidates) {
            if (c == null || c.isBlank()) {
                continue;
            }
            String f = fold(c);
            int score;
            if (f.startsWith(q)) {
                score = 0;
            } else if (f.contains(" " + q) || f.contains("-" + q)) {
                score = 1;
            } else if (f.contains(q)) {
                score = 2;
            } else if (containsAll(f, words)) {
                score = 3;
            } else {
                continue;
            }
            scored.add(new Scored(c, score, order++));
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score).thenComparingInt(Scored::order))
                .map(Scored::text).toList();
    }

    private static boolean containsAll(String folded, String[] words) {
        for (String w : words) {
            if (!folded.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without accents; "ß" becomes "ss". */
    static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "");
    }
}
