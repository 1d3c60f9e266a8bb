package io.reportbot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.reportbot.core.Language;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A decorator built on ForwardingEngine loses no call, the several-report ones included. */
class ForwardingEngineTest {

    @Test
    void everyCallReachesTheWrappedEngine() {
        Engine inner = mock(Engine.class);
        Reply picked = new Reply(Language.EN, "fallback", 0, true, "From now on …", List.of(), List.of(), List.of());
        ReportInfo info = new ReportInfo("AI Index", "summary", List.of());
        List<Suggestion> reports = List.of(new Suggestion("ai-index-2024", "AI Index"));
        when(inner.reports(Language.EN)).thenReturn(reports);
        when(inner.pickReport("c1", "ai-index-2024", Language.EN)).thenReturn(picked);
        when(inner.report(Language.EN, "c1")).thenReturn(info);
        when(inner.detectLanguage("hi", Optional.empty())).thenReturn(Language.EN);
        when(inner.message(Language.DE, "help")).thenReturn("Hilfe");
        Engine decorated = new ForwardingEngine(inner) {
        };
        assertThat(decorated.reports(Language.EN)).isEqualTo(reports);
        assertThat(decorated.pickReport("c1", "ai-index-2024", Language.EN)).isSameAs(picked);
        assertThat(decorated.report(Language.EN, "c1")).isSameAs(info);
        assertThat(decorated.detectLanguage("hi", Optional.empty())).isEqualTo(Language.EN);
        assertThat(decorated.message(Language.DE, "help")).isEqualTo("Hilfe");
    }
}
