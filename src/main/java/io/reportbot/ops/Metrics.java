package io.reportbot.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.reportbot.state.StateListener;
import java.util.Set;

/**
 * The process's meters, kept in a Prometheus registry, and the {@link BotEvents} the adapters report to.
 *
 * <p>Meters (Prometheus names): {@code reportbot_platform_errors_total{platform,kind}},
 * {@code reportbot_platform_retries_total{platform,reason}}, {@code reportbot_rate_limited_total{platform,scope}},
 * {@code reportbot_not_allowed_total{platform}}, {@code reportbot_state_failures_total{operation}} (shared-state
 * operations that failed or timed out and were degraded), {@code reportbot_state_available} (1 while the shared store
 * answers), plus those of {@link MeteredEngine} and a few JVM meters.
 *
 * <p>Thread-safe.
 */
public final class Metrics implements BotEvents {

    private static final Set<String> REASONS = Set.of("http_429", "http_5xx", "io");
    private static final Set<String> SCOPES = Set.of("user", "chat");
    private static final Set<String> STATE_OPERATIONS = Set.of("context", "ledger", "rate_limit", "choice", "ping");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (String platform : Set.of("telegram", "discord")) {
            // present from the start, so that rates and ratios have a zero to start from
            registry.counter("reportbot.platform.errors", "platform", platform, "kind", "send");
            registry.counter("reportbot.rate.limited", "platform", platform, "scope", "user");
            registry.counter("reportbot.rate.limited", "platform", platform, "scope", "chat");
        }
    }

    /** Counts shared-state failures and tracks its availability ({@code reportbot_state_*}). */
    public StateListener stateListener() {
        java.util.concurrent.atomic.AtomicInteger available = registry.gauge("reportbot.state.available",
                new java.util.concurrent.atomic.AtomicInteger(1));
        for (String op : STATE_OPERATIONS) {
            registry.counter("reportbot.state.failures", "operation", op);
        }
        return new StateListener() {
            @Override
            public void failed(String operation) {
                registry.counter("reportbot.state.failures", "operation",
                        STATE_OPERATIONS.contains(operation) ? operation : "other").increment();
            }

            @Override
            public void availabilityChanged(boolean up) {
                available.set(up ? 1 : 0);
            }
        };
    }

    /** The registry, for {@link MeteredEngine}. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Everything in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void platformError(String platform, String kind) {
        registry.counter("reportbot.platform.errors", "platform", MeteredEngine.platform(platform),
                "kind", word(kind)).increment();
    }

    @Override
    public void retry(String platform, String reason) {
        registry.counter("reportbot.platform.retries", "platform", MeteredEngine.platform(platform),
                "reason", REASONS.contains(reason) ? reason : "other").increment();
    }

    @Override
    public void rateLimited(String platform, String scope) {
        registry.counter("reportbot.rate.limited", "platform", MeteredEngine.platform(platform),
                "scope", SCOPES.contains(scope) ? scope : "other").increment();
    }

    @Override
    public void notAllowed(String platform) {
        registry.counter("reportbot.not.allowed", "platform", MeteredEngine.platform(platform)).increment();
    }

    private static String word(String kind) {
        return kind != null && kind.matches("[a-z_]{1,24}") ? kind : "other";
    }
}
