package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.nlp.Aspect;
import io.reportbot.nlp.FollowUpAspect;
import io.reportbot.nlp.Intent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The follow-up decision, rule by rule, over plain data. */
class TurnTest {

    private static final Optional<Conversations.Context> UNICORNS =
            Optional.of(new Conversations.Context(List.of("unicorns"), Language.DE));

    private static Turn.Facts facts(Optional<Conversations.Context> context, int tokens, String top, Intent.Kind kind,
                                    double score, Set<String> named, Set<FollowUpAspect> followUps, Set<Aspect> aspects,
                                    boolean pointsBack) {
        return new Turn.Facts(context, tokens, top, kind, score, score >= 0.3, named, List.of(top, "overview"),
                followUps, aspects, pointsBack, false, false);
    }

    @Test
    void anAspectAloneLeansOnTheLastTopic() {
        assertThat(Turn.decide(facts(UNICORNS, 3, "overview", Intent.Kind.TOPIC, 0.2, Set.of(),
                Set.of(FollowUpAspect.COUNT), Set.of(), false))).isInstanceOf(Turn.FollowUp.class);
    }

    @Test
    void aShortQuestionForReasonsLeansOnTheLastTopicUnlessItNamesOne() {
        assertThat(Turn.decide(facts(UNICORNS, 2, "out_of_scope", Intent.Kind.OUT_OF_SCOPE, 0.4, Set.of(),
                Set.of(), Set.of(Aspect.WHY), false))).isInstanceOf(Turn.FollowUp.class);
        assertThat(Turn.decide(facts(UNICORNS, 4, "schools", Intent.Kind.TOPIC, 0.9, Set.of("schools"),
                Set.of(), Set.of(Aspect.WHY), false))).isInstanceOf(Turn.Fresh.class);
        assertThat(Turn.decide(facts(UNICORNS, 9, "out_of_scope", Intent.Kind.OUT_OF_SCOPE, 0.9, Set.of(),
                Set.of(), Set.of(Aspect.WHY), false))).isInstanceOf(Turn.Fresh.class);
    }

    @Test
    void afterADeclinedOtherPlaceOnlyTheReportsOwnPlaceLeansOnIt() {
        Optional<Conversations.Context> declined = Optional.of(Conversations.Context.declined("unicorns", Language.DE));
        Turn.Facts home = new Turn.Facts(declined, 3, "out_of_scope", Intent.Kind.OUT_OF_SCOPE, 0.4, false, Set.of(),
                List.of("out_of_scope", "overview"), Set.of(), Set.of(), false, false, false, true);
        assertThat(Turn.decide(home)).isInstanceOf(Turn.FollowUp.class);
        Turn.Facts growth = new Turn.Facts(declined, 3, "overview", Intent.Kind.TOPIC, 0.2, false, Set.of(),
                List.of("overview", "unicorns"), Set.of(FollowUpAspect.GROWTH), Set.of(), false, false, false, false);
        assertThat(Turn.decide(growth)).as("'und das Wachstum?' meant the other place's").isInstanceOf(Turn.Fresh.class);
    }

    @Test
    void anotherTopicByItsOwnWordsIsANewQuestion() {
        assertThat(Turn.decide(facts(UNICORNS, 3, "schools", Intent.Kind.TOPIC, 0.9, Set.of("schools"),
                Set.of(FollowUpAspect.COUNT), Set.of(), true))).isInstanceOf(Turn.Fresh.class);
    }

    @Test
    void aWordOfAnotherTopicTheClassifierDoesNotBackIsNoNewTopic() {
        assertThat(Turn.decide(facts(UNICORNS, 4, "overview", Intent.Kind.TOPIC, 0.4, Set.of("legal_platform"),
                Set.of(FollowUpAspect.PERIOD), Set.of(), false))).isInstanceOf(Turn.FollowUp.class);
    }

    @Test
    void smallTalkIsNeverAFollowUp() {
        Turn.Facts thanks = new Turn.Facts(UNICORNS, 3, "thanks", Intent.Kind.SMALLTALK, 0.9, true, Set.of(),
                List.of("thanks", "goodbye"), Set.of(FollowUpAspect.MORE), Set.of(), false, false, true);
        assertThat(Turn.decide(thanks)).isInstanceOf(Turn.Fresh.class);
    }

    @Test
    void withoutContextAnAspectAloneAsksWhatItRefersTo() {
        assertThat(Turn.decide(facts(Optional.empty(), 2, "out_of_scope", Intent.Kind.OUT_OF_SCOPE, 0.2, Set.of(),
                Set.of(FollowUpAspect.EURO), Set.of(Aspect.EURO), false))).isInstanceOf(Turn.NoContext.class);
    }

    @Test
    void pointingBackAloneMakesOnlyShortTurnsFollowUps() {
        assertThat(Turn.decide(facts(UNICORNS, 3, "overview", Intent.Kind.TOPIC, 0.2, Set.of(), Set.of(), Set.of(),
                true))).isInstanceOf(Turn.FollowUp.class);
        assertThat(Turn.decide(facts(UNICORNS, 8, "ai_companies", Intent.Kind.TOPIC, 0.6, Set.of(), Set.of(), Set.of(),
                true))).isInstanceOf(Turn.Fresh.class);
    }

