package io.reportbot.engine;

import io.reportbot.core.Language;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.reportbot.nlp.IntentClassifier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Follow-ups, context expiry and several topics in one question. */
class ConversationTest {

    private final Engine engine = TestEngines.bundled();

    private Reply ask(String conversation, String text) {
        return engine.answer(Inbound.of(text, conversation, "test"));
    }

    private static String fresh() {
        return "conv-" + System.nanoTime();
    }

    @Test
    void germanFollowUpsAnswerAboutTheLastTopic() {
        String c = fresh();
        assertThat(ask(c, "Wie groß ist die KI-Branche in Beijing?").intent()).isEqualTo("industry_size");
        Reply euro = ask(c, "Und in Euro?");
        assertThat(euro.fallback()).isFalse();
        assertThat(euro.text()).contains("39,2 Milliarden Euro").doesNotContain("Berechnet");
        Reply before = ask(c, "und im Vorjahr?");
        assertThat(before.text()).contains("Berechnet").contains("mehr als 267 Milliarden Yuan");
        Reply source = ask(c, "Woher stammt das?");
        assertThat(source.text()).startsWith("Quelle").contains("300 Milliarden Yuan (39,2 Milliarden Euro) überschreiten");
    }

    @Test
    void aBareWhyAfterAnAnswerSaysTheReportGivesNoReasonsAndWhatItSays() {
        String c = fresh();
        assertThat(ask(c, "Wie viele Schulen testen KI im Unterricht?").intent()).isEqualTo("schools");
        Reply why = ask(c, "wieso eigentlich?");
        assertThat(why.fallback()).as("the report doesn't answer why").isTrue();
        assertThat(why.text()).startsWith("Gründe dafür nennt der Bericht nicht").contains("25 Grund- und Sekundarschulen");
        assertThat(ask(c, "und wie viele sind das?").text()).contains("25");
        String e = fresh();
        assertThat(ask(e, "How much money did the AI fund put in?").intent()).isEqualTo("industry_fund");
        Reply how = ask(e, "how come?");
        assertThat(how.text()).startsWith("The report gives no reasons").contains("2 billion yuan");
    }

    @Test
    void afterAnotherCityWasDeclinedTheReportsOwnPlaceGoesBackToTheTopicButNothingElseDoes() {
        String c = fresh();
        assertThat(ask(c, "Wie viele börsennotierte KI-Firmen gibt es in Hangzhou?").fallback()).isTrue();
        Reply home = ask(c, "und in Peking?");
        assertThat(home.intent()).isEqualTo("listed_companies");
        assertThat(home.text()).contains("46");
        String e = fresh();
        assertThat(ask(e, "How big is the AI industry in Chengdu?").fallback()).isTrue();
        Reply growth = ask(e, "and its growth?");
        assertThat(growth.text()).as("Chengdu's growth is not Beijing's 12 percent").doesNotContain("12 percent");
    }

    @Test
    void englishFollowUpsAnswerAboutTheLastTopic() {
        String c = fresh();
        assertThat(ask(c, "How many large models has Beijing registered?").text()).contains("94");
        assertThat(ask(c, "what share is that?").text()).contains("about 40 percent");
        assertThat(ask(c, "and in all of China?").text()).contains("Computed").contains("about 235");
        assertThat(ask(c, "source?").text()).startsWith("Source").contains("94 große Modelle");
        Reply euros = ask(c, "in euros?");
        assertThat(euros.text()).contains("no euro figure");
    }

    @Test
    void aShareFollowUpOnUnicornsGivesTheShareAndTheComputedTotal() {
        String c = fresh();
        ask(c, "Wie viele Einhörner?");
        assertThat(ask(c, "Wie viel Prozent davon?").text()).contains("mehr als 50 Prozent");
        assertThat(ask(c, "und in ganz China?").text()).contains("weniger als 72");
    }

