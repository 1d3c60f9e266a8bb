package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfusablesTest {

    @Test
    void foldsLookAlikesInsideLatinWords() {
        assertThat(Confusables.fold("H\u043Ew m\u0430ny unic\u043Erns?")).isEqualTo("How many unicorns?");
        assertThat(Confusables.fold("Wie viele Einh\u043Erner?")).isEqualTo("Wie viele Einhorner?");
        assertThat(Confusables.fold("\u0421hina")).isEqualTo("China");
        assertThat(Confusables.fold("Ｈｏｗ many")).isEqualTo("How many");
    }

    @Test
    void leavesOtherScriptsAlone() {
        assertThat(Confusables.fold("Сколько единорогов в Пекине?")).isEqualTo("Сколько единорогов в Пекине?");
        assertThat(Confusables.fold("Πόσοι μονόκεροι;")).isEqualTo("Πόσοι μονόκεροι;");
        assertThat(Confusables.fold("Einhörner 🦄")).isEqualTo("Einhörner 🦄");
        assertThat(Confusables.fold("")).isEmpty();
    }
}
