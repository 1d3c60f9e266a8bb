package io.reportbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PollRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PollRequest.Polled read(String... updates) throws Exception {
        return PollRequest.read(7, JSON.readTree("[" + String.join(",", updates) + "]"));
    }

    @Test
    void aGoodBatchIsReadWhole() throws Exception {
        PollRequest.Polled p = read(FakeBotApi.privateMessage(1, 5, 1, "de", "a"),
                FakeBotApi.privateMessage(2, 5, 2, "de", "b"));
        assertThat(p.updates()).extracting(u -> u.getUpdateId()).containsExactly(1, 2);
        assertThat(p.malformedIds()).isEmpty();
        assertThat(p.malformedWithoutId()).isZero();
        assertThat(p.offset()).isEqualTo(7);
    }

    @Test
    void inlineQueryWithoutFromIsSetAsideAndTheRestRead() throws Exception {
        PollRequest.Polled p = read(FakeBotApi.privateMessage(1, 5, 1, "de", "a"),
                "{\"update_id\":2,\"inline_query\":{\"id\":\"q1\",\"query\":\"x\",\"offset\":\"\"}}",
                FakeBotApi.privateMessage(3, 5, 3, "de", "c"));
        assertThat(p.updates()).extracting(u -> u.getUpdateId()).containsExactly(1, 3);
        assertThat(p.malformedIds()).containsExactly(2);
    }

    @Test
    void userWithoutIdIsSetAside() throws Exception {
        PollRequest.Polled p = read("{\"update_id\":4,\"message\":{\"message_id\":1,\"date\":1,"
                + "\"from\":{\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":5,\"type\":\"private\"},"
                + "\"text\":\"hi\"}}");
        assertThat(p.updates()).isEmpty();
        assertThat(p.malformedIds()).containsExactly(4);
    }

    @Test
    void chatIdAsAStringIsSetAside() throws Exception {
        PollRequest.Polled p = read("{\"update_id\":5,\"message\":{\"message_id\":1,\"date\":1,"
                + "\"from\":{\"id\":5,\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":\"abc\",\"type\":\"private\"},"
                + "\"text\":\"hi\"}}");
        assertThat(p.updates()).isEmpty();
        assertThat(p.malformedIds()).containsExactly(5);
    }

    @Test
    void anUpdateWithoutAnIdIsCounted() throws Exception {
        PollRequest.Polled p = read("{\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},"
                + "\"text\":\"hi\"}}", FakeBotApi.privateMessage(9, 5, 1, "de", "a"));
        assertThat(p.updates()).extracting(u -> u.getUpdateId()).containsExactly(9);
        assertThat(p.malformedWithoutId()).isEqualTo(1);
    }

    @Test
    void anErrorAnswerIsLeftToTelegrambots() {
        PollRequest r = new PollRequest(1, 100, 0, java.util.List.of(), p -> {
            throw new AssertionError("no batch expected");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.deserializeResponse(
                "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict\"}"))
                .isInstanceOf(org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException.class);
    }

    @Test
    void serialisesLikeAPlainGetUpdates() throws Exception {
        PollRequest r = new PollRequest(3, 100, 50, java.util.List.of("message"), p -> { });
        assertThat(JSON.readTree(JSON.writeValueAsString(r))).isEqualTo(JSON.readTree(JSON.writeValueAsString(
                new org.telegram.telegrambots.meta.api.methods.updates.GetUpdates(3, 100, 50,
                        java.util.List.of("message")))));
    }
}
