package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.nlp.IntentClassifier;
import io.reportbot.state.RedisServer;
import io.reportbot.state.SharedState;
import io.reportbot.state.StateListener;
import io.reportbot.state.StateSettings;
import io.reportbot.state.StateStores;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engines (as in two replicas) whose conversations live in one real Redis continue each other's conversations;
 * with Redis gone, answers go on and only the follow-up loses its context.
 */
class SharedConversationTest {

    private static RedisServer redis;
    private static SharedState stateA;
    private static SharedState stateB;
    private static Engine a;
    private static Engine b;

    @BeforeAll
    static void twoReplicas() {
        redis = RedisServer.startNew();
        stateA = StateStores.open(StateSettings.redis(redis.url()), StateListener.NONE);
        stateB = StateStores.open(StateSettings.redis(redis.url()), StateListener.NONE);
        a = EngineFactory.create(EngineSettings.bundled(), IntentClassifier.Settings.defaults(),
                new Conversations(stateA.contexts()), FallbackListener.NONE);
        b = EngineFactory.create(EngineSettings.bundled(), IntentClassifier.Settings.defaults(),
                new Conversations(stateB.contexts()), FallbackListener.NONE);
    }

    @AfterAll
    static void stop() {
        stateA.close();
        stateB.close();
        redis.close();
    }

    /**
     * Answers as a replica does: the engine's context write is not waited for, and the mark of the update that
     * follows the answer confirms it, so the other replica reads it from then on.
     */
    private static Reply ask(Engine e, String conversation, String text) {
        Reply reply = e.answer(Inbound.of(text, conversation, "telegram"));
        if (e == a || e == b) {
            (e == a ? stateA : stateB).ledger().markAnswered("telegram:update:" + System.nanoTime());
        }
        return reply;
    }

    @Test
    void followUpsAlternatingBetweenReplicasAnswerAsOneEngineWould() {
        String c = "telegram:" + System.nanoTime();
        Engine one = TestEngines.bundled();
        String solo = "solo:" + System.nanoTime();
        List<String> turns = List.of("Wie groß ist die KI-Branche in Beijing?", "Und in Euro?", "und im Vorjahr?",
                "Woher stammt das?");
        for (int i = 0; i < turns.size(); i++) {
            Reply replicated = ask(i % 2 == 0 ? a : b, c, turns.get(i));
            Reply single = ask(one, solo, turns.get(i));
            assertThat(replicated.text()).as(turns.get(i)).isEqualTo(single.text());
            assertThat(replicated.fallback()).as(turns.get(i)).isFalse();
        }
    }

    @Test
    void theStoredContextIsTheEnginesOwnRecordAsJson() {
        String c = "telegram:json:" + System.nanoTime();
        ask(a, c, "How many large models has Beijing registered?");
        Conversations seenByB = new Conversations(stateB.contexts());
        assertThat(seenByB.get(c)).isPresent();
        assertThat(seenByB.get(c).get().language()).isEqualTo(Language.EN);
        assertThat(seenByB.get(c).get().topics()).isNotEmpty();
    }
}
