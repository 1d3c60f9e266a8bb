package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionReaderTest {

    private final QuestionReader reader = new QuestionReader(
            Lexicon.bundled().withReport(io.reportbot.reportfolder.ReportFolders.bundled().lexicon()),
            Set.of("beijing", "peking", "china"));

    @Test
    void readsFiguresAsEitherLanguageWritesThem() {
        assertThat(QuestionReader.parse("2.400")).contains(2400.0);
        assertThat(QuestionReader.parse("2,400")).contains(2400.0);
        assertThat(QuestionReader.parse("4,3")).contains(4.3);
        assertThat(QuestionReader.parse("4.3")).contains(4.3);
        assertThat(QuestionReader.parse("1.234.567,5")).contains(1234567.5);
    }

    @Test
    void separatesYearsFromClaimedFigures() {
        Question q = reader.read("Stimmt es, dass es 2024 in Beijing 70 Einhörner gab?");
        assertThat(q.years()).containsExactly(2024);
        assertThat(q.claims()).containsExactly(70.0);
        assertThat(q.verification()).isTrue();
    }

    @Test
    void tellsYearsFromFiguresThatLookLikeYears() {
        assertThat(reader.read("Stimmt es, dass es 2000 KI-Unternehmen gibt?").claims()).containsExactly(2000.0);
        assertThat(reader.read("Stimmt es, dass es 2000 KI-Unternehmen gibt?").years()).isEmpty();
        assertThat(reader.read("AI industry size in 2015?").years()).containsExactly(2015);
        assertThat(reader.read("Wie viele Einhörner 2030?").years()).containsExactly(2030);
        assertThat(reader.read("unicorns 2019 and 2024").years()).containsExactly(2019, 2024);
        assertThat(reader.read("2023 gab es wie viele Firmen?").years()).containsExactly(2023);
        assertThat(reader.read("Wie groß wird die KI-Branche 2030 sein?").years()).containsExactly(2030);
        assertThat(reader.read("Gibt es 2024 Einhörner?").claims()).containsExactly(2024.0);
    }

    @Test
    void findsOtherPlacesButNotTheReportsOwn() {
        assertThat(reader.read("Wie viele Einhörner gibt es in Shanghai?").otherPlaces()).containsExactly("shanghai");
        assertThat(reader.read("unicorns in New York?").otherPlaces()).containsExactly("new york");
        assertThat(reader.read("Wie viele Einhörner gibt es in Peking und in China?").otherPlaces()).isEmpty();
        assertThat(reader.read("tell us about unicorns").otherPlaces()).isEmpty();
    }

    @Test
    void findsAspects() {
        assertThat(reader.read("und in Euro?").aspects()).contains(Aspect.EURO);
        assertThat(reader.read("and the year before?").aspects()).contains(Aspect.PREVIOUS_YEAR);
        assertThat(reader.read("Wie viel Prozent davon?").aspects()).contains(Aspect.SHARE);
        assertThat(reader.read("How many in all of China?").aspects()).contains(Aspect.NATIONAL);
        assertThat(reader.read("Wie viele Einhörner?").aspects()).containsExactly(Aspect.HOW_MANY);
        assertThat(reader.read("Einhörner?").aspects()).isEmpty();
        assertThat(reader.read("Welche Universitäten?").aspects()).containsExactly(Aspect.NAMES);
    }

    @Test
    void recognisesTheFuture() {
        assertThat(reader.read("Wie groß wird die Branche in Zukunft?").future()).isTrue();
        assertThat(reader.read("Wie groß ist die Branche?").future()).isFalse();
    }
}
