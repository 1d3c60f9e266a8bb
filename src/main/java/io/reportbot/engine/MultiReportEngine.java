package io.reportbot.engine;

import io.reportbot.answer.Wording;
import io.reportbot.core.Language;
import io.reportbot.report.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several reports in one process. Each question goes to one report: the one the question picks (Discord's
 * {@code report:} option), else the one the conversation picked ({@code /report ID}) or was last answered from,
 * else the one the configuration gives for the chat; when none is set, every report's engine reads the
 * question and, if exactly one of them answers a topic with confidence, that report answers and names itself;
 * otherwise the default report answers. Conversations remember their report. Each report's engine keeps its
 * own conversation context (ids are namespaced by report). Thread-safe: the only mutable state is the shared,
 * thread-safe {@link Conversations} store.
 */
final class MultiReportEngine implements Engine {

    /** One report this engine serves. */
    record Served(String id, Text title, Engine engine) {
    }

    private final Map<String, Served> reports;
    private final String defaultId;
    private final Map<String, String> byConversation;
    private final Conversations conversations;
    private final Wording wording;
    private final FallbackListener listener;

    MultiReportEngine(List<Served> served, Optional<String> defaultReport, Map<String, String> byConversation,
                      Conversations conversations, Wording wording, FallbackListener listener) {
        Map<String, Served> m = new LinkedHashMap<>();
        served.forEach(s -> m.put(s.id(), s));
        this.reports = java.util.Collections.unmodifiableMap(m);
        this.defaultId = defaultReport.orElse(served.get(0).id());
        if (!reports.containsKey(defaultId)) {
            throw new io.reportbot.core.EngineLoadException("the default report \"" + defaultId + "\" is not served "
                    + "(served: " + reports.keySet() + ")");
        }
        byConversation.forEach((conv, id) -> {
            if (!reports.containsKey(id)) {
                throw new io.reportbot.core.EngineLoadException("the report \"" + id + "\" configured for " + conv
                        + " is not served (served: " + reports.keySet() + ")");
            }
        });
        this.byConversation = Map.copyOf(byConversation);
        this.conversations = conversations;
        this.wording = wording;
        this.listener = listener;
    }

    @Override
    public Reply answer(Inbound inbound) {
        Reply reply = route(inbound);
        FallbackListener.tell(listener, inbound, reply);
        return reply;
    }

