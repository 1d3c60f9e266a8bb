package io.reportbot.admin;

import io.reportbot.engine.IntentScore;
import io.reportbot.engine.Reply;
import io.reportbot.engine.Suggestion;
import io.reportbot.eval.EvalResult;
import io.reportbot.eval.LabelledQuestion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the page shows into plain maps and lists for JSON. Texts go out as data; the page puts them into the
 * document with {@code textContent} only, so no text is ever read as markup. Stateless.
 */
final class Views {

    private Views() {
    }

    static Map<String, Object> inbox(List<Inbox.Group> groups, InboxActions actions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Inbox.Group g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", g.count());
            m.put("ids", g.members().stream().map(Inbox.Member::id).toList());
            List<Map<String, Object>> questions = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Inbox.Member member : g.members()) {
                if (seen.size() < 10 && seen.add(member.text())) {
                    questions.add(Map.of("text", member.text(), "language", member.language(),
                            "platform", member.platform(), "time", member.time()));
                }
            }
            m.put("questions", questions);
            m.put("top", g.top());
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("canEdit", actions.canEdit());
        body.put("intents", actions.intents());
        body.put("groups", out);
        return body;
    }

    static Map<String, Object> reply(Reply r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", r.text());
        m.put("language", r.language().code());
        m.put("intent", r.intent());
        m.put("confidence", Math.round(r.confidence() * 1000) / 1000.0);
        m.put("fallback", r.fallback());
        List<Map<String, Object>> top = new ArrayList<>();
        for (IntentScore s : r.ranking()) {
            top.add(Map.of("intent", s.intent(), "score", Math.round(s.score() * 1000) / 1000.0));
        }
        m.put("top", top);
        m.put("suggestions", r.suggestions().stream().map(Suggestion::label).toList());
        return m;
    }

    static Map<String, Object> figures(EvalResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("questions", r.questions());
        m.put("accuracy", r.accuracy());
        m.put("inScopeAccuracy", r.inScopeAccuracy());
        m.put("outOfScopeRejection", r.outOfScopeRejection());
        m.put("languageAccuracy", r.languageAccuracy());
        m.put("answerAccuracy", r.answerAccuracy());
        return m;
    }

    static Map<String, Object> retrain(Retrainer retrainer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("busy", retrainer.busy());
        m.put("sets", retrainer.suite().sets().stream().map(EvalSuite.LabelledSet::name).toList());
        m.put("skipped", retrainer.suite().skipped());
        Retrainer.Outcome o = retrainer.last();
        if (o == null) {
            return m;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("started", o.started().toEpochMilli());
        out.put("finished", o.finished() == null ? null : o.finished().toEpochMilli());
        out.put("swapped", o.swapped());
        out.put("message", o.message());
        out.put("broken", o.broken());
        List<Map<String, Object>> sets = new ArrayList<>();
        if (o.after() != null) {
            o.after().sets().forEach((name, after) -> {
                EvalSuite.SetRun before = o.before() == null ? null : o.before().sets().get(name);
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("set", name);
                s.put("before", before == null ? null : figures(before.result()));
                s.put("after", figures(after.result()));
                List<Map<String, Object>> intents = new ArrayList<>();
                after.result().perIntent().forEach((intent, stats) -> {
                    EvalResult.IntentStats was = before == null ? null : before.result().perIntent().get(intent);
                    Map<String, Object> i = new LinkedHashMap<>();
                    i.put("intent", intent);
                    i.put("before", was == null ? null : was.f1());
                    i.put("after", stats.f1());
                    intents.add(i);
                });
                s.put("intents", intents);
                List<Map<String, Object>> worse = new ArrayList<>();
                for (LabelledQuestion q : o.worse().getOrDefault(name, List.of())) {
                    worse.add(Map.of("text", q.text(), "expected", q.intent()));
                }
                s.put("worse", worse);
                sets.add(s);
            });
        }
        out.put("sets", sets);
        m.put("outcome", out);
        return m;
    }

    static Map<String, Object> quality(Retrainer retrainer, String wanted) {
        Map<String, Object> m = new LinkedHashMap<>();
        EvalSuite.Run run = retrainer.current();
        List<String> names = retrainer.suite().sets().stream().map(EvalSuite.LabelledSet::name).toList();
        m.put("sets", names);
        m.put("ready", run != null);
        if (run == null || names.isEmpty()) {
            return m;
        }
        String set = names.contains(wanted) ? wanted : names.get(0);
        EvalSuite.SetRun sr = run.sets().get(set);
        m.put("set", set);
        m.put("measuredAt", run.at().toEpochMilli());
        m.put("figures", figures(sr.result()));
        m.put("perIntent", sr.result().perIntent());
        List<String> labels = EvalSuite.labels(sr.matrix());
        List<List<Integer>> cells = new ArrayList<>();
        int max = 0;
        for (String expected : labels) {
            List<Integer> row = new ArrayList<>();
            for (String got : labels) {
                int n = sr.matrix().getOrDefault(expected, Map.of()).getOrDefault(got, 0);
                max = Math.max(max, n);
                row.add(n);
            }
            cells.add(row);
        }
        m.put("labels", labels);
        m.put("matrix", cells);
        m.put("max", max);
        return m;
    }
}
