package io.reportbot.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.reportbot.core.Language;
import java.util.Map;

/**
 * A piece of wording in German and English, as it appears in the dataset ({@code {"de": …, "en": …}}).
 *
 * @param de the German text
 * @param en the English text
 */
public record Text(String de, String en) {

    @JsonCreator
    static Text fromMap(Map<String, String> map) {
        return new Text(map.get("de"), map.get("en"));
    }

    /** The text in that language. */
    public String get(Language language) {
        return language == Language.DE ? de : en;
    }

    /** True when both languages have non-blank text. */
    public boolean complete() {
        return de != null && !de.isBlank() && en != null && !en.isBlank();
    }
}