    private Reply route(Inbound inbound) {
        String conv = inbound.conversationId();
        if (inbound.report().isPresent()) {
            String id = inbound.report().get();
            Served s = reports.get(id);
            if (s == null) {
                Language lang = reports.get(defaultId).engine().detectLanguage(inbound.text(), inbound.languageHint());
                return notice(lang, wording.format(lang, "multi.unknown", id, list(lang)));
            }
            conversations.putReport(conv, id);
            return s.engine().answer(within(s, inbound));
        }
        Optional<String> chosen = conversations.report(conv).or(() -> configured(conv));
        if (chosen.isPresent() && reports.containsKey(chosen.get())) {
            return reports.get(chosen.get()).engine().answer(within(reports.get(chosen.get()), inbound));
        }
        Map<String, Reply> replies = new LinkedHashMap<>();
        for (Served s : reports.values()) {
            replies.put(s.id(), s.engine().answer(within(s, inbound)));
        }
        List<String> confident = replies.entrySet().stream().filter(e -> answersATopic(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (confident.size() == 1) {
            String id = confident.get(0);
            conversations.putReport(conv, id);
            return named(replies.get(id), reports.get(id));
        }
        Reply fallbackReply = replies.get(defaultId);
        if (answersATopic(fallbackReply)) {
            conversations.putReport(conv, defaultId);
        }
        return fallbackReply;
    }

    private static boolean answersATopic(Reply r) {
        return !r.fallback() && !r.factIds().isEmpty();
    }

    /** The report configured for a conversation: its id, or the longest configured prefix ending at a ':'. */
    private Optional<String> configured(String conv) {
        String best = null;
        for (String key : byConversation.keySet()) {
            if ((conv.equals(key) || conv.startsWith(key + ":")) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return Optional.ofNullable(best).map(byConversation::get);
    }

    private static Inbound within(Served s, Inbound in) {
        return new Inbound(in.text(), s.id() + "|" + in.conversationId(), in.platform(), in.languageHint(),
                in.languageFixed(), in.report(), in.chosenTopic());
    }

    private Reply named(Reply r, Served s) {
        String from = wording.format(r.language(), "multi.from", s.title().get(r.language()));
        return new Reply(r.language(), r.intent(), r.confidence(), r.fallback(), from + "\n" + r.text(), r.suggestions(),
                r.factIds(), r.sources(), r.ranking());
    }

    private Reply notice(Language lang, String text) {
        return new Reply(lang, DefaultEngine.FALLBACK, 0, true, text, List.of(), List.of(), List.of(), List.of());
    }

    private String list(Language lang) {
        return reports.values().stream().map(s -> s.id() + " (" + s.title().get(lang) + ")")
                .collect(Collectors.joining(", "));
    }

    @Override
    public Reply answerTopic(String topicId, Language language, String conversationId, String platform) {
        Language lang = language == null ? Language.DE : language;
        Optional<String> current = conversations.report(conversationId).or(() -> configured(conversationId));
        List<Served> order = new ArrayList<>();
        current.map(reports::get).ifPresent(order::add);
        reports.values().stream().filter(s -> !order.contains(s)).forEach(order::add);
        for (Served s : order) {
            if (s.engine().topics(lang).stream().anyMatch(t -> t.topicId().equals(topicId))) {
                conversations.putReport(conversationId, s.id());
                return s.engine().answerTopic(topicId, lang, s.id() + "|" + conversationId, platform);
            }
        }
        Served d = reports.get(defaultId);
        return d.engine().answerTopic(topicId, lang, d.id() + "|" + conversationId, platform);
    }

    /** Every served report's topics, in report order (a topic id two reports share is listed once). */
    @Override
    public List<Suggestion> topics(Language language) {
        Map<String, Suggestion> all = new LinkedHashMap<>();
        reports.values().forEach(s -> s.engine().topics(language).forEach(t -> all.putIfAbsent(t.topicId(), t)));
        return List.copyOf(all.values());
    }

    @Override
    public List<String> exampleQuestions(Language language) {
        Set<String> all = new LinkedHashSet<>();
        reports.values().forEach(s -> all.addAll(s.engine().exampleQuestions(language)));
        return List.copyOf(all);
    }

    @Override
    public ReportInfo report(Language language) {
        return reports.get(defaultId).engine().report(language);
    }

    @Override
    public ReportInfo report(Language language, String conversationId) {
        String id = conversations.report(conversationId).or(() -> configured(conversationId)).orElse(defaultId);
        return reports.getOrDefault(id, reports.get(defaultId)).engine().report(language);
    }

    @Override
    public Language detectLanguage(String text, Optional<Language> hint) {
        return reports.get(defaultId).engine().detectLanguage(text, hint);
    }

    @Override
    public String message(Language language, String key) {
        Language lang = language == null ? Language.DE : language;
        if (key.startsWith("multi.")) {
            return wording.format(lang, key, list(lang));
        }
        return reports.get(defaultId).engine().message(lang, key);
    }

    @Override
    public List<Suggestion> reports(Language language) {
        Language lang = language == null ? Language.DE : language;
        return reports.values().stream().map(s -> new Suggestion(s.id(), s.title().get(lang))).toList();
    }

    @Override
    public Reply pickReport(String conversationId, String reportId, Language language) {
        Language lang = language == null ? Language.DE : language;
        String id = reportId == null ? "" : reportId.strip();
        if (id.isEmpty()) {
            String current = conversations.report(conversationId).or(() -> configured(conversationId)).orElse(null);
            return notice(lang, wording.format(lang, "multi.list", list(lang),
                    current == null ? wording.get(lang, "multi.none_picked") : reports.get(current).title().get(lang)));
        }
        Served s = reports.get(id);
        if (s == null) {
            return notice(lang, wording.format(lang, "multi.unknown", id, list(lang)));
        }
        conversations.putReport(conversationId, id);
        return new Reply(lang, "report", 1.0, false, wording.format(lang, "multi.picked", s.title().get(lang)),
                List.of(), List.of(), List.of(), List.of());
    }
}
