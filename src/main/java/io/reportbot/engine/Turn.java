package io.reportbot.engine;

import io.reportbot.nlp.Aspect;
import io.reportbot.nlp.FollowUpAspect;
import io.reportbot.nlp.Intent;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a turn leans on the conversation's last answer: a pure decision over plain data (what the
 * classifier said, which topics the words name, which aspects the turn asks, what the conversation was
 * about), with no engine inside, so each rule can be tested alone.
 */
sealed interface Turn {

    /** A question of its own: answered by the normal path (scope, several topics, threshold, topic). */
    record Fresh() implements Turn {
    }

    /** A turn about the last answer's topic(s). */
    record FollowUp(Conversations.Context context) implements Turn {
    }

    /** A turn that only makes sense after an answer, but there is none yet ("und in Euro?" as a first message). */
    record NoContext() implements Turn {
    }

    /** Aspects the question reader finds that only make sense about something already answered. */
    Set<Aspect> LEANING_ASPECTS = EnumSet.of(Aspect.EURO, Aspect.PREVIOUS_YEAR, Aspect.NATIONAL, Aspect.SHARE,
            Aspect.SOURCE, Aspect.RATIO, Aspect.OTHER_CURRENCY);
    /** A follow-up is short: longer turns are questions of their own. */
    int MAX_FOLLOW_UP_TOKENS = 9;
    /** A turn that only points back ("and that?") is a follow-up when it is at most this long. */
    int SHORT = 5;
    /** ... unless the classifier is at least this sure of another topic. */
    double POINTING_BACK_LOSES = 0.5;
    /** So sure of another topic that a turn is a new question even without the topic's words. */
    double SURE_OF_ANOTHER_TOPIC = 0.9;
    /** So sure of another topic that a turn longer than {@link #SHORT} is a new question even with a follow-up word. */
    double SURE_OF_A_LONGER_TURN = 0.8;

    /**
     * What the decision looks at.
     *
     * @param context        what the conversation was last about, if anything
     * @param tokens         how many words the asking part has
     * @param topIntent      the classifier's best intent
     * @param topKind        what kind of intent that is
     * @param topScore       its score
     * @param confident      whether the score reaches the engine's threshold
     * @param namedTopics    the topics whose own words the turn uses
     * @param likelyIntents  the classifier's two best intents (a topic counts as named only when it agrees)
     * @param followUps      the follow-up aspects the turn names
     * @param aspects        the question reader's aspects
     * @param pointsBack     whether it points back ("das", "that", "davon")
     * @param otherPlaces    whether it names places other than the report's
     * @param smallTalkOnly  whether the message is nothing but small talk ("thanks a lot", "ok cool")
     * @param ownPlace       whether it names the report's own place ("und in Beijing?")
     * @param echoesLast     whether it uses a word of the last answer's topic ("in wie vielen Ländern?" after "in 31
     *                       Ländern")
     * @param namesAYear     whether it names a year ("and back in 2016?")
     */
    record Facts(Optional<Conversations.Context> context, int tokens, String topIntent, Intent.Kind topKind,
                 double topScore, boolean confident, Set<String> namedTopics, List<String> likelyIntents,
                 Set<FollowUpAspect> followUps,
                 Set<Aspect> aspects, boolean pointsBack, boolean otherPlaces, boolean smallTalkOnly, boolean ownPlace,
                 boolean echoesLast, boolean namesAYear) {

        Facts(Optional<Conversations.Context> context, int tokens, String topIntent, Intent.Kind topKind,
              double topScore, boolean confident, Set<String> namedTopics, List<String> likelyIntents,
              Set<FollowUpAspect> followUps, Set<Aspect> aspects, boolean pointsBack, boolean otherPlaces,
              boolean smallTalkOnly, boolean ownPlace, boolean echoesLast) {
            this(context, tokens, topIntent, topKind, topScore, confident, namedTopics, likelyIntents, followUps, aspects,
                    pointsBack, otherPlaces, smallTalkOnly, ownPlace, echoesLast, false);
        }

        Facts(Optional<Conversations.Context> context, int tokens, String topIntent, Intent.Kind topKind,
              double topScore, boolean confident, Set<String> namedTopics, List<String> likelyIntents,
              Set<FollowUpAspect> followUps, Set<Aspect> aspects, boolean pointsBack, boolean otherPlaces,
              boolean smallTalkOnly, boolean ownPlace) {
            this(context, tokens, topIntent, topKind, topScore, confident, namedTopics, likelyIntents, followUps, aspects,
                    pointsBack, otherPlaces, smallTalkOnly, ownPlace, false, false);
        }

        Facts(Optional<Conversations.Context> context, int tokens, String topIntent, Intent.Kind topKind,
              double topScore, boolean confident, Set<String> namedTopics, List<String> likelyIntents,
              Set<FollowUpAspect> followUps, Set<Aspect> aspects, boolean pointsBack, boolean otherPlaces,
              boolean smallTalkOnly) {
            this(context, tokens, topIntent, topKind, topScore, confident, namedTopics, likelyIntents, followUps, aspects,
                    pointsBack, otherPlaces, smallTalkOnly, false, false, false);
        }
    }

