package io.reportbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.eval.EvalResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A floor is broken when a figure falls below it and below where it was. */
class FloorsTest {

    static EvalResult r(double inScope, double oos, double lang, double answers) {
        return new EvalResult(100, 80, 0.9, inScope, oos, lang, answers, Map.of(), List.of(), List.of());
    }

    @Test
    void fallingBelowAFloorBreaksIt() {
        List<String> broken = Floors.defaults().broken("holdout.jsonl", r(0.95, 0.9, 1, 1), r(0.92, 0.9, 1, 1));
        assertThat(broken).containsExactly(
                "holdout.jsonl: in-scope accuracy 92.0 % is below the floor of 93 % (was 95.0 %)");
    }

    @Test
    void aSetAlreadyBelowAFloorMustOnlyNotGetWorse() {
        Floors f = Floors.defaults();
        assertThat(f.broken("chat.jsonl", r(0.88, 0.7, 1, 0.9), r(0.89, 0.7, 1, 0.9))).isEmpty();
        assertThat(f.broken("chat.jsonl", r(0.88, 0.7, 1, 0.9), r(0.88, 0.69, 1, 0.9)))
                .singleElement().asString().contains("out-of-scope rejection 69.0 %");
        assertThat(f.broken("new.jsonl", null, r(0.5, 1, 1, 1))).hasSize(1);
    }
}
