package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypoCorrectorTest {

    private final TypoCorrector corrector = new TypoCorrector(
            List.of("universities", "einhoerner", "unicorns", "unternehmen", "modelle", "modelle", "wie", "viele"));

    @Test
    void correctsSmallTyposToTheNearestKnownWord() {
        assertThat(corrector.correct("univeristies")).isEqualTo("universities");
        assertThat(corrector.correct("einhoerne")).isEqualTo("einhoerner");
        assertThat(corrector.correct("unicrons")).isEqualTo("unicorns");
        assertThat(corrector.correct("modele")).isEqualTo("modelle");
    }

    @Test
    void leavesKnownShortAndFarWordsAlone() {
        assertThat(corrector.correct("viele")).isEqualTo("viele");
        assertThat(corrector.correct("wi")).isEqualTo("wi");
        assertThat(corrector.correct("patente")).isEqualTo("patente");
        assertThat(corrector.correct("2024")).isEqualTo("2024");
    }

    @Test
    void distanceCountsTranspositionsAsOneEdit() {
        assertThat(TypoCorrector.distance("abcd", "abdc", 2)).isEqualTo(1);
        assertThat(TypoCorrector.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(TypoCorrector.distance("kitten", "sitting", 1)).isEqualTo(2);
    }
}
