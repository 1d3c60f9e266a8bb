package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.bundled();

    private String name(String raw, Language lang) {
        String alias = gazetteer.find(raw, TextNormalizer.normalize(raw)).get(0);
        return gazetteer.place(alias).orElseThrow().name(lang);
    }

    @Test
    void namesArePrintedAsWrittenNotAsNormalised() {
        assertThat(name("unicorns in San Francisco?", Language.EN)).isEqualTo("San Francisco");
        assertThat(name("Einhörner in Xi'an?", Language.DE)).isEqualTo("Xi’an");
        assertThat(name("KI in Muenchen", Language.DE)).isEqualTo("München");
        assertThat(name("KI in München", Language.EN)).isEqualTo("Munich");
        assertThat(name("AI in the U.S.", Language.EN)).isEqualTo("the USA");
        assertThat(name("KI in den Vereinigten Staaten", Language.DE)).isEqualTo("die USA");
        assertThat(name("KI in der EU", Language.DE)).isEqualTo("die EU");
    }

    @Test
    void usIsACountryOnlyWhenWrittenAsOne() {
        assertThat(gazetteer.find("How many unicorns does the US have?", "how many unicorns does the us have"))
                .containsExactly("the us");
        assertThat(gazetteer.find("Is it true the US has 36?", "is it true the us has 36")).isNotEmpty();
        assertThat(gazetteer.find("tell us about unicorns", "tell us about unicorns")).isEmpty();
        assertThat(gazetteer.find("TELL US ABOUT UNICORNS", "tell us about unicorns")).isEmpty();
    }

    @Test
    void districtsOfTheReportsCityAreKnownAsDistricts() {
        assertThat(gazetteer.place("haidian").orElseThrow().kind()).isEqualTo(Gazetteer.Kind.DISTRICT);
        assertThat(gazetteer.place("zhongguancun").orElseThrow().kind()).isEqualTo(Gazetteer.Kind.DISTRICT);
        assertThat(gazetteer.find("in South Korea", "in south korea")).containsExactly("south korea");
    }
}
