package io.reportbot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reportbot.engine.Engine;
import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs labelled questions through an engine and measures how it did (accuracy, out-of-scope rejection,
 * per-intent precision/recall/F1, confusions, every miss). The same code serves the {@code eval} command
 * and the test suite's floors.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** Reads a JSON-lines file of {@link LabelledQuestion}s (blank lines and lines starting with # are skipped). */
    public static List<LabelledQuestion> read(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        List<LabelledQuestion> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    LabelledQuestion q = mapper.readValue(line, LabelledQuestion.class);
                    if (q.text() == null || q.intent() == null) {
                        throw new EngineLoadException(file + " line " + n + ": needs \"text\" and \"intent\"");
                    }
                    out.add(q);
                } catch (IOException e) {
                    throw new EngineLoadException(file + " line " + n + " is not a JSON object: " + e.getMessage(), e);
                }
            }
        } catch (CharacterCodingException e) {
            throw new EngineLoadException("cannot read " + file + ": it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new EngineLoadException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The labels that name no known intent, sorted. {@value LabelledQuestion#OUT_OF_SCOPE} is always known, and
     * a multi-topic label "a+b" is known when each part is.
     */
    public static SortedSet<String> unknownIntents(List<LabelledQuestion> questions, Set<String> known) {
        SortedSet<String> unknown = new TreeSet<>();
        for (LabelledQuestion q : questions) {
            for (String part : q.intent().split("\\+", -1)) {
                if (!part.equals(LabelledQuestion.OUT_OF_SCOPE) && !known.contains(part)) {
                    unknown.add(q.intent());
                }
            }
        }
        return unknown;
    }

    /** The "lang" labels other than de and en (a missing lang is fine: it isn't measured), sorted. */
    public static SortedSet<String> unknownLanguages(List<LabelledQuestion> questions) {
        SortedSet<String> unknown = new TreeSet<>();
        for (LabelledQuestion q : questions) {
            if (q.lang() != null && Arrays.stream(Language.values())
                    .noneMatch(l -> l.code().equalsIgnoreCase(q.lang()))) {
                unknown.add(q.lang());
            }
        }
        return unknown;
    }

    /**
     * One engine reply per question, in order. A question on its own is its own conversation; the turns of a
     * labelled conversation share one, so that follow-ups are answered with what came before.
     */
    public static List<Reply> answer(Engine engine, List<LabelledQuestion> questions) {
        List<Reply> replies = new ArrayList<>(questions.size());
        String run = java.util.UUID.randomUUID().toString();
        int i = 0;
        for (LabelledQuestion q : questions) {
            String id = q.inConversation() ? "eval-" + run + "-c-" + q.conversation() : "eval-" + run + "-" + i;
            replies.add(engine.answer(Inbound.of(q.text(), id, "eval")));
            i++;
        }
        return replies;
    }

    /**
     * Measures the turns of labelled conversations: first turns and follow-up turns apart, each by intent and
     * by intent plus expected figures.
     */
    public static ConversationResult measureConversations(List<LabelledQuestion> turns, List<Reply> replies) {
        List<LabelledQuestion> firstQ = new ArrayList<>();
        List<Reply> firstR = new ArrayList<>();
        List<LabelledQuestion> followQ = new ArrayList<>();
        List<Reply> followR = new ArrayList<>();
        List<ConversationResult.TurnMiss> misses = new ArrayList<>();
        int firstFull = 0;
        int followFull = 0;
        for (int i = 0; i < turns.size(); i++) {
            LabelledQuestion q = turns.get(i);
            Reply r = replies.get(i);
            boolean intentRight = decided(r).equals(q.intent());
            boolean full = intentRight && q.expect().stream().allMatch(r.text()::contains);
            if (q.followup()) {
                followQ.add(q);
                followR.add(r);
                followFull += full ? 1 : 0;
            } else {
                firstQ.add(q);
                firstR.add(r);
                firstFull += full ? 1 : 0;
            }
            if (!full) {
                misses.add(new ConversationResult.TurnMiss(q.conversation(), q.followup(), q.text(), q.intent(),
                        decided(r), intentRight ? "figures" : "intent"));
            }
        }
        long conversations = turns.stream().map(LabelledQuestion::conversation).distinct().count();
        return new ConversationResult((int) conversations, measure(firstQ, firstR), ratio(firstFull, firstQ.size()),
                measure(followQ, followR), ratio(followFull, followQ.size()), misses);
    }

    /** What the engine decided for a question: its intent, or out_of_scope when it declined. */
    public static String decided(Reply r) {
        return r.fallback() ? LabelledQuestion.OUT_OF_SCOPE : r.intent();
    }

    /** Measures replies against their labels. */
    public static EvalResult measure(List<LabelledQuestion> questions, List<Reply> replies) {
        return measure(questions, replies, 0.0);
    }

    /**
     * Measures replies against their labels, as if every reply whose top score is below {@code threshold}
     * had been declined (for the threshold sweep; 0 measures the replies as they are).
     */
    public static EvalResult measure(List<LabelledQuestion> questions, List<Reply> replies, double threshold) {
        int n = questions.size();
        int correct = 0;
        int inScope = 0;
        int inScopeCorrect = 0;
        int oos = 0;
        int oosRejected = 0;
        int langRight = 0;
        int withExpect = 0;
        int expectRight = 0;
        Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn, support
        Map<String, Integer> confusions = new HashMap<>();
        List<EvalResult.Miss> misses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LabelledQuestion q = questions.get(i);
            Reply r = replies.get(i);
            double score = r.ranking().isEmpty() ? r.confidence() : r.ranking().get(0).score();
            String got = score < threshold ? LabelledQuestion.OUT_OF_SCOPE : decided(r);
            boolean ok = got.equals(q.intent());
            counts.computeIfAbsent(q.intent(), k -> new int[4])[3]++;
            if (ok) {
                correct++;
                counts.get(q.intent())[0]++;
            } else {
                counts.get(q.intent())[2]++;
                counts.computeIfAbsent(got, k -> new int[4])[1]++;
                confusions.merge(q.intent() + "\u0000" + got, 1, Integer::sum);
                misses.add(new EvalResult.Miss(q.text(), q.intent(), got, score, "intent"));
            }
            if (q.outOfScope()) {
                oos++;
                if (got.equals(LabelledQuestion.OUT_OF_SCOPE)) {
                    oosRejected++;
                }
            } else {
                inScope++;
                if (ok) {
                    inScopeCorrect++;
                }
            }
            if (q.lang() == null || q.lang().equalsIgnoreCase(r.language().code())) {
                langRight++;
            } else if (ok) {
                misses.add(new EvalResult.Miss(q.text(), q.lang(), r.language().code(), score, "language"));
            }
            if (!q.expect().isEmpty()) {
                withExpect++;
                if (q.expect().stream().allMatch(r.text()::contains)) {
                    expectRight++;
                } else if (ok) {
                    misses.add(new EvalResult.Miss(q.text(), String.join(" ", q.expect()), r.text(), score, "answer"));
                }
            }
        }
        Map<String, EvalResult.IntentStats> per = new TreeMap<>();
        for (String intent : new TreeSet<>(counts.keySet())) {
            int[] c = counts.get(intent);
            double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double rc = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            double f1 = p + rc == 0 ? 0 : 2 * p * rc / (p + rc);
            per.put(intent, new EvalResult.IntentStats(c[3], p, rc, f1));
        }
        List<EvalResult.Confusion> conf = confusions.entrySet().stream()
                .map(e -> {
                    String[] k = e.getKey().split("\u0000", 2);
                    return new EvalResult.Confusion(k[0], k[1], e.getValue());
                })
                .sorted(Comparator.comparingInt(EvalResult.Confusion::count).reversed()
                        .thenComparing(EvalResult.Confusion::expected))
                .limit(10)
                .toList();
        return new EvalResult(n, inScope, ratio(correct, n), ratio(inScopeCorrect, inScope), ratio(oosRejected, oos),
                ratio(langRight, n), ratio(expectRight, withExpect), per, conf, misses);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
