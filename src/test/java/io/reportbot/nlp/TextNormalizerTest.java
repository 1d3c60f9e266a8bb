package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsUmlautsSoThatBothSpellingsMeetInOneToken() {
        assertThat(TextNormalizer.normalize("Einhörner")).isEqualTo(TextNormalizer.normalize("Einhoerner"));
        assertThat(TextNormalizer.normalize("Größe")).isEqualTo("groesse");
        assertThat(TextNormalizer.normalize("Börsenwert")).isEqualTo("boersenwert");
    }

    @Test
    void dropsPunctuationAndCaseAndAccents() {
        assertThat(TextNormalizer.normalize("  Wie viele KI-Unternehmen?!  ")).isEqualTo("wie viele ki unternehmen");
        assertThat(TextNormalizer.normalize("Café „Zürich“ — <b>&amp;</b>")).isEqualTo("cafe zuerich b amp b");
    }

    @Test
    void lowerCasesWithTheRootLocaleWhateverTheDefault() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(TextNormalizer.normalize("UNIVERSITIES INDUSTRY")).isEqualTo("universities industry");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void emptyAndSymbolOnlyTextHasNoTokens() {
        assertThat(TextNormalizer.tokens("")).isEmpty();
        assertThat(TextNormalizer.tokens(null)).isEmpty();
        assertThat(TextNormalizer.tokens("🦄 ?! …")).isEmpty();
    }

    /** The premise of skipping NFD for such texts: no character below U+00C0 decomposes. */
    @Test
    void charactersBelowTheFirstDecomposableOneAreTheirOwnDecomposition() {
        for (char c = 0; c < 0xC0; c++) {
            String s = String.valueOf(c);
            assertThat(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)).isEqualTo(s);
        }
        assertThat(TextNormalizer.decomposable("wie gross ist die ki branche 2024")).isFalse();
        assertThat(TextNormalizer.decomposable("caf\u00e9")).isTrue();
    }
}
