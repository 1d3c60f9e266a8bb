package io.reportbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.report.Fact;
import io.reportbot.report.Report;
import io.reportbot.report.ReportLoader;
import io.reportbot.report.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueRendererTest {

    private final Report report = new ReportLoader().loadBundled();
    private final Wording wording = new Wording();
    private final ValueRenderer renderer = new ValueRenderer(wording, new NumberFormatter(wording), report);

    /** The placeholder scan fills what the regex filled, in every answer template and in odd ones. */
    @Test
    void fillsExactlyWhatThePlaceholderRegexFills() {
        Map<String, Value> all = new HashMap<>();
        for (Fact f : report.facts()) {
            all.putAll(f.values());
            for (Language l : Language.values()) {
                String template = f.answer().get(l);
                assertThat(renderer.fill(template, f.values(), l)).isEqualTo(renderer.fillByRegex(template, f.values(), l));
            }
        }
        List<String> names = new ArrayList<>(all.keySet());
        names.add("nope");
        String[] pieces = {"{", "}", ".", "bare", "eur", "yoy", "share", "X", "_", "9", " ", "$1", "\\", "{{", ".}"};
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder t = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                t.append(random.nextInt(3) == 0 ? names.get(random.nextInt(names.size())) : pieces[random.nextInt(pieces.length)]);
            }
            String template = t.toString();
            Language l = Language.values()[random.nextInt(Language.values().length)];
            assertThat(renderer.fill(template, all, l)).as(template).isEqualTo(renderer.fillByRegex(template, all, l));
        }
    }
}
