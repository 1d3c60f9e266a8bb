package io.reportbot.engine;

/**
 * Something the user may mean or ask next; adapters show it as a button.
 *
 * @param topicId the topic to answer when it is chosen: pass it to {@link Engine#answerTopic}; always one of the
 *                ids of {@link Engine#topics}, so an adapter may reject any other id a button claims to carry
 * @param label   the text to show, already in the reply's language
 */
public record Suggestion(String topicId, String label) {
}
