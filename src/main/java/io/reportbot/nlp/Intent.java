package io.reportbot.nlp;

import io.reportbot.core.Language;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An intent and its training examples.
 *
 * @param name     the intent id
 * @param kind     what answers it
 * @param examples training examples per language
 */
public record Intent(String name, Kind kind, Map<Language, List<String>> examples) {

    /** What answers an intent. */
    public enum Kind {
        /** the report topic of the same id */
        TOPIC,
        /** the engine's own small-talk wording */
        SMALLTALK,
        /** nothing: the report doesn't cover it */
        OUT_OF_SCOPE;

        static Kind parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    public Intent {
        examples = Map.copyOf(examples);
    }

    public List<String> examples(Language language) {
        return examples.getOrDefault(language, List.of());
    }
}
