package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.admin.AdminServer;
import io.reportbot.core.Language;
import io.reportbot.engine.FallbackListener;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Questions from the page's "Try it" do not land in the unanswered-questions log; everyone else's do. */
class EngineOptionsTryItTest {

    @Test
    void tryItFallbacksAreNotLogged() {
        List<String> logged = new ArrayList<>();
        FallbackListener listener = EngineOptions.skipTryIt((q, r) -> logged.add(q.platform() + ":" + q.text()));
        Reply fallback = new Reply(Language.DE, "fallback", 0.1, true, "…", List.of(), List.of(), List.of());
        listener.fellBack(Inbound.of("Wetter?", "c1", "telegram"), fallback);
        listener.fellBack(Inbound.of("Wetter?", "admin-1", AdminServer.TRY_IT_PLATFORM), fallback);
        assertThat(logged).containsExactly("telegram:Wetter?");
    }
}
