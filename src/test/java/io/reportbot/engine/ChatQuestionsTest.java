package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.core.Language;
import io.reportbot.nlp.IntentClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions as people type them in a chat, by kind (issue 9). Every example here was written for this test:
 * none is a training example or a question of the evaluation sets.
 */
class ChatQuestionsTest {

    private final Engine engine = TestEngines.bundled();

    private Reply ask(String conversation, String text) {
        return engine.answer(Inbound.of(text, conversation, "test"));
    }

    private Reply ask(String text) {
        return ask(UUID.randomUUID().toString(), text);
    }

    @Nested
    class SmallTalkAroundAQuestion {

        @Test
        void aMessageOfNothingButSmallTalkIsAnsweredAsSmallTalkEvenWhenTheClassifierIsUnsure() {
            for (String greeting : List.of("hi", "na?", "yo")) {
                Reply r = ask(greeting);
                assertThat(r.fallback()).as(greeting).isFalse();
                assertThat(r.intent()).as(greeting).isEqualTo("greeting");
            }
            assertThat(ask("thx").intent()).isEqualTo("thanks");
            assertThat(ask("hi, wie viele Patente hat Beijing?").fallback()).as("a question is never small talk").isTrue();
        }

        @Test
        void aGreetingAndAnAddressBeforeTheQuestionDoNotWin() {
            Reply r = ask("Servus Leute! Eine Frage: wie viele Einhorn-Firmen hat Peking?");
            assertThat(r.intent()).isEqualTo("unicorns");
            assertThat(r.text()).contains("36");
        }

        @Test
        void anAddressAndThanksAroundTheQuestionDoNotWin() {
            assertThat(ask("hiya reportbot, how many listed AI firms are there? cheers").intent())
                    .isEqualTo("listed_companies");
            assertThat(ask("@reportbot wie viele Unis haben KI-Studiengänge?").intent()).isEqualTo("universities");
        }

        @Test
        void smallTalkAloneIsStillSmallTalk() {
            assertThat(ask("Danke dir!").intent()).isEqualTo("thanks");
        }

        @Test
        void thanksInAConversationIsNotAFollowUp() {
            String c = UUID.randomUUID().toString();
            ask(c, "How many large models are registered in Beijing?");
            assertThat(ask(c, "ok, thank you so much").intent()).isEqualTo("thanks");
        }
    }

    @Nested
    class Requests {

        @Test
        void aRequestIsAQuestion() {
            assertThat(ask("Sag mir bitte, wie groß die KI-Branche in Peking ist").text()).contains("300");
            assertThat(ask("Ich hätte gern die Zahl der Schulen mit KI-Pilotprojekten").text()).contains("25");
        }

        @Test
        void aRequestForTheNumberAsksForANumberNotForNames() {
            Reply number = ask("Nenne mir die Zahl der Einhorn-Firmen");
            assertThat(number.fallback()).isFalse();
            assertThat(number.text()).contains("36").doesNotContain("Namen");
            Reply names = ask("Nenne mir die Einhorn-Firmen");
            assertThat(names.fallback()).isTrue();
            assertThat(names.text()).contains("Namen");
        }

        @Test
        void aRequestForTheCountOfListedFirmsGetsTheListedFirms() {
            assertThat(ask("Give me the count of the firms on the stock exchange").intent()).isEqualTo("listed_companies");
        }
    }

    @Nested
    class IndirectWording {

        @Test
        void topicsNamedByWhatTheyDo() {
            assertThat(ask("Wie viele KI-Firmen aus Beijing notieren an der Börse?").intent()).isEqualTo("listed_companies");
            assertThat(ask("how much money did the city's AI pot hand out?").intent()).isEqualTo("industry_fund");
            assertThat(ask("Wie viele Hochschulen in Peking bilden in KI aus?").intent()).isEqualTo("universities");
        }
    }

    @Nested
    class FollowUps {

        @Test
        void aspectsAloneLeanOnTheLastAnswer() {
            String c = UUID.randomUUID().toString();
            ask(c, "Wie viele börsennotierte KI-Firmen hat Beijing?");
            assertThat(ask(c, "und was sind die zusammen wert?").text()).contains("4,3 Billionen");
            Reply euro = ask(c, "und in Euro?");
            assertThat(euro.intent()).isEqualTo("listed_companies");
            assertThat(euro.text()).contains("560 Milliarden Euro");
            assertThat(ask(c, "und pro Firma?").text()).contains("Berechnet").contains("46");
            assertThat(ask(c, "woher stammt das?").text()).contains("Quelle");
        }

        @Test
        void inEurosConvertsTheFigureTheLastQuestionWasAbout() {
            String c = UUID.randomUUID().toString();
            ask(c, "How much did the AI industry fund invest?");
            Reply euro = ask(c, "and in euros?");
            assertThat(euro.text()).contains("260 million euro").doesNotContain("1.1 billion euro");
        }