    private static Facts withoutContext(Facts f) {
        return new Facts(Optional.empty(), f.tokens(), f.topIntent(), f.topKind(), f.topScore(), f.confident(),
                f.namedTopics(), f.likelyIntents(), f.followUps(), f.aspects(), f.pointsBack(), f.otherPlaces(),
                f.smallTalkOnly(), f.ownPlace(), f.echoesLast(), f.namesAYear());
    }

    /** Decides. */
    static Turn decide(Facts f) {
        if (f.smallTalkOnly()) {
            return new Fresh();
        }
        boolean leaningAspect = f.aspects().stream().anyMatch(LEANING_ASPECTS::contains);
        if (f.context().isPresent() && f.context().get().declined()) {
            // the last question was declined for naming another place: only "and in <our place>?" goes back to it
            boolean backHome = f.ownPlace() && !f.otherPlaces() && f.tokens() <= SHORT && f.namedTopics().isEmpty();
            return backHome ? new FollowUp(f.context().get()) : decide(withoutContext(f));
        }
        if (f.context().isEmpty()) {
            boolean sureOfSomething = f.confident() && f.topKind() != Intent.Kind.OUT_OF_SCOPE;
            // "und in Euro?" as a first message leans on nothing; a whole question naming the report's place doesn't lean
            boolean leaning = leaningAspect && f.tokens() <= MAX_FOLLOW_UP_TOKENS && !f.ownPlace();
            return leaning && f.namedTopics().isEmpty() && !f.otherPlaces() && !sureOfSomething
                    ? new NoContext() : new Fresh();
        }
        List<String> last = f.context().get().topics();
        boolean topicElsewhere = f.topKind() == Intent.Kind.TOPIC && !last.contains(f.topIntent());
        if (f.namedTopics().stream().anyMatch(t -> !last.contains(t) && f.likelyIntents().contains(t))) {
            return new Fresh(); // "und die Einhörner?": another topic, by its own words
        }
        // "why?", "wieso das?": a short question for reasons that names no topic asks about the last answer
        boolean asksWhy = f.aspects().contains(Aspect.WHY) && f.tokens() <= SHORT && f.namedTopics().isEmpty();
        // "which ones are they?", "wer betreibt die?": a short question for names that names no topic, the same
        boolean asksNames = f.aspects().contains(Aspect.NAMES) && f.tokens() <= SHORT && f.namedTopics().isEmpty();
        // "und weltweit?" leans on the last answer; "who leads worldwide in AI?" is a question of its own
        boolean worldOnly = f.followUps().equals(Set.of(FollowUpAspect.WORLD));
        boolean leansByFollowUp = !f.followUps().isEmpty() && (!worldOnly || f.tokens() <= SHORT || f.pointsBack());
        // "and back in 2016?", "und 2022?": a short turn that names a year and no topic asks the last topic for it
        boolean asksAYear = f.namesAYear() && f.tokens() <= SHORT && last.containsAll(f.namedTopics()) && !f.otherPlaces();
        boolean asksOfTheLast = leansByFollowUp || leaningAspect || asksWhy || asksNames || asksAYear;
        if (f.confident() && f.topKind() != Intent.Kind.TOPIC && !asksOfTheLast) {
            return new Fresh(); // "danke!", "tell me a joke"
        }
        if (topicElsewhere && f.topScore() >= SURE_OF_ANOTHER_TOPIC && f.tokens() > 4) {
            return new Fresh();
        }
        if (topicElsewhere && f.topScore() >= SURE_OF_A_LONGER_TURN && f.tokens() > SHORT) {
            return new Fresh(); // "and large models in Beijing, how many?" after the global race: a question of its own
        }
        if (f.namedTopics().stream().anyMatch(last::contains) && last.contains(f.topIntent()) && f.tokens() > 4
                && f.confident()) {
            return new Fresh(); // a full question about the same topic: the normal path answers it best
        }
        if (asksOfTheLast && f.tokens() <= MAX_FOLLOW_UP_TOKENS) {
            return new FollowUp(f.context().get());
        }
        boolean sureElsewhere = f.confident() && topicElsewhere && f.topScore() >= POINTING_BACK_LOSES;
        if (f.pointsBack() && f.tokens() <= SHORT && !sureElsewhere) {
            return new FollowUp(f.context().get()); // "and that?", "und davon?"
        }
        if (f.echoesLast() && !f.confident() && f.tokens() <= MAX_FOLLOW_UP_TOKENS && !f.otherPlaces()) {
            return new FollowUp(f.context().get()); // "in wie vielen Ländern?" after "… in 31 Ländern"
        }
        return new Fresh();
    }
}
