package io.reportbot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What one input line of {@code ask --jsonl} asks: a plain question, or a JSON object
 * {@code {"conversation": "c1", "text": "..."}}. A line that is meant as JSON (it starts with <code>{"</code>,
 * or is a whole JSON array) but isn't a valid request is {@link Malformed}, never answered as question text;
 * any other line, braces or not, is a question.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonlInput {

    /** What a line is. */
    sealed interface Parsed permits Question, Malformed {
    }

    /** A question, with the conversation it belongs to (null: the line is its own conversation). */
    record Question(String text, String conversation) implements Parsed {
    }

    /** A line meant as JSON that can't be used; {@code reason} says why, in the command line's wording. */
    record Malformed(String reason) implements Parsed {
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonlInput() {
    }

    static Parsed parse(String line) {
        String s = line.strip();
        if (s.startsWith("[")) {
            return isJson(s) ? new Malformed(CliText.get("jsonl.not_object")) : new Question(line, null);
        }
        if (!meantAsObject(s)) {
            return new Question(line, null);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(s);
        } catch (JsonProcessingException e) {
            return new Malformed(CliText.get("jsonl.invalid", e.getOriginalMessage()));
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return new Malformed(CliText.get("jsonl.no_text"));
        }
        JsonNode conversation = node.get("conversation");
        if (conversation != null && !conversation.isNull() && !conversation.isTextual()) {
            return new Malformed(CliText.get("jsonl.bad_conversation"));
        }
        return new Question(text.asText(), conversation == null || conversation.isNull() ? null : conversation.asText());
    }

    /** <code>{"</code> or <code>{}</code> (spaces allowed between): a JSON object, not a question that starts with a brace. */
    private static boolean meantAsObject(String s) {
        if (!s.startsWith("{")) {
            return false;
        }
        String rest = s.substring(1).stripLeading();
        return rest.isEmpty() || rest.charAt(0) == '"' || rest.charAt(0) == '}';
    }

    private static boolean isJson(String s) {
        try {
            MAPPER.readTree(s);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