    @Test
    void aFollowUpAboutAPreviousYearTheReportCannotGiveIsAnHonestNo() {
        String c = fresh();
        ask(c, "How many unicorns are there?");
        Reply r = ask(c, "and the year before?");
        assertThat(r.fallback()).isTrue();
        assertThat(r.text()).contains("no previous-year figure").doesNotContain("36");
        assertThat(r.suggestions()).extracting(Suggestion::topicId).containsExactly("unicorns");
    }

    @Test
    void anotherCityAsAFollowUpIsDeclinedAndSuggestsTheTopic() {
        String c = fresh();
        ask(c, "Wie viele Einhörner?");
        Reply r = ask(c, "und in Shanghai?");
        assertThat(r.fallback()).isTrue();
        assertThat(r.text()).contains("nur Beijing").doesNotContain("36");
        assertThat(r.suggestions().get(0).topicId()).isEqualTo("unicorns");
    }

    @Test
    void aFollowUpWithoutContextGetsHelpNotAFact() {
        Reply de = ask(fresh(), "Und in Euro?");
        assertThat(de.fallback()).isTrue();
        assertThat(de.text()).contains("Worauf bezieht sich das");
        assertThat(de.factIds()).isEmpty();
        Reply en = ask(fresh(), "and the year before?");
        assertThat(en.fallback()).isTrue();
        assertThat(en.text()).contains("What does that refer to");
    }

    @Test
    void conversationsDoNotSeeEachOthersContext() {
        String a = fresh();
        String b = fresh();
        ask(a, "How big is the AI industry?");
        ask(b, "How many unicorns?");
        assertThat(ask(a, "in euros?").text()).contains("39.2 billion euro");
        assertThat(ask(b, "in euros?").text()).contains("no euro figure");
    }

    @Test
    void aNewTopicReplacesTheContext() {
        String c = fresh();
        ask(c, "How big is the AI industry?");
        ask(c, "How many schools have AI pilot programmes?");
        assertThat(ask(c, "and the year before?").text()).contains("no previous-year figure");
    }

    @Test
    void severalTopicsInOneQuestionAreEachAnswered() {
        Reply de = ask(fresh(), "Wie viele Einhörner und börsennotierte KI-Unternehmen gibt es?");
        assertThat(de.fallback()).isFalse();
        assertThat(de.factIds()).contains("unicorns", "listed_companies");
        assertThat(de.text()).contains("36 Einhorn").contains("46 börsennotierte");
        Reply en = ask(fresh(), "How many universities and schools have AI programmes?");
        assertThat(en.factIds()).contains("universities_ai_programmes", "schools");
        assertThat(en.text()).contains("30 universities").contains("25 primary");
    }

    @Test
    void aQuestionWithOneTopicDoesNotGrowASecondAnswer() {
        for (String q : List.of("Wie viele Grund- und Sekundarschulen haben KI-Pilotprogramme?",
                "Which areas does Beijing lead in: talent, science and research?",
                "Wie viele Universitäten haben KI-Institute und Promotionsrecht?",
                "What do the USA and China do in AI?")) {
            assertThat(ask(fresh(), q).intent()).as(q).doesNotContain("+");
        }
    }

    @Test
    void idleConversationsAreForgottenAndTheStoreIsBounded() {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        Conversations store = new Conversations(100, Duration.ofMinutes(30), ticker);
        Engine e = EngineFactory.create(EngineSettings.bundled(), IntentClassifier.Settings.defaults(), store,
                FallbackListener.NONE);
        e.answer(Inbound.of("How big is the AI industry?", "idle", "test"));
        assertThat(e.answer(Inbound.of("in euros?", "idle", "test")).fallback()).isFalse();
        nanos.addAndGet(Duration.ofMinutes(31).toNanos());
        assertThat(e.answer(Inbound.of("in euros?", "idle", "test")).text()).contains("What does that refer to");

        for (int i = 0; i < 5_000; i++) {
            store.put("c" + i, new Conversations.Context(List.of("unicorns"), Language.EN));
        }
        assertThat(store.size()).isLessThanOrEqualTo(100);
    }
}