    @Test
    void aLongQuestionTheClassifierIsSureIsAboutAnotherTopicIsNew() {
        assertThat(Turn.decide(facts(UNICORNS, 7, "computing_centres", Intent.Kind.TOPIC, 0.95, Set.of(),
                Set.of(FollowUpAspect.PLACE), Set.of(), false))).isInstanceOf(Turn.Fresh.class);
    }

    private static Turn.Facts echo(int tokens, String top, double score, boolean echoes) {
        return new Turn.Facts(UNICORNS, tokens, top, Intent.Kind.TOPIC, score, score >= 0.3, Set.of(),
                List.of(top, "overview"), Set.of(), Set.of(), false, false, false, false, echoes);
    }

    @Test
    void aTerseTurnUsingAWordOfTheLastAnswerLeansOnIt() {
        assertThat(Turn.decide(echo(4, "overview", 0.2, true))).isInstanceOf(Turn.FollowUp.class);
        assertThat(Turn.decide(echo(4, "overview", 0.2, false))).as("no echo, no pointer: a question of its own")
                .isInstanceOf(Turn.Fresh.class);
    }

    @Test
    void anEchoLosesToAClassifierSureOfSomethingElseAndToLongTurns() {
        assertThat(Turn.decide(echo(4, "schools", 0.7, true))).isInstanceOf(Turn.Fresh.class);
        assertThat(Turn.decide(echo(12, "overview", 0.2, true))).isInstanceOf(Turn.Fresh.class);
    }

    @Test
    void theWholeWorldAloneLeansOnTheLastTopicButAWholeQuestionAboutItDoesNot() {
        assertThat(Turn.decide(facts(UNICORNS, 2, "global_landscape", Intent.Kind.TOPIC, 0.6, Set.of(),
                Set.of(FollowUpAspect.WORLD), Set.of(), false))).as("und weltweit?").isInstanceOf(Turn.FollowUp.class);
        assertThat(Turn.decide(facts(UNICORNS, 7, "global_landscape", Intent.Kind.TOPIC, 0.6, Set.of(),
                Set.of(FollowUpAspect.WORLD), Set.of(), false))).as("wer liegt weltweit bei KI vorne?")
                .isInstanceOf(Turn.Fresh.class);
    }

    @Test
    void aLongTurnAboutTheSameTopicTheClassifierIsUnsureOfStillLeansOnIt() {
        // "how many of its agencies are issuing them?": the normal path would fall below the threshold
        Turn.Facts unsure = new Turn.Facts(UNICORNS, 6, "unicorns", Intent.Kind.TOPIC, 0.28, false, Set.of("unicorns"),
                List.of("unicorns", "out_of_scope"), Set.of(FollowUpAspect.COUNT), Set.of(Aspect.HOW_MANY), true, false,
                false);
        assertThat(Turn.decide(unsure)).isInstanceOf(Turn.FollowUp.class);
        Turn.Facts sure = new Turn.Facts(UNICORNS, 6, "unicorns", Intent.Kind.TOPIC, 0.9, true, Set.of("unicorns"),
                List.of("unicorns", "out_of_scope"), Set.of(FollowUpAspect.COUNT), Set.of(Aspect.HOW_MANY), true, false,
                false);
        assertThat(Turn.decide(sure)).isInstanceOf(Turn.Fresh.class);
    }

    @Test
    void withoutContextAWholeQuestionNamingTheReportsPlaceIsNoDanglingFollowUp() {
        Turn.Facts whole = new Turn.Facts(Optional.empty(), 10, "out_of_scope", Intent.Kind.OUT_OF_SCOPE, 0.9, true,
                Set.of(), List.of("out_of_scope", "overview"), Set.of(), Set.of(Aspect.NATIONAL), false, false, false,
                true);
        assertThat(Turn.decide(whole)).isInstanceOf(Turn.Fresh.class);
    }

    @Test
    void aShortTurnNamingAYearLeansOnTheLastTopicUnlessItNamesAnother() {
        Turn.Facts year = new Turn.Facts(UNICORNS, 3, "out_of_scope", Intent.Kind.OUT_OF_SCOPE, 0.45, true, Set.of("unicorns"),
                List.of("out_of_scope", "overview"), Set.of(), Set.of(), false, false, false, false, false, true);
        assertThat(Turn.decide(year)).as("'und damals, 2022?'").isInstanceOf(Turn.FollowUp.class);
        Turn.Facts other = new Turn.Facts(UNICORNS, 3, "schools", Intent.Kind.TOPIC, 0.6, true, Set.of("schools"),
                List.of("schools", "overview"), Set.of(), Set.of(), false, false, false, false, false, true);
        assertThat(Turn.decide(other)).as("'Schulen 2022?'").isInstanceOf(Turn.Fresh.class);
        Turn.Facts whole = new Turn.Facts(UNICORNS, 8, "out_of_scope", Intent.Kind.OUT_OF_SCOPE, 0.9, true, Set.of(),
                List.of("out_of_scope", "overview"), Set.of(), Set.of(), false, false, false, false, false, true);
        assertThat(Turn.decide(whole)).as("a whole question with a year").isInstanceOf(Turn.Fresh.class);
    }
}
