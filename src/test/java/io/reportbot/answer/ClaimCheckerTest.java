package io.reportbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.nlp.Claim;
import io.reportbot.nlp.ClaimReader;
import io.reportbot.nlp.ClaimWords;
import io.reportbot.nlp.Lexicon;
import io.reportbot.nlp.Question;
import io.reportbot.nlp.QuestionReader;
import io.reportbot.report.Report;
import io.reportbot.report.ReportLoader;
import io.reportbot.report.Topic;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Claims in both languages against the bundled report, one row each: true, false and left open, for every kind
 * the checker reads (unit, scale, direction, bound, share, national total, fractions, number words, statements
 * without a number checked against the dataset's assertions) and numbers that are no claim at all.
 */
class ClaimCheckerTest {

    private static final Report REPORT = new ReportLoader().loadBundled();
    private final Wording wording = new Wording();
    private final ClaimChecker checker = new ClaimChecker(REPORT, wording,
            new ValueRenderer(wording, new NumberFormatter(wording), REPORT));
    private final ClaimReader claims = new ClaimReader(ClaimWords.bundled(), Set.copyOf(REPORT.place().aliases()),
            Set.copyOf(REPORT.place().nationAliases()));
    private final QuestionReader questions = new QuestionReader(Lexicon.bundled(), own());

    private static Set<String> own() {
        Set<String> s = new HashSet<>(REPORT.place().aliases());
        s.addAll(REPORT.place().nationAliases());
        return s;
    }

    private String verdict(String topicId, String lang, String text) {
        Language language = Language.valueOf(lang);
        Topic topic = REPORT.topic(topicId).orElseThrow();
        Claim claim = claims.read(text, language);
        Question q = questions.read(text);
        return checker.check(topic, claim, q.otherPlaces(), language).map(v -> v.outcome().name()).orElse("NONE");
    }

    @ParameterizedTest(name = "{2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            universities | DE | Die Peking-Universität ist eine der 30 Universitäten mit KI-Studiengängen, oder? | OPEN
            universities | EN | Fudan is one of the 30 universities offering AI degrees, right?               | OPEN
            unicorns     | EN | All 36 unicorns are state-owned, right?                                       | OPEN
            schools      | DE | Die 25 Pilotschulen werden vom Stadtrat bezahlt.                              | OPEN
            schools      | EN | The 25 pilot schools are paid for by the city council.                        | OPEN
            unicorns     | EN | Beijing has 36 unicorns, right?                                               | YES
            schools      | DE | Es gibt 25 Schulen mit KI-Pilotprogrammen, stimmt das?                        | YES""")
    void aFigureConfirmedIsNoConfirmationOfWhoOrWhichTheReportDoesNotName(String topic, String lang, String text,
                                                                          String expected) {
        assertThat(verdict(topic, lang, text)).as(text).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            industry_size   | DE | Stimmt es, dass die Branche mehr als 250 Milliarden Yuan umfasst?   | YES
            industry_size   | EN | Is the sector worth over 200 bn yuan?                                | YES
            industry_size   | DE | Die Branche ist 300 Mio. Yuan groß, oder?                            | NO
            industry_size   | EN | The industry will reach 300 trillion yuan, correct?                  | NO
            industry_size   | EN | Is the industry worth more than 300 million yuan?                    | NO
            industry_size   | DE | Ist Beijings KI-Branche rund 300 Milliarden Dollar wert?             | NO
            industry_size   | EN | Beijing's AI industry: 39.2 bn EUR?                                  | YES
            industry_size   | DE | Die Branche setzt 39,2 Milliarden Yuan um, stimmt das?               | NO
            industry_size   | EN | Is it true the industry shrank by 12 percent?                        | NO
            industry_size   | DE | Ist die Branche um 12 Prozent gewachsen?                             | YES
            industry_size   | DE | Ist die Branche um mindestens 10 Prozent gewachsen?                  | YES
            industry_size   | EN | Was the growth less than 5 percent?                                  | NO
            industry_size   | EN | Did the industry grow by about 15 percent?                           | NO
            industry_size   | DE | Stimmt es, dass die KI-Branche stagniert?                            | NO
            industry_size   | EN | Is Beijing's AI industry growing?                                    | YES
            industry_size   | EN | Is the industry growing by 12 % a year?                              | YES
            industry_size   | DE | Wächst die Branche auf 350 Milliarden Yuan?                          | OPEN
            industry_size   | EN | Is the industry worth exactly 300 billion yuan?                      | NO
            ai_companies    | DE | Gibt es mehr als 2.000 KI-Unternehmen?                               | YES
            ai_companies    | EN | Are there at least 2,400 AI companies?                               | YES
            ai_companies    | EN | Are there fewer than 2,000 AI firms?                                 | NO
            ai_companies    | DE | Sind es genau 2.600 KI-Firmen?                                       | OPEN
            ai_companies    | EN | Is it true there are 3,000 AI companies?                             | OPEN
            ai_companies    | DE | Gibt es etwa 1.200 KI-Unternehmen?                                   | NO
            ai_companies    | EN | Are there 10,000 AI companies in Beijing?                            | NO
            ai_companies    | DE | Ist die Zahl der KI-Firmen um 9 Prozent gesunken?                    | NO
            ai_companies    | EN | Did the number of AI companies grow by more than 5 percent?          | YES
            ai_companies    | EN | Did the number of AI companies grow 20 percent?                      | NO
            unicorns        | DE | Hat Beijing mehr als dreißig Einhörner?                              | YES
            unicorns        | EN | Does Beijing have 36 unicorns?                                       | YES
            unicorns        | DE | Hat Beijing 63 Einhörner?                                            | NO
            unicorns        | EN | Does Beijing have fewer than 40 unicorns?                            | YES
            unicorns        | DE | Hat Beijing höchstens 20 Einhörner?                                  | NO
            unicorns        | EN | Are over half of China's unicorns in Beijing?                        | YES
            unicorns        | DE | Sitzt ein Viertel der chinesischen Einhörner in Beijing?             | NO
            unicorns        | EN | Are two thirds of China's unicorns in Beijing?                       | OPEN
            unicorns        | EN | Does China have 100 unicorns in total?                               | NO
            unicorns        | DE | Gibt es in ganz China 50 Einhörner?                                  | OPEN
            unicorns        | EN | Does China have 20 unicorns in total?                                | NO
            industry_size   | EN | Is China's AI industry worth 1 trillion yuan in total?               | OPEN
            large_models    | EN | Did Beijing register 40 large models?                                | NO
            large_models    | DE | Sind in Beijing 94 große Modelle registriert?                        | YES
            large_models    | EN | Are more than 90 large models registered?                            | YES
            large_models    | EN | Are fewer than 100 large models registered?                          | YES
            industry_fund   | DE | Hat der Fonds 8,3 Milliarden Yuan investiert?                        | NO
            listed_companies | EN | Are the listed firms worth 4.3 billion yuan?                        | NO
            publication     | EN | Was the white paper presented at a trade fair?                      | NO
            global_landscape | DE | Liegt laut Weißbuch Europa vorne?                                   | NO
            large_models    | DE | Sind es weniger als 50 große Modelle?                                | NO
            large_models    | EN | Are about 40 percent of China's large models in Beijing?             | YES
            large_models    | DE | Kommt die Hälfte aller großen Modelle Chinas aus Beijing?            | NO
            large_models    | EN | Are at least a quarter of China's large models from Beijing?         | YES
            financing       | DE | Wurden rund 32 Milliarden Yuan aufgebracht?                          | YES
            financing       | EN | Were 32 billion euros raised?                                        | NO
            financing       | DE | Ist die Finanzierung um 84 Prozent gestiegen?                        | YES
            financing       | EN | Did financing fall by 84 percent?                                    | NO
            financing       | DE | Ist die Finanzierung um mehr als 100 Prozent gestiegen?              | NO
            financing       | EN | Were 32 million yuan raised?                                         | NO
            industry_fund   | DE | Hat der Fonds rund 2 Milliarden Yuan investiert?                     | YES
            industry_fund   | EN | Did the fund invest 8.3 billion yuan?                                | NO
            industry_fund   | DE | Hat der Fonds zusätzliche Mittel von 8,3 Milliarden Yuan angezogen?  | YES
            industry_fund   | EN | Did the fund attract 1.1 billion euros?                              | YES
            industry_fund   | DE | Investierte der Fonds 260 Millionen Euro?                            | YES
            industry_fund   | EN | Did the fund invest 2 billion euros?                                 | NO
            listed_companies | EN | Are there 46 listed AI companies?                                   | YES
            listed_companies | DE | Gibt es 64 börsennotierte KI-Firmen?                                | NO
            listed_companies | EN | Are the listed companies worth 4.3 trillion yuan?                   | YES
            listed_companies | DE | Liegt der Marktwert bei 4,3 Milliarden Yuan?                        | NO
            listed_companies | EN | Is their combined market value 560 billion euros?                   | YES
            listed_companies | DE | Liegt der Gesamtmarktwert über 5 Billionen Yuan?                    | NO
            universities    | DE | Bieten 30 Universitäten KI-Studiengänge an?                          | YES
            universities    | EN | Do thirty universities offer AI degree programmes?                   | YES
            universities    | EN | Do 40 universities offer AI programmes?                              | NO
            universities    | DE | Haben mehr als 20 Universitäten KI-Institute gegründet?              | YES
            universities    | EN | Have exactly 21 universities founded AI institutes?                  | OPEN
            universities    | DE | Haben 32 Universitäten eine Master-Berechtigung in KI?               | YES
            schools         | DE | Haben 25 Schulen KI-Pilotprogramme?                                  | YES
            schools         | EN | Do more than 50 schools run AI pilots?                               | NO
            schools         | EN | Do at most 30 schools have AI pilot programmes?                      | YES
            publication     | EN | Was the white paper presented in Shanghai?                           | NO
            publication     | DE | Wurde das Weißbuch auf einer Messe vorgestellt?                      | NO
            publication     | EN | Was it released at the Chinese Congress on AI?                       | YES
            publication     | DE | Wurde es in Peking veröffentlicht?                                   | YES
            global_landscape | DE | Führt Europa das KI-Rennen an?                                      | NO
            global_landscape | EN | Do the US and China lead the global race?                           | YES
            global_landscape | EN | Has India overtaken China in AI?                                    | NO
            global_landscape | DE | Führen die USA und China?                                           | YES
            computing_centres | EN | Are ten level-E computing centres being built?                     | OPEN
            computing_centres | DE | Wurde der Bau der Rechenzentren gestoppt?                          | NO
            innovation_platforms | DE | Sind drei nationale Schlüssellabore im Bau?                     | OPEN
            llm_quality     | EN | Do Beijing's LLMs completely surpass international standards?        | NO
            llm_quality     | DE | Entsprechen die Sprachmodelle teilweise internationalen Standards?   | YES
            frontier_tech   | EN | Is photonic computing among the things Beijing works on?            | YES
            unicorns        | DE | Frage 2: Wie viele Einhörner gibt es?                                | NONE
            unicorns        | EN | In 5 words: how many unicorns?                                       | NONE
            financing       | EN | How much was raised in Q4 2024?                                      | NONE
            industry_size   | DE | Wie groß war die Branche 2023?                                       | NONE
            unicorns        | EN | Top 10 unicorns?                                                     | NONE
            ai_companies    | DE | Erkläre in 3 Sätzen die KI-Firmen.                                   | NONE
            financing       | EN | How much was raised in the first three quarters?                     | NONE
            """)
    void judgesTheClaim(String topic, String lang, String text, String expected) {
        assertThat(verdict(topic, lang, text)).as(text).isEqualTo(expected);
    }

    @Test
    void aYesNamesTheFigureAndANoTheTrueOne() {
        Topic unicorns = REPORT.topic("unicorns").orElseThrow();
        var yes = checker.check(unicorns, claims.read("Hat Beijing mehr als 30 Einhörner?", Language.DE),
                java.util.List.of(), Language.DE).orElseThrow();
        assertThat(yes.text()).startsWith("Ja, das stimmt").contains("36 Einhorn-Unternehmen");
        Topic industry = REPORT.topic("industry_size").orElseThrow();
        var no = checker.check(industry, claims.read("Is it worth 300 million yuan?", Language.EN),
                java.util.List.of(), Language.EN).orElseThrow();
        assertThat(no.text()).startsWith("No").contains("more than 300 billion yuan");
        var open = checker.check(industry, claims.read("Is it worth 320 billion yuan?", Language.EN),
                java.util.List.of(), Language.EN).orElseThrow();
        assertThat(open.text()).startsWith("The report leaves that open").contains("more than 300 billion yuan");
    }
}
