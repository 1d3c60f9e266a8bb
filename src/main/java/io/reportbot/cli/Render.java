package io.reportbot.cli;

import io.reportbot.engine.IntentScore;
import io.reportbot.engine.Reply;
import io.reportbot.engine.Suggestion;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the console shows a reply: the text, the suggestions as [buttons], and with --debug what was understood. */
final class Render {

    private Render() {
    }

    static String text(Reply r, boolean debug) {
        StringBuilder sb = new StringBuilder(r.text());
        if (!r.suggestions().isEmpty()) {
            sb.append("\n  ").append(r.suggestions().stream().map(Suggestion::label)
                    .map(l -> "[" + l + "]").collect(Collectors.joining(" ")));
        }
        if (debug) {
            sb.append("\n  ").append(debug(r));
        }
        return sb.toString();
    }

    static String debug(Reply r) {
        String top = r.ranking().stream()
                .map((IntentScore s) -> String.format(Locale.ROOT, "%s %.2f", s.intent(), s.score()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "(language %s · intent %s · confidence %.2f · fallback %s · top: %s · facts: %s)",
                r.language().code(), r.intent(), r.confidence(), r.fallback(), top.isEmpty() ? "-" : top,
                r.factIds().isEmpty() ? "-" : String.join(", ", r.factIds()));
    }
}
