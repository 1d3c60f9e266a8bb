package io.reportbot.engine;

import io.reportbot.core.Language;
import java.util.List;
import java.util.Optional;

/**
 * An engine that hands every call to another one: the base of decorators (metrics, the question store) that
 * override only what they add to, so that no method of {@link Engine} — the several-report ones included — is ever
 * lost on the way. Thread-safe when the engine it wraps is.
 */
public abstract class ForwardingEngine implements Engine {

    /** The engine every call goes to. */
    protected final Engine delegate;

    protected ForwardingEngine(Engine delegate) {
        this.delegate = delegate;
    }

    @Override
    public Reply answer(Inbound inbound) {
        return delegate.answer(inbound);
    }

    @Override
    public Reply answerTopic(String topicId, Language language, String conversationId, String platform) {
        return delegate.answerTopic(topicId, language, conversationId, platform);
    }

    @Override
    public List<Suggestion> topics(Language language) {
        return delegate.topics(language);
    }

    @Override
    public List<String> exampleQuestions(Language language) {
        return delegate.exampleQuestions(language);
    }

    @Override
    public ReportInfo report(Language language) {
        return delegate.report(language);
    }

    @Override
    public Language detectLanguage(String text, Optional<Language> hint) {
        return delegate.detectLanguage(text, hint);
    }

    @Override
    public String message(Language language, String key) {
        return delegate.message(language, key);
    }

    @Override
    public List<Suggestion> reports(Language language) {
        return delegate.reports(language);
    }

    @Override
    public ReportInfo report(Language language, String conversationId) {
        return delegate.report(language, conversationId);
    }

    @Override
    public Reply pickReport(String conversationId, String reportId, Language language) {
        return delegate.pickReport(conversationId, reportId, language);
    }
}
