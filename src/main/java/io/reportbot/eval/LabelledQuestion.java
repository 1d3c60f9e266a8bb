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
 * @param expect       substrings the answer must contain (may be empty)
 * @param conversation the conversation a turn belongs to (null for a question on its own); the turns of one
 *                     conversation are asked in order, in one conversation, so that follow-ups have context
 * @param followup     whether the turn leans on the turns before it ("und in Euro?")
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledQuestion(String text, String intent, String lang, List<String> expect, String conversation,
                               boolean followup) {

    public static final String OUT_OF_SCOPE = "out_of_scope";

    public LabelledQuestion {
        expect = expect == null ? List.of() : List.copyOf(expect);
    }

    /** A question on its own. */
    public LabelledQuestion(String text, String intent, String lang, List<String> expect) {
        this(text, intent, lang, expect, null, false);
    }

    /** Whether this is a turn of a conversation. */
    public boolean inConversation() {
        return conversation != null && !conversation.isBlank();
    }

    public boolean outOfScope() {
        return OUT_OF_SCOPE.equals(intent);
    }
}
