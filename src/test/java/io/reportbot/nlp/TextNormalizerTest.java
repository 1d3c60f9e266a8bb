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

    /** The one-pass normalisation gives what the step-by-step one gives, for every text it is used for. */
    @Test
    void theOnePassNormalisationAgreesWithTheFullOne() {
        java.util.Random random = new java.util.Random(42);
        String extra = "\u00e4\u00f6\u00fc\u00df\u00c4\u00d6\u00dc\u00e9\u00c0\u0130\u1e9e\u0301\u00ff";
        int simple = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.append(random.nextInt(4) == 0 ? extra.charAt(random.nextInt(extra.length()))
                        : (char) random.nextInt(0xC0));
            }
            String s = sb.toString();
            assertThat(TextNormalizer.normalize(s)).isEqualTo(TextNormalizer.normalizeFully(s));
            assertThat(TextNormalizer.tokens(s)).isEqualTo(s.isEmpty() || TextNormalizer.normalizeFully(s).isEmpty()
                    ? java.util.List.of() : java.util.List.of(TextNormalizer.normalizeFully(s).split(" ")));
            if (TextNormalizer.simple(s)) {
                simple++;
            }
        }
        assertThat(simple).isGreaterThan(10_000);
        for (char c = 0; c < 0xC0; c++) {
            assertThat(TextNormalizer.simple(String.valueOf(c))).isTrue();
        }
        assertThat(TextNormalizer.simple("Gr\u00f6\u00dfe")).isTrue();
        assertThat(TextNormalizer.simple("caf\u00e9")).isFalse();
    }
}
