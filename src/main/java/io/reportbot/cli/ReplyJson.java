package io.reportbot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.engine.Reply;
import java.io.UncheckedIOException;

/**
 * One reply as a JSON object, the line format of {@code ask --jsonl}; also the error object for a line that
 * can't be answered. U+2028 and U+2029 are escaped, so a line stays one line for JavaScript readers and
 * line-based tools. Thread-safe.
 */
final class ReplyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new LineSeparatorEscapes());
    }

    private ReplyJson() {
    }

    static String line(String question, String conversation, Reply r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("question", question);
        if (conversation != null) {
            o.put("conversation", conversation);
        }
        o.put("language", r.language().code());
        o.put("intent", r.intent());
        o.put("confidence", Math.round(r.confidence() * 10000) / 10000.0);
        o.put("fallback", r.fallback());
        o.put("answer", r.text());
        ArrayNode s = o.putArray("suggestions");
        r.suggestions().forEach(x -> s.addObject().put("topic", x.topicId()).put("label", x.label()));
        ArrayNode f = o.putArray("facts");
        r.factIds().forEach(f::add);
        ArrayNode src = o.putArray("sources");
        r.sources().forEach(src::add);
        ArrayNode rank = o.putArray("ranking");
        r.ranking().forEach(x -> rank.addObject().put("intent", x.intent())
                .put("score", Math.round(x.score() * 10000) / 10000.0));
        return write(o);
    }

    /**
     * The object for an input line that was not answered: {@code {"line": 3, "error": "malformed_json",
     * "message": "..."}}.
     *
     * @param kind a stable code: {@code malformed_json} or {@code line_too_long}
     */
    static String error(long lineNumber, String kind, String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("line", lineNumber);
        o.put("error", kind);
        o.put("message", message);
        return write(o);
    }

    static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's standard escapes plus U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR. */
    private static final class LineSeparatorEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        private static final SerializableString LS = new SerializedString("\\u2028");
        private static final SerializableString PS = new SerializedString("\\u2029");

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LS : ch == 0x2029 ? PS : null;
        }
    }
}
