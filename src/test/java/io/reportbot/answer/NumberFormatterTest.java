package io.reportbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Figures come out as each language writes them, whatever the JVM's default locale. */
class NumberFormatterTest {

    private final NumberFormatter f = new NumberFormatter(new Wording());
    private Locale before;

    @BeforeEach
    void remember() {
        before = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "tr-TR", "ar-EG", "hi-IN"})
    void formatsPerLanguageUnderAnyDefaultLocale(String defaultLocale) {
        Locale.setDefault(Locale.forLanguageTag(defaultLocale));
        assertThat(f.number(2400, 0, Language.DE)).isEqualTo("2.400");
        assertThat(f.number(2400, 0, Language.EN)).isEqualTo("2,400");
        assertThat(f.amount(4.3e12, Language.DE)).isEqualTo("4,3 Billionen");
        assertThat(f.amount(4.3e12, Language.EN)).isEqualTo("4.3 trillion");
        assertThat(f.amount(39.2e9, Language.DE)).isEqualTo("39,2 Milliarden");
        assertThat(f.amount(39.2e9, Language.EN)).isEqualTo("39.2 billion");
        assertThat(f.amount(260e6, Language.DE)).isEqualTo("260 Millionen");
        assertThat(f.amount(1e9, Language.DE)).isEqualTo("1 Milliarde");
        assertThat(f.percent(12, Language.DE)).isEqualTo("12 Prozent");
        assertThat(f.number(4.15, 2, Language.DE)).isEqualTo("4,15");
        assertThat(f.number(4.15, 2, Language.EN)).isEqualTo("4.15");
    }
}