        @Test
        void aPronounFollowUpStaysAndANewTopicMovesOn() {
            String c = UUID.randomUUID().toString();
            ask(c, "Wie viele KI-Unternehmen hat Peking?");
            assertThat(ask(c, "und wie schnell wächst das?").text()).contains("9 Prozent");
            assertThat(ask(c, "und die Einhörner?").intent()).isEqualTo("unicorns");
        }

        @Test
        void isThatALotForTheCountryGivesTheNationalFigure() {
            String c = UUID.randomUUID().toString();
            ask(c, "How many large models are registered in Beijing?");
            Reply r = ask(c, "is that a lot for the whole country?");
            assertThat(r.intent()).isEqualTo("large_models");
            assertThat(r.text()).contains("40 percent");
        }

        @Test
        void aFollowUpAboutAPlaceTheReportDoesNotCoverIsDeclined() {
            String c = UUID.randomUUID().toString();
            ask(c, "Wie viele Einhorn-Firmen hat Peking?");
            assertThat(ask(c, "und in Chengdu?").fallback()).isTrue();
        }
    }

    @Nested
    class PickedTopics {

        @Test
        void aPickedTopicIsAnsweredAndRemembered() {
            String c = UUID.randomUUID().toString();
            Reply picked = engine.answer(Inbound.topicChoice("unicorns", c, "test", io.reportbot.core.Language.DE));
            assertThat(picked.topics()).containsExactly("unicorns");
            assertThat(picked.text()).contains("36");
            assertThat(ask(c, "und in ganz China?").text()).contains("72");
        }

        @Test
        void anUnknownPickedTopicGetsAFallbackNotAnException() {
            Reply r = engine.answer(Inbound.topicChoice("no-such-topic", "x", "test", io.reportbot.core.Language.EN));
            assertThat(r.fallback()).isTrue();
            assertThat(r.topics()).isEmpty();
        }

        @Test
        void aReplyAboutSeveralTopicsListsThemAll() {
            Reply r = ask("Wie viele Einhörner und wie viele börsennotierte KI-Unternehmen hat Peking?");
            assertThat(r.topics()).containsExactlyInAnyOrder("unicorns", "listed_companies");
            assertThat(r.topics()).contains(r.intent());
            List<String> noPlus = r.topics().stream().filter(t -> t.contains("+")).toList();
            assertThat(noPlus).isEmpty();
        }
    }

    /** Kinds the third blind sets (r3) showed, each with sentences of its own. */
    @Nested
    class FromTheThirdBlindSets {

        @Test
        void whyIsAnsweredWhenTheTopicsSentenceGivesACauseOrAPurpose() {
            String race = UUID.randomUUID().toString();
            ask(race, "Wie steht es um den globalen KI-Wettlauf?");
            Reply cause = ask(race, "warum ist das so?");
            assertThat(cause.fallback()).isFalse();
            assertThat(cause.text()).contains("treiben");
            String frontier = UUID.randomUUID().toString();
            ask(frontier, "Was erforscht Peking an Zukunftstechnologien?");
            assertThat(ask(frontier, "warum das Ganze?").text()).contains("nächste Welle");
        }

        @Test
        void whyIsDeclinedWhenTheTopicsSentenceGivesNoCause() {
            String c = UUID.randomUUID().toString();
            ask(c, "Wie groß ist die KI-Branche in Peking?");
            Reply r = ask(c, "warum ist das so?");
            assertThat(r.fallback()).isTrue();
            assertThat(r.text()).contains("Gründe").contains("300");
        }

        @Test
        void aRequestForAFigureInACompoundAsksForTheFigureNotForNames() {
            Reply r = ask("Nenne mir die Fördersumme des KI-Industriefonds.");
            assertThat(r.fallback()).isFalse();
            assertThat(r.text()).contains("2 Milliarden").doesNotContain("Namen");
        }

        @Test
        void throughTheEndOfAQuarterIsTheReportsOwnPeriodButOneMonthAloneIsNot() {
            assertThat(ask("Wie viel Geld haben Pekinger KI-Firmen bis Ende des dritten Quartals eingesammelt?").text())
                    .contains("32 Milliarden");
            assertThat(ask("How much financing did Beijing's AI sector raise through September?").text()).contains("32 billion");
            assertThat(ask("Wie viel Geld haben Pekinger KI-Firmen allein im August eingesammelt?").fallback()).isTrue();
        }

        @Test
        void theWholeWorldAfterATopicAboutBeijingIsDeclinedWithWhatTheReportSays() {
            String c = UUID.randomUUID().toString();
            ask(c, "Wie viele Einhörner hat Peking?");
            Reply world = ask(c, "und weltweit?");
            assertThat(world.fallback()).isTrue();
            assertThat(world.text()).contains("Beijing").doesNotContain("USA und China");
            String race = UUID.randomUUID().toString();
            ask(race, "Who leads the global AI race?");
            assertThat(ask(race, "and globally?").fallback()).as("the race is global: nothing to decline").isFalse();
        }

