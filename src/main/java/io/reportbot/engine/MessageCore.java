package io.reportbot.engine;

import io.reportbot.nlp.ChatWords;
import io.reportbot.nlp.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a chat message that asks something. Greetings, thanks, addresses and fillers ("Guten Morgen!
 * Kurze Frage:", "yo bot,", "@reportbot", "Leute,", "… danke!") are cut off at the start and the end, as
 * whole clauses or as a run of words before the question, so they never win over it; a message that is
 * nothing but small talk stays as it is. Statements around a question ("Ich schreibe eine Arbeit über … .
 * Wie viele …?", "… ? I'm writing a newsletter.") are dropped when the questions alone clearly name a topic. The words are data
 * ({@link ChatWords}). Immutable and thread-safe.
 */
final class MessageCore {

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}])@[\\p{L}\\p{N}_.]+");
    /** Clause ends: punctuation followed by a space or the end (not the "," in "4,3"), or a line break. */
    private static final Pattern CLAUSE_END = Pattern.compile("[.!?;:,\u2026]+(?=\\s|$)|\\R+|\\s[-\u2013\u2014]\\s");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\u2026]+(?=\\s|$)|\\R+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final ChatWords words;
    private final Predicate<String> clearlyAsksATopic;

    /**
     * @param words             the small-talk words
     * @param clearlyAsksATopic whether a text on its own names a topic with confidence (decides whether a
     *                          question may drop the statements before it)
     */
    MessageCore(ChatWords words, Predicate<String> clearlyAsksATopic) {
        this.words = words;
        this.clearlyAsksATopic = clearlyAsksATopic;
    }

    /**
     * What {@link #cut} found.
     *
     * @param core          the asking part of a message; the message itself when it is all small talk
     * @param smallTalkOnly whether every clause is greetings, thanks or fillers
     */
    record Cut(String core, boolean smallTalkOnly) {
    }

    /** The asking part of a message; the message itself when it is all small talk. */
    String of(String text) {
        return cut(text).core();
    }

    /** The asking part of a message, and whether there is one. */
    Cut cut(String text) {
        String t = text.indexOf('@') < 0 ? text.strip() : MENTION.matcher(text).replaceAll(" ").strip();
        List<int[]> clauses = spans(t, CLAUSE_END);
        int first = -1;
        int last = -1;
        for (int i = 0; i < clauses.size(); i++) {
            if (!smallTalk(t.substring(clauses.get(i)[0], clauses.get(i)[1]))) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return new Cut(text, true);
        }
        String core = t.substring(clauses.get(first)[0], clauses.get(last)[1]).strip();
        core = trimWords(core);
        return new Cut(questionAfterStatements(core), false);
    }

    /** Whether the message is nothing but small talk: every clause is greetings, thanks or fillers. */
    boolean smallTalkOnly(String text) {
        String t = MENTION.matcher(text).replaceAll(" ").strip();
        return spans(t, CLAUSE_END).stream().allMatch(s -> smallTalk(t.substring(s[0], s[1])));
    }

    private boolean smallTalk(String clause) {
        List<String> tokens = TextNormalizer.tokens(clause);
        return tokens.isEmpty() || words.smallTalkRun(tokens, 0) == tokens.size();
    }

    /**
     * Cuts a run of small-talk words at the start ("hey bot thanks how many …") and at the end ("… thx"), but not
     * at the end of a question ("sind die gut?").
     */
    private String trimWords(String core) {
        List<String> quick = TextNormalizer.tokens(core);
        if (words.smallTalkRun(quick, 0) == 0 && words.smallTalkEnding(quick, quick.size()) == 0) {
            return core; // the common case: nothing to cut
        }
        List<int[]> w = spans(core, null);
        List<String> tokens = new ArrayList<>(w.size());
        for (int[] s : w) {
            tokens.add(TextNormalizer.normalize(core.substring(s[0], s[1])));
        }
        int lead = words.smallTalkRun(tokens, 0);
        if (lead >= tokens.size()) {
            return core;
        }
        int end = tokens.size();
        // a word right before the question mark belongs to the question ("sind die gut?"), not to a thank-you after it
        boolean endsAsking = core.endsWith("?");
        for (int n = endsAsking ? 0 : words.smallTalkEnding(tokens, end); n > 0 && end - n >= lead + 2;
                n = words.smallTalkEnding(tokens, end)) {
            end -= n;
        }
        int from = lead == 0 ? 0 : w.get(lead)[0];
        int to = end == tokens.size() ? core.length() : w.get(end - 1)[1];
        return core.substring(from, to).strip();
    }

    /**
     * "Ich recherchiere über China. Wie viele KI-Firmen gibt es?" → the question, when it names a topic alone; and
     * within one sentence, the clause a question starts with after a preamble ("ich schreib grad ne Hausarbeit und
     * brauch eine Zahl: wie viel …?", "so I was reading about …, how much did the fund invest?"), when the message as a
     * whole names no topic clearly and that clause does.
     */
    private String questionAfterStatements(String core) {
        String question = questionSentences(core);
        if (question.length() < core.length()) {
            return question;
        }
        List<int[]> clauses = spans(core, CLAUSE_END);
        if (clauses.size() < 2 || TextNormalizer.tokens(core).size() < MIN_PREAMBLE_MESSAGE_WORDS
                || clearlyAsksATopic.test(core)) {
            return core;
        }
        for (int i = 1; i < clauses.size(); i++) {
            String tail = core.substring(clauses.get(i)[0]).strip();
            if (TextNormalizer.tokens(tail).size() >= MIN_QUESTION_WORDS && clearlyAsksATopic.test(tail)) {
                return tail;
            }
        }
        return core;
    }

    /** A message with a preamble before its question has at least this many words; shorter ones are not cut. */
    private static final int MIN_PREAMBLE_MESSAGE_WORDS = 12;
    /** A question after a preamble has at least this many words ("wie viel ist er wert"). */
    private static final int MIN_QUESTION_WORDS = 3;

    private String questionSentences(String core) {
        List<int[]> sentences = spans(core, SENTENCE_END);
        if (sentences.size() < 2) {
            return core;
        }
        int firstQuestion = -1;
        for (int i = 0; i < sentences.size(); i++) {
            if (core.substring(sentences.get(i)[0], sentences.get(i)[1]).strip().endsWith("?")) {
                firstQuestion = i;
                break;
            }
        }
        if (firstQuestion < 0) {
            return core;
        }
        StringBuilder questions = new StringBuilder();
        boolean statements = false;
        for (int[] span : sentences) {
            String sentence = core.substring(span[0], span[1]).strip();
            if (sentence.endsWith("?")) {
                questions.append(questions.length() == 0 ? "" : " ").append(sentence);
            } else {
                statements = true;
            }
        }
        String question = questions.toString();
        return statements && clearlyAsksATopic.test(question) ? question : core;
    }

    /** Spans [start, end) of the pieces between separators, each with its own closing punctuation; words when sep is null. */
    private static List<int[]> spans(String s, Pattern sep) {
        List<int[]> out = new ArrayList<>();
        if (sep == null) {
            Matcher m = WORD.matcher(s);
            while (m.find()) {
                out.add(new int[] {m.start(), m.end()});
            }
            return out;
        }
        Matcher m = sep.matcher(s);
        int start = 0;
        while (m.find()) {
            if (m.end() > start) {
                out.add(new int[] {start, m.end()});
            }
            start = m.end();
        }
        if (start < s.length()) {
            out.add(new int[] {start, s.length()});
        }
        out.removeIf(span -> s.substring(span[0], span[1]).isBlank());
        return out;
    }
}
