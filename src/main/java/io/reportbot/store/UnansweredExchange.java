package io.reportbot.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reportbot.engine.IntentScore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves kept questions between the store and the unanswered-questions log format (JSON lines: time, text, language,
 * top, platform, asker), so that {@code review} still reads an export and nothing collected in a log file before the
 * store existed is lost. An import skips lines already in the store (same time and text), so importing twice adds
 * nothing; unreadable lines are skipped and counted.
 *
 * <p>Stateless; thread-safe.
 */
public final class UnansweredExchange {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an import did. */
    public record Imported(int added, int alreadyThere, int unreadable) {
    }

    private UnansweredExchange() {
    }

    /** Writes every kept question asked since {@code since}, oldest first; returns how many. */
    public static int export(QuestionStore store, Instant since, Writer out) throws IOException {
        int n = 0;
        for (InboxEntry e : store.kept(since)) {
            ObjectNode o = JSON.createObjectNode();
            o.put("time", e.time().toString());
            o.put("text", e.text());
            o.put("language", e.language());
            ArrayNode top = o.putArray("top");
            e.ranking().forEach(s -> top.addObject().put("intent", s.intent()).put("score", s.score()));
            o.put("platform", e.platform());
            o.put("fallback", e.fallback());
            out.write(o.toString());
            out.write('\n');
            n++;
        }
        out.flush();
        return n;
    }

    /** Reads an unanswered-questions log into the store, as fallbacks of the given report. */
    public static Imported importLog(QuestionStore store, Path file, String report) throws IOException {
        Set<String> seen = new HashSet<>();
        store.kept(Instant.EPOCH).forEach(e -> seen.add(e.time().toEpochMilli() + "\u0000" + e.text()));
        List<StoredQuestion> batch = new ArrayList<>();
        int already = 0;
        int broken = 0;
        int added = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                StoredQuestion q;
                try {
                    q = parse(JSON.readTree(line), report);
                } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
                    broken++;
                    continue;
                }
                if (!seen.add(q.time().toEpochMilli() + "\u0000" + q.text())) {
                    already++;
                    continue;
                }
                batch.add(q);
                if (batch.size() == 500) {
                    store.insert(batch);
                    added += batch.size();
                    batch.clear();
                }
            }
        }
        store.insert(batch);
        return new Imported(added + batch.size(), already, broken);
    }

    static StoredQuestion parse(JsonNode n, String report) {
        String text = n.path("text").asText("");
        if (text.isBlank() || !n.hasNonNull("time")) {
            throw new IllegalArgumentException("a line needs time and text");
        }
        List<IntentScore> top = new ArrayList<>();
        n.path("top").forEach(t -> top.add(new IntentScore(t.path("intent").asText("?"), t.path("score").asDouble(0))));
        double confidence = top.isEmpty() ? 0 : top.get(0).score();
        boolean fallback = n.path("fallback").asBoolean(true);
        return new StoredQuestion(Instant.parse(n.path("time").asText()), n.path("platform").asText("other"), report,
                n.path("language").asText("?"), fallback ? "fallback" : top.isEmpty() ? "fallback" : top.get(0).intent(),
                confidence, fallback, 0, n.path("asker").asText(""), text, top);
    }
}
