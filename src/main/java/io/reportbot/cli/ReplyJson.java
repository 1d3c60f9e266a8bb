package io.reportbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.engine.Reply;

/** One reply as a JSON object, the line format of {@code ask --jsonl}. */
final class ReplyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        return o.toString();
    }
}
