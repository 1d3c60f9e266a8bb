package io.reportbot.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A question with the intent it should get ({@code out_of_scope} when the report can't answer it), its
 * language, and optionally figures a correct answer must contain.
 *
 * @param text   the question
 * @param intent the expected intent, or {@value #OUT_OF_SCOPE}
 * @param lang   "de" or "en"
 * @param expect substrings the answer must contain (may be empty)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledQuestion(String text, String intent, String lang, List<String> expect) {

    public static final String OUT_OF_SCOPE = "out_of_scope";

    public LabelledQuestion {
        expect = expect == null ? List.of() : List.copyOf(expect);
    }

    public boolean outOfScope() {
        return OUT_OF_SCOPE.equals(intent);
    }
}