        @Test
        void aShareOfTheNationalTotalIsNotTakenForAPartTheReportDoesNotBreakDown() {
            Reply r = ask("Welcher Prozentsatz der landesweit registrierten großen Modelle entfällt auf Peking?");
            assertThat(r.fallback()).isFalse();
            assertThat(r.text()).contains("40 Prozent");
        }

        @Test
        void howGoodTheLastAnswersThingsAreIsAnsweredByTheTopicTheReportNamesForItOrDeclined() {
            String models = UUID.randomUUID().toString();
            ask(models, "Wie viele große Modelle hat Peking registriert?");
            Reply quality = ask(models, "und taugen die was?");
            assertThat(quality.intent()).isEqualTo("llm_quality");
            assertThat(quality.text()).contains("internationalen Standards");
            String unicorns = UUID.randomUUID().toString();
            ask(unicorns, "How many unicorns does Beijing have?");
            Reply unrated = ask(unicorns, "how good are they?");
            assertThat(unrated.fallback()).isTrue();
            assertThat(unrated.text()).contains("doesn't rate").contains("Unicorn companies");
        }

        @Test
        void aFigureAspectAfterTheOverviewIsAboutItsHeadlineFigure() {
            String c = UUID.randomUUID().toString();
            ask(c, "Fass den Bericht kurz zusammen.");
            Reply growth = ask(c, "und das Wachstum?");
            assertThat(growth.intent()).isEqualTo("industry_size");
            assertThat(growth.text()).contains("12 Prozent");
        }

        @Test
        void aClosingNeverAnswersAQuestion() {
            Engine second = TestEngines.secondReport();
            String c = UUID.randomUUID().toString();
            second.answer(Inbound.of("Was sagt der Index zu KI in Unternehmen?", c, "test"));
            Reply r = second.answer(Inbound.of("und in Frankreich?", c, "test"));
            assertThat(r.intent()).isNotIn("goodbye", "thanks");
            assertThat(r.fallback()).isTrue();
            assertThat(r.text()).contains("Frankreich");
            assertThat(ask("great, that's all I wanted to know").intent()).as("a thank-you without a question")
                    .isIn("thanks", "goodbye");
        }
    }

    /** Kinds from the fourth blind sets (r4, December 2), each with sentences written for this test. */
    @Nested
    class FromTheFourthBlindSets {

        private final Engine second = TestEngines.secondReport();

        private Reply askSecond(String conversation, String text) {
            return second.answer(Inbound.of(text, conversation, "test"));
        }

        @Test
        void aShortTurnNamingAYearAsksTheLastTopicForThatYear() {
            String c = UUID.randomUUID().toString();
            askSecond(c, "How many AI rules did US agencies put out in 2023?");
            Reply earlier = askSecond(c, "what about 2016 then?");
            assertThat(earlier.fallback()).isFalse();
            assertThat(earlier.intent()).isEqualTo("us_regulation");
            assertThat(earlier.text()).contains("2016").contains("from 1 to 25");
        }

        @Test
        void aYearTheReportCoversButNotForThisTopicIsDeclinedWithTheTopicsYears(@TempDir Path dir) throws IOException {
            // the AI Index's own data names the years of each topic; without that data the topic's sentences decide
            Engine bare = EngineFactory.create(new EngineSettings(Optional.of(withoutYearData(dir)), Optional.empty()),
                    IntentClassifier.Settings.defaults());
            Reply r = bare.answer(Inbound.of("How much did private investors put into US AI firms in 2016?", "y", "test"));
            assertThat(r.fallback()).isTrue();
            // its sentences name 2022 only as what the growth is measured against: the topic's years are 2023 alone
            assertThat(r.text()).contains("figures for 2023").doesNotContain("2022, 2023").contains("2016")
                    .doesNotContain("67.2 billion US dollars in 2016");
            // the same year where the topic's sentence gives it is answered
            Reply stated = bare.answer(Inbound.of("How many AI regulations did the US have in 2016?", "z", "test"));
            assertThat(stated.fallback()).isFalse();
            assertThat(stated.text()).contains("from 1 to 25");
        }

