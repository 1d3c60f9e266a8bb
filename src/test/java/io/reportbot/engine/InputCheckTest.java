package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputCheckTest {

    @Test
    void keycapEmojiAreNoWords() {
        assertThat(InputCheck.problem("1️⃣1️⃣ 1\u20E3 #️⃣ 🔥")).contains(InputCheck.Problem.NO_WORDS);
    }

    @Test
    void aDigitBeforeAnEmojiIsStillADigit() {
        assertThat(InputCheck.problem("2024 🔥")).isEmpty();
        assertThat(InputCheck.problem("1")).isEmpty();
    }

    @Test
    void controlCharactersAndNulsMakeInputUnreadable() {
        assertThat(InputCheck.problem("\0\0\0\u0001a")).contains(InputCheck.Problem.UNREADABLE);
    }
}
