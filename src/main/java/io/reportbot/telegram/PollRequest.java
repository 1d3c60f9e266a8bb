package io.reportbot.telegram;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The getUpdates call reportbot hands to telegrambots' long-polling loop. It reads the answer itself, update by
 * update, so that one update telegrambots cannot read (an inline query without {@code from}, a user without
 * {@code id}, a chat id that is not a number, no {@code update_id} at all) is set aside instead of failing the whole
 * batch, and passes the batch straight to reportbot. telegrambots then sees an empty list: its own filter (which drops
 * every update id not above the highest it has seen, so that ids restarting lower would never be answered, and which
 * stops polling for good on an update without an id) never runs.
 *
 * <p>Built by one poll, used by it once; immutable.
 */
final class PollRequest extends GetUpdates {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * What one getUpdates returned.
     *
     * @param offset             the offset this call sent (every update below it is now confirmed to Telegram)
     * @param updates            the updates read, in Telegram's order
     * @param malformedIds       the ids of updates that could not be read (skipped, but the offset may pass them)
     * @param malformedWithoutId updates that could not be read and have no {@code update_id} either
     */
    record Polled(int offset, List<Update> updates, List<Integer> malformedIds, int malformedWithoutId) {
        Polled {
            updates = List.copyOf(updates);
            malformedIds = List.copyOf(malformedIds);
        }
    }

    @JsonIgnore
    private final transient Consumer<Polled> sink;

    PollRequest(int offset, int limit, int timeout, List<String> allowedUpdates, Consumer<Polled> sink) {
        super(offset, limit, timeout, allowedUpdates);
        this.sink = sink;
    }

    @Override
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (JsonProcessingException e) {
            throw new TelegramApiRequestException("getUpdates answered with something that is not JSON", e);
        }
        if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
            return super.deserializeResponse(answer); // an error answer: telegrambots reports it as usual
        }
        sink.accept(read(getOffset() == null ? 0 : getOffset(), root.path("result")));
        return new ArrayList<>();
    }

    /** Reads each update on its own; those that fail are counted, not thrown. */
    static Polled read(int offset, JsonNode result) {
        List<Update> updates = new ArrayList<>();
        List<Integer> malformed = new ArrayList<>();
        int withoutId = 0;
        for (JsonNode node : result) {
            JsonNode id = node.path("update_id");
            if (!id.isIntegralNumber() || !id.canConvertToInt()) {
                withoutId++;
                continue;
            }
            try {
                Update update = JSON.treeToValue(node, Update.class);
                if (update == null || update.getUpdateId() == null) {
                    malformed.add(id.asInt());
                } else {
                    updates.add(update);
                }
            } catch (JsonProcessingException | RuntimeException e) {
                malformed.add(id.asInt());
            }
        }
        return new Polled(offset, updates, malformed, withoutId);
    }
}
