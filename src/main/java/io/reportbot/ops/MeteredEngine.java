package io.reportbot.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reportbot.engine.Engine;
import io.reportbot.engine.ForwardingEngine;
import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import io.reportbot.engine.ReportInfo;
import io.reportbot.engine.Reply;
import io.reportbot.engine.Suggestion;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An {@link Engine} that counts what passes through it, so that the engine itself needs no metrics library.
 *
 * <p>Meters (Prometheus names): {@code reportbot_questions_total{platform,lang,intent}},
 * {@code reportbot_fallbacks_total{platform,lang}} (fallback rate = fallbacks / questions) and
 * {@code reportbot_answer_seconds{platform}} (a histogram). Tags come from a small fixed set: the platform is one of
 * {@link #PLATFORMS} or {@code other}, the intent is the engine's intent name. Neither the question nor any id ever
 * becomes a tag.
 *
 * <p>Thread-safe, like the engine it wraps.
 */
public final class MeteredEngine extends ForwardingEngine {

    /** The platform tags used; anything else is counted as {@code other}. */
    public static final Set<String> PLATFORMS = Set.of("telegram", "discord", "console");
    private static final Pattern INTENT = Pattern.compile("[a-z0-9_.-]{1,48}");

    private final MeterRegistry registry;

    public MeteredEngine(Engine engine, MeterRegistry registry) {
        super(engine);
        this.registry = registry;
    }

    @Override
    public Reply answer(Inbound inbound) {
        long t0 = System.nanoTime();
        Reply reply = delegate.answer(inbound);
        record(inbound.platform(), reply, System.nanoTime() - t0);
        return reply;
    }

    private void record(String rawPlatform, Reply reply, long nanos) {
        String platform = platform(rawPlatform);
        String lang = reply.language().code();
        String intent = reply.intent() != null && INTENT.matcher(reply.intent()).matches() ? reply.intent() : "other";
        registry.counter("reportbot.questions", "platform", platform, "lang", lang, "intent", intent).increment();
        if (reply.fallback()) {
            registry.counter("reportbot.fallbacks", "platform", platform, "lang", lang).increment();
        }
        Timer.builder("reportbot.answer").description("time to compute an answer").tag("platform", platform)
                .publishPercentileHistogram().register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    static String platform(String raw) {
        return raw != null && PLATFORMS.contains(raw) ? raw : "other";
    }








}