        /** A copy of the AI Index folder without its "uncovered" entries about years. */
        private Path withoutYearData(Path dir) throws IOException {
            Path copy = dir.resolve("ai");
            try (var files = Files.walk(TestEngines.SECOND_REPORT)) {
                for (Path f : files.toList()) {
                    Path to = copy.resolve(TestEngines.SECOND_REPORT.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode report = (ObjectNode) mapper.readTree(copy.resolve("report.json").toFile());
            ArrayNode kept = mapper.createArrayNode();
            report.withArray("uncovered").forEach(u -> {
                if (!u.toString().matches("(?s).*\\b20\\d\\d\\b.*")) {
                    kept.add(u);
                }
            });
            report.set("uncovered", kept);
            mapper.writeValue(copy.resolve("report.json").toFile(), report);
            return copy;
        }

        @Test
        void theYearBeforeNamedAsWhatTheGrowthIsMeasuredAgainstIsAboutTheGrowth() {
            Reply de = ask("Um wie viel Prozent legt Pekings KI-Branche 2024 gegenüber 2023 zu?");
            assertThat(de.fallback()).isFalse();
            assertThat(de.text()).contains("12 Prozent");
            Reply en = askSecond(UUID.randomUUID().toString(), "Has the number of foundation models gone up compared to 2022?");
            assertThat(en.fallback()).isFalse();
            assertThat(en.text()).contains("149");
            // named alone, the year before still gets no figure the report doesn't state
            assertThat(ask("Wie groß war Pekings KI-Branche 2023?").fallback()).isTrue();
        }

        @Test
        void aStatementIsConfirmedCorrectedOrSaidToBeLeftOpen() {
            assertThat(ask("Peking zählt 50 Einhörner.").text()).startsWith("Nein");
            assertThat(ask("Beijing counts 36 unicorn firms!").text()).startsWith("Yes");
            assertThat(ask("Beijing has more AI start-ups than Munich.").text()).startsWith("The report leaves that open");
            assertThat(ask("Pekings KI-Firmen beschäftigen 80.000 Menschen.").text()).startsWith("Das lässt der Bericht offen");
            // a request that ends with a full stop is no statement
            assertThat(ask("Erklär mir den KI-Fonds.").text()).doesNotContain("offen").contains("2 Milliarden");
        }

        @Test
        void aPartTheReportDoesNotGiveIsDeclinedAndTheConversationStaysOnTheTopic() {
            String c = UUID.randomUUID().toString();
            Reply names = ask(c, "Which universities in Beijing teach AI?");
            assertThat(names.fallback()).isTrue();
            Reply count = ask(c, "and how many are there?");
            assertThat(count.intent()).isEqualTo("universities");
            assertThat(count.text()).contains("30");
        }

        @Test
        void growthAskedAsAChangeLeansOnTheLastFigure() {
            String c = UUID.randomUUID().toString();
            ask(c, "Wie viel Geld haben Pekings KI-Firmen dieses Jahr eingesammelt?");
            Reply change = ask(c, "und im Jahresvergleich?");
            assertThat(change.intent()).isEqualTo("financing");
            assertThat(change.text()).contains("84 Prozent");
            String e = UUID.randomUUID().toString();
            askSecond(e, "How much went into generative AI worldwide?");
            assertThat(askSecond(e, "did that go up?").intent()).isEqualTo("global_ai_investment");
        }

        @Test
        void whichOnesOrWhoRunsItAsksForNamesTheReportDoesNotGive() {
            String c = UUID.randomUUID().toString();
            ask(c, "How many AI firms in Beijing are on the stock market?");
            Reply which = ask(c, "which ones are they?");
            assertThat(which.fallback()).isTrue();
            assertThat(which.text()).contains("46");
            String d = UUID.randomUUID().toString();
            ask(d, "Was plant Peking bei der Rechenleistung?");
            assertThat(ask(d, "und wer betreibt die?").fallback()).isTrue();
        }

        @Test
        void theNationalTotalAfterABeijingFigureIsDeclinedWithWhatItsShareLetsCompute() {
            String c = UUID.randomUUID().toString();
            ask(c, "Wie viele Einhörner zählt Peking?");
            Reply nation = ask(c, "und landesweit, wie viele sind es?");
            assertThat(nation.fallback()).isTrue();
            assertThat(nation.text()).contains("keine Gesamtzahl").contains("weniger als 72");
            Reply share = ask(c, "und welcher Anteil ist das?");
            assertThat(share.fallback()).as("the share is the report's own").isFalse();
            assertThat(share.text()).contains("50 Prozent");
        }

        @Test
        void theReportsOwnPlaceAfterADeclinedOtherPlaceGoesBackToTheTopic() {
            String c = UUID.randomUUID().toString();
            assertThat(ask(c, "How many unicorns are there in Hangzhou?").fallback()).isTrue();
            Reply home = ask(c, "alright, and what about Peking?");
            assertThat(home.intent()).isEqualTo("unicorns");
            assertThat(home.text()).contains("36");
        }

        @Test
        void aLongerTurnTheClassifierIsSureIsAboutAnotherTopicIsANewQuestion() {
            String c = UUID.randomUUID().toString();
            ask(c, "what does the report tell us about generative AI?");
            Reply other = ask(c, "and large models in beijing, how many are there?");
            assertThat(other.intent()).isEqualTo("large_models");
            assertThat(other.text()).contains("94");
        }

        @Test
        void aPercentSignWithoutAFigureAsksForTheShare() {
            String c = UUID.randomUUID().toString();
            ask(c, "Große Modelle");
            Reply share = ask(c, "und in % von ganz China?");
            assertThat(share.intent()).isEqualTo("large_models");
            assertThat(share.text()).contains("40 Prozent der landesweiten");
        }

        @Test
        void whoDidTheSurveyAsksForTheSource() {
            String c = UUID.randomUUID().toString();
            askSecond(c, "How worried are Americans about AI?");
            Reply who = askSecond(c, "who conducted that?");
            assertThat(who.fallback()).isFalse();
            assertThat(who.text()).contains("Pew");
        }
    }

    /** Kinds of failure the fifth blind sets showed (their questions are not used here). */
    @Nested
    class FromTheFifthBlindSets {

        @Test
        void aTurnWhoseWordsDontTellItsLanguageGoesOnInTheConversationsLanguage() {
            String c = UUID.randomUUID().toString();
            assertThat(ask(c, "How many listed companies are there in Beijing?").language()).isEqualTo(Language.EN);
            Reply year = ask(c, "2024?");
            assertThat(year.language()).isEqualTo(Language.EN);
            assertThat(year.text()).contains("46");
            String d = UUID.randomUUID().toString();
            ask(d, "Wie viele Schulen testen KI?");
            assertThat(ask(d, "in euro?").language()).isEqualTo(Language.DE);
        }

        @Test
        void aTerseTurnInTheWordsOfAnotherTopicOnlyIsAboutThatTopic() {
            String c = UUID.randomUUID().toString();
            ask(c, "Wie groß ist die KI-Branche in Peking?");
            Reply firms = ask(c, "und wie viele Unternehmen gibt es?");
            assertThat(firms.intent()).isEqualTo("ai_companies");
            assertThat(firms.text()).contains("2.400");
        }

        private Reply askSecond(String conversation, String text) {
            return TestEngines.secondReport().answer(Inbound.of(text, conversation, "test"));
        }

        @Test
        void theReportsPlaceByAPeriphrasisIsThePlaceNotTheNation() {
            Reply r = ask("How many unicorns does the Chinese capital have?");
            assertThat(r.fallback()).isFalse();
            assertThat(r.text()).contains("36");
        }

        @Test
        void aPlaceTheLastTopicsSentenceNamesIsAskedOfThatTopic() {
            String c = UUID.randomUUID().toString();
            askSecond(c, "Which country produced the most notable models?");
            Reply china = askSecond(c, "what about China then?");
            assertThat(china.intent()).isEqualTo("notable_models");
            assertThat(china.text()).contains("15 that came from China").doesNotContain("whole world");
            // a place the topic's sentences don't name is declined as before
            assertThat(askSecond(c, "and France?").fallback()).isTrue();
        }

        @Test
        void aShareAskedOfATopicWhoseFiguresAreSharesIsItsOwnNotTheNations() {
            String c = UUID.randomUUID().toString();
            askSecond(c, "How many foundation models came out in 2023?");
            Reply share = askSecond(c, "and the share that was open?");
            assertThat(share.fallback()).isFalse();
            assertThat(share.text()).contains("65.7 percent").doesNotContain("whole world");
            // where the topic gives a share of the nation, a share follow-up is that one
            String d = UUID.randomUUID().toString();
            ask(d, "Große Modelle");
            assertThat(ask(d, "und der Anteil?").text()).contains("40 Prozent der landesweiten");
        }

        @Test
        void aTerseTurnInWordsTheLastAnswerAlsoUsesStaysWithIt() {
            String c = UUID.randomUUID().toString();
            ask(c, "Wie viele Einhörner hat Peking?");
            Reply same = ask(c, "und welcher Anteil der Unternehmen in China?");
            assertThat(same.intent()).isEqualTo("unicorns");
        }
    }

    /** Kinds of failure the sixth and seventh blind sets showed (their questions are not used here). */
    @Nested
    class FromTheSixthAndSeventhBlindSets {

        @Test
        void aClaimThatSharesATopicsWordsButSaysMoreIsLeftOpenNotConfirmed() {
            assertThat(ask("Stimmt es, dass die juristische Plattform von der Stadtregierung finanziert wird?").text())
                    .startsWith("Das lässt der Bericht offen");
            assertThat(ask("Is it true that the USA and China lead the global AI landscape because they spend more than others?").text())
                    .startsWith("The report leaves that open");
            assertThat(ask("Stimmt es, dass laut Weißbuch die USA die globale KI-Landschaft schneller anführen als China?").text())
                    .startsWith("Das lässt der Bericht offen");
            // what the sentence says, in other forms of its words, is still confirmed
            assertThat(ask("Stimmt es, dass die USA und China die globale KI-Landschaft anführen?").text()).startsWith("Ja");
        }

        @Test
        void aFigureInTheOtherCurrencyOfTheReportIsAMixUpNotAYes() {
            // 39.2 billion is the euro figure; "more than 39.2 billion yuan" is literally true of 300 billion yuan
            assertThat(ask("Die KI-Branche in Beijing soll 2024 mehr als 39,2 Milliarden Yuan erreichen.").text())
                    .startsWith("Nein").contains("300 Milliarden Yuan");
            assertThat(ask("Stimmt es, dass die KI-Branche mehr als 300 Milliarden Yuan erreicht?").text()).startsWith("Ja");
        }

        @Test
        void aPlaceInARankingIsANameTheReportDoesNotGive() {
            Reply r = ask("Which country is in third place in the global AI race?");
            assertThat(r.fallback()).isTrue();
            assertThat(r.text()).startsWith("The report gives no names or ranking");
        }

        @Test
        void aPartOfTheYearAskedOfAFigureForTheYearIsDeclined() {
            Reply r = ask("How many large models did Beijing register in the first half of 2024?");
            assertThat(r.fallback()).isTrue();
            assertThat(r.text()).startsWith("The report gives this figure for 2024 only").doesNotStartWith("No");
            assertThat(ask("How many large models has Beijing registered in 2024?").text()).contains("94");
        }
    }

    /** Kinds of failure the eighth blind sets showed (their questions are not used here). */
    @Nested
    class FromTheEighthBlindSets {

        private Reply askSecond(String conversation, String text) {
            return TestEngines.secondReport().answer(Inbound.of(text, conversation, "test"));
        }

        @Test
        void whatATermMeansIsDeclinedWithWhatTheReportSays() {
            for (String q : List.of("Was ist ein Zentrum für intelligentes Rechnen der Stufe E?",
                    "Was bedeutet Sozialfinanzierung?", "What is photonic computing, anyway?")) {
                Reply r = ask(q);
                assertThat(r.fallback()).as(q).isTrue();
                assertThat(r.text()).as(q).containsAnyOf("erklärt der Bericht nicht", "doesn't explain what its terms mean");
            }
            // a figure asked with the same words is answered
            assertThat(ask("Was ist der Gesamtmarktwert der börsennotierten KI-Firmen?").text()).contains("4,3 Billionen");
            assertThat(ask("What is the white paper about?").fallback()).isFalse();
        }

        @Test
        void aQuestionAfterALongPreambleInOneSentenceIsStillTheQuestion() {
            Reply r = ask("Ok so my manager asked me for a quick summary for our newsletter and I have no time to read, "
                    + "how many schools in Beijing are piloting AI lessons?");
            assertThat(r.intent()).isEqualTo("schools");
            assertThat(r.text()).contains("25");
            Reply de = ask("Moin, ich bereite gerade eine Präsentation für mein Seminar vor und mir fehlt noch eine Zahl: "
                    + "wie viele Einhorn-Unternehmen gibt es in Peking?");
            assertThat(de.text()).contains("36");
        }

        @Test
        void aPlaceNamedBeforeTheQuestionStillDeclinesIt() {
            Reply r = ask("Ich recherchiere gerade zu Shenzhen. Wie viele börsennotierte KI-Firmen gibt es?");
            assertThat(r.fallback()).isTrue();
            assertThat(r.text()).contains("Shenzhen");
        }

        @Test
        void euroAskedOfAReportInDollarsOnlyIsDeclinedWithItsDollarFigures() {
            String c = UUID.randomUUID().toString();
            askSecond(c, "How much did it cost to train Gemini Ultra?");
            Reply euro = askSecond(c, "and in euros?");
            assertThat(euro.fallback()).isTrue();
            assertThat(euro.text()).startsWith("The report gives amounts in US dollars only").contains("191 million US dollars");
        }

        @Test
        void aShareOfTheNationAskedOfATopicWithoutOneIsDeclinedAndPlaceholdersAreFilled() {
            Reply r = ask("What share of China's listed AI companies is based in Beijing?");
            assertThat(r.fallback()).isTrue();
            assertThat(r.text()).startsWith("The report gives only the figures for Beijing here").doesNotContain("{0}");
            // a topic of shares of a whole answers a share of it ("weltweit" is the AI Index's whole)
            assertThat(askSecond(UUID.randomUUID().toString(), "What percentage of adults worldwide feel nervous about AI products?")
                    .text()).contains("52 percent");
        }

        @Test
        void linksExactDatesAndTechnologiesTheReportDoesNotNameAreDeclined() {
            for (String q : List.of("Where can I get the white paper as a PDF?", "Auf welchem Datum genau lag der Kongress?",
                    "Does Beijing also invest in quantum computers?")) {
                assertThat(ask(q).fallback()).as(q).isTrue();
            }
        }

        @Test
        void aGreetingAroundAPoliteQuestionNeverWinsOverIt() {
            Reply r = ask("Guten Tag, könnten Sie mir sagen, welche Firmen den Bericht bezahlt haben?");
            assertThat(r.intent()).isNotEqualTo("greeting");
            assertThat(r.fallback()).isTrue(); // the report names no sponsors
        }

        @Test
        void aFirstQuestionNamingOneTopicByItsWordsIsThatTopicWhenTheClassifierIsLukewarm() {
            Reply r = ask("was gibt's Neues zu den Unis");
            assertThat(r.intent()).isEqualTo("universities");
            assertThat(r.text()).contains("30");
        }

        @Test
        void aPlaceOnlyOneTopicsSentenceNamesPicksThatTopic() {
            // the classifier prefers the worldwide funding; only the US investment's sentence names China
            Reply r = askSecond(UUID.randomUUID().toString(), "KI-Finanzierung in China?");
            assertThat(r.fallback()).isFalse();
            assertThat(r.intent()).isEqualTo("us_private_investment");
            assertThat(r.text()).contains("44,2 Prozent");
            // a place no sentence names is still declined
            assertThat(askSecond(UUID.randomUUID().toString(), "KI-Finanzierung in Japan?").fallback()).isTrue();
        }

        @Test
        void smallTalkTheClassifierIsLukewarmAboutDoesNotAnswerAQuestion() {
            Reply r = askSecond(UUID.randomUUID().toString(), "can you tell me which jobs are threatened?");
            assertThat(r.intent()).isNotEqualTo("capabilities");
            assertThat(r.fallback()).isTrue();
            assertThat(askSecond(UUID.randomUUID().toString(), "what can you do?").intent()).isEqualTo("capabilities");
        }

        @Test
        void aTerseTurnNamingAnotherTopicByItsFiguresTermsIsAboutThatTopic() {
            String c = UUID.randomUUID().toString();
            ask(c, "Wie viel ist die KI-Branche in Peking wert?");
            Reply firms = ask(c, "und die Anzahl der Firmen?");
            assertThat(firms.intent()).isEqualTo("ai_companies");
            assertThat(firms.text()).contains("2.400");
        }

        @Test
        void whichAgenciesAsksForNamesTheReportDoesNotGive() {
            Reply r = askSecond(UUID.randomUUID().toString(), "Which American agencies put out AI rules?");
            assertThat(r.fallback()).isTrue();
            assertThat(r.text()).contains("no names");
        }
    }

    /** Kinds of failure the tenth blind sets showed, once their untouched figures were in the README. */
    @Nested
    class FromTheTenthBlindSets {

        @Test
        void whoPaysWhichExchangeAndAllSchoolsAreDeclined() {
            for (String q : List.of("Who is paying for the AI pilot programmes in schools?",
                    "An welchen Börsen werden die 46 Firmen gehandelt?", "What is the total number of schools in Beijing?",
                    "Was genau ist ein großes Modell?")) {
                assertThat(ask(q).fallback()).as(q).isTrue();
            }
            assertThat(ask("Wie viele Schulen haben KI-Pilotprogramme?").text()).contains("25");
        }

        @Test
        void washingtonIsTheAiIndexsOwnPlace() {
            Reply r = TestEngines.secondReport().answer(Inbound.of("How many AI bills did lawmakers in Washington propose in 2023?",
                    UUID.randomUUID().toString(), "test"));
            assertThat(r.fallback()).isFalse();
            assertThat(r.text()).contains("181");
        }
    }

    /** Kinds of failure the twelfth blind sets showed, once their untouched figures were in the README. */
    @Nested
    class FromTheTwelfthBlindSets {

        private Reply askSecond(String conversation, String text) {
            return TestEngines.secondReport().answer(Inbound.of(text, conversation, "test"));
        }

        @Test
        void aFigurePerCompanyIsDeclinedWithTheAverageItsFiguresGiveAndTheTopicStays() {
            Reply first = ask("Was ist eine börsennotierte KI-Firma im Durchschnitt wert, pro Unternehmen?");
            assertThat(first.fallback()).isTrue();
            assertThat(first.text()).contains("nennt der Bericht nicht").contains("93,5 Milliarden Yuan");

            String c = UUID.randomUUID().toString();
            assertThat(ask(c, "How many listed AI firms are there in Beijing?").intent()).isEqualTo("listed_companies");
            Reply perFirm = ask(c, "and what is that per firm?");
            assertThat(perFirm.fallback()).isTrue();
            assertThat(perFirm.text()).contains("gives no figure per unit").contains("93.5 billion yuan");
            Reply next = ask(c, "and in euros?");
            assertThat(next.fallback()).isFalse();
            assertThat(next.intent()).isEqualTo("listed_companies");
            assertThat(next.text()).contains("560 billion euro");
        }

        @Test
        void aFigurePerUnitThatCannotBeComputedIsDeclined() {
            Reply r = ask("Wie viel hat der KI-Fonds durchschnittlich pro Projekt gegeben?");
            assertThat(r.fallback()).isTrue();
            assertThat(r.text()).contains("2 Milliarden Yuan");
        }

        @Test
        void aCurrencyTheReportDoesNotUseIsDeclinedWithItsOwnFigures() {
            Reply first = ask("What is the fund's investment in US dollars?");
            assertThat(first.fallback()).isTrue();
            assertThat(first.text()).contains("yuan and euro only").contains("2 billion yuan");

            String c = UUID.randomUUID().toString();
            assertThat(ask(c, "Wie hoch ist der Börsenwert der gelisteten KI-Firmen?").fallback()).isFalse();
            Reply usd = ask(c, "und in Dollar?");
            assertThat(usd.fallback()).isTrue();
            assertThat(usd.text()).contains("nur in Yuan und Euro").contains("4,3 Billionen Yuan");
            Reply eur = ask(c, "und in Euro?");
            assertThat(eur.fallback()).isFalse();
            assertThat(eur.text()).contains("560 Milliarden Euro");
        }

        @Test
        void theReportsOwnNameIsNoNameItWithholds() {
            for (String q : List.of("Wie heißt eigentlich der Bericht, aus dem die Zahlen stammen?",
                    "what's the title of the report behind these numbers?")) {
                Reply r = ask(q);
                assertThat(r.fallback()).as(q).isFalse();
                assertThat(r.intent()).as(q).isEqualTo("publication");
            }
            assertThat(ask("Wie heißen die börsennotierten KI-Firmen?").fallback()).isTrue();
        }

        @Test
        void reasonsAskedWithGruendeFuerAreDeclined() {
            Reply r = ask("Welche Gründe für das Wachstum der KI-Unternehmen nennt das Weißbuch?");
            assertThat(r.fallback()).isTrue();
            assertThat(r.text()).contains("2.400");
        }

        @Test
        void theCountryIsTheNation() {
            Reply r = ask("Does Beijing have most of the country's registered large models?");
            assertThat(r.fallback()).isFalse();
            assertThat(r.text()).contains("40 percent");
        }

        @Test
        void aFigureIsSaidWithTheDecimalsTheReportPrints() {
            Reply r = askSecond(UUID.randomUUID().toString(), "Welchen Anteil hatten KI-Stellen 2022 an allen Stellenanzeigen in den USA?");
            assertThat(r.text()).contains("2,0 Prozent").doesNotContain("nach 2 Prozent");
        }

        @Test
        void whatMostOfThemAreIsLeftOpen() {
            Reply r = askSecond(UUID.randomUUID().toString(), "Is it true that most of the 149 foundation models came from Europe?");
            assertThat(r.text()).startsWith("The report leaves that open");
        }

        @Test
        void aRankTheTopicsSentencesStateIsAnsweredAndOneBeyondThemDeclined() {
            String c = UUID.randomUUID().toString();
            Reply second = askSecond(c, "Welches Land liegt bei privaten KI-Investitionen hinter den USA auf Platz zwei?");
            assertThat(second.fallback()).isFalse();
            assertThat(second.text()).contains("China");
            Reply leader = askSecond(c, "who is ahead worldwide in private AI funding, which country?");
            assertThat(leader.fallback()).isFalse();
            assertThat(leader.text()).contains("67.2");
            assertThat(askSecond(c, "Which country is third for private AI investment?").fallback()).isTrue();
            assertThat(askSecond(c, "Which startups got the most private AI money?").fallback()).isTrue();
        }

        @Test
        void growthOfAFigureGivenForOneYearOnlyIsDeclined() {
            assertThat(ask("Um wie viel ist die Zahl der Einhörner in Beijing gewachsen?").fallback()).isTrue();
            String c = UUID.randomUUID().toString();
            assertThat(ask(c, "How many large models has Beijing registered?").fallback()).isFalse();
            Reply growth = ask(c, "and has that number gone up?");
            assertThat(growth.fallback()).isTrue();
            assertThat(growth.text()).contains("no change or earlier figure").contains("94");
            Reply given = ask("Wie stark wächst die Branche?");
            assertThat(given.fallback()).isFalse();
            assertThat(given.text()).contains("12 Prozent");
        }

        @Test
        void adviceAuthorsAndTheFundsSizeAreDeclined() {
            for (String q : List.of("Is it a good investment to buy Beijing AI stocks now, should I invest?",
                    "Welches Restaurant in Peking kannst du empfehlen?", "Who authored the white paper on Beijing's AI?",
                    "Wie groß ist das Fondsvolumen des KI-Industriefonds insgesamt?")) {
                assertThat(ask(q).fallback()).as(q).isTrue();
            }
            assertThat(askSecond(UUID.randomUUID().toString(), "Should I invest in US AI startups?").fallback()).isTrue();
        }

        @Test
        void aClaimedNumberIsJudgedAgainstWhatItCounts() {
            String c = UUID.randomUUID().toString();
            assertThat(askSecond(c, "Stimmt es, dass die Zahl der US-Behörden mit KI-Regeln 2023 bei 25 lag?").text())
                    .startsWith("Nein").contains("21");
            assertThat(askSecond(c, "Is it true that 21 US agencies issued AI rules in 2023?").text()).startsWith("Yes");
            assertThat(askSecond(c, "Stimmt es, dass es 2023 in den USA 25 KI-Regeln gab?").text()).startsWith("Ja");
        }
    }
}
