package io.reportbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.answer.NumberFormatter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dataset against the article it was made from: every figure is in it, every source is quoted verbatim. */
class ArticleCoverageTest {

    private static String article;
    private static Report report;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ArticleCoverageTest.class.getResourceAsStream("/seed/article.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        report = new ReportLoader().loadBundled();
    }

    @Test
    void everySourceIsAVerbatimPassageOfTheArticle() {
        assertThat(report.facts()).allSatisfy(f -> assertThat(article).as(f.id()).contains(f.source()));
    }

    @Test
    void everySentenceOfTheArticleBodyIsSomeFactsSource() {
        String body = article.substring(article.indexOf('\n') + 1);
        List<String> missing = new ArrayList<>();
        for (String sentence : body.split("(?<=[.])\\s+")) {
            String s = sentence.strip();
            if (!s.isEmpty() && report.facts().stream().noneMatch(f -> f.source().contains(s))) {
                missing.add(s);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyFigureInTheArticleIsAValueInTheDataset() {
        Set<Double> values = new HashSet<>();
        for (Fact f : report.facts()) {
            for (Value v : f.values().values()) {
                values.add(NumberFormatter.mantissa(v.amount()));
                values.add(v.amount());
                if (v.eur() != null) {
                    values.add(NumberFormatter.mantissa(v.eur()));
                }
                if (v.yoy() != null) {
                    values.add(v.yoy().percent());
                }
                if (v.share() != null) {
                    values.add(v.share().percent());
                }
            }
        }
        Matcher m = Pattern.compile("\\d+(?:[.,]\\d+)?").matcher(article);
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String raw = m.group();
            if (raw.matches("20\\d\\d")) {
                continue; // a year
            }
            double d = raw.matches("\\d{1,3}\\.\\d{3}") ? Double.parseDouble(raw.replace(".", ""))
                    : Double.parseDouble(raw.replace(',', '.'));
            if (values.stream().noneMatch(v -> Math.abs(v - d) < 1e-9)) {
                missing.add(raw);
            }
        }
        assertThat(missing).as("figures of the article missing from the dataset").isEmpty();
        // the figures the article writes in words
        assertThat(values).contains(30.0, 50.0);
    }

    @Test
    void theReportsCentralFiguresAreRight() {
        Value volume = report.fact("industry_volume").orElseThrow().values().get("volume");
        assertThat(volume.amount()).isEqualTo(300e9);
        assertThat(volume.qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(volume.eur()).isEqualTo(39.2e9);
        assertThat(volume.yoy().percent()).isEqualTo(12);
        assertThat(report.fact("unicorns").orElseThrow().values().get("count").amount()).isEqualTo(36);
        Value models = report.fact("large_models").orElseThrow().values().get("count");
        assertThat(models.amount()).isEqualTo(94);
        assertThat(models.share().percent()).isEqualTo(40);
        assertThat(models.share().qualifier()).isEqualTo(Qualifier.ABOUT);
    }
}
