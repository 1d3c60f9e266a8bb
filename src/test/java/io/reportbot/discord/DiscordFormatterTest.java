package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import io.reportbot.engine.ReportInfo;
import io.reportbot.engine.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** Answers fit Discord's limits however long the engine's parts are. */
class DiscordFormatterTest {
    private final DiscordFormatter formatter = new DiscordFormatter(DiscordFormatter.messages());

    @Test
    void anAnswerIsAnEmbedWithTitleSourceAndReportName() {
        Reply reply = reply(Language.DE, "Es gibt 28 Einhörner.", List.of("Quelle A."), List.of());
        List<MessageCreateData> out = formatter.answer(reply, "Wie viele?", "Der Bericht", t -> true);
        assertThat(out).hasSize(1);
        MessageEmbed e = out.get(0).getEmbeds().get(0);
        assertThat(e.getTitle()).isEqualTo("Wie viele?");
        assertThat(e.getDescription()).isEqualTo("Es gibt 28 Einhörner.");
        assertThat(e.getFields()).extracting(MessageEmbed.Field::getName, MessageEmbed.Field::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Quelle", "> Quelle A."));
        assertThat(e.getFooter().getText()).isEqualTo("Der Bericht");
        assertThat(out.get(0).getComponents()).isEmpty();
    }

    @Test
    void severalSourcesAreQuotedUnderOneHeading() {
        Reply reply = reply(Language.EN, "Yes.", List.of("One.", "Two.", "One."), List.of());
        MessageEmbed e = formatter.answer(reply, "", "R", t -> true).get(0).getEmbeds().get(0);
        assertThat(e.getFields().get(0).getName()).isEqualTo("Sources");
        assertThat(e.getFields().get(0).getValue()).isEqualTo("> One.\n> Two.");
        assertThat(e.getTitle()).isNull();
    }

    @Test
    void everythingStaysWithinDiscordsLimitsWhateverTheInput() {
        String huge = "Wort ".repeat(20_000);
        List<String> sources = IntStream.range(0, 50).mapToObj(i -> "Quelle " + i + " " + "x".repeat(300)).toList();
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            suggestions.add(new Suggestion("topic-" + i, "Label ".repeat(30)));
        }
        suggestions.add(new Suggestion("topic-1", "duplicate"));
        Reply reply = reply(Language.DE, huge, sources, suggestions);

        List<MessageCreateData> out = formatter.answer(reply, "Frage ".repeat(100), "Bericht ".repeat(500), t -> true);

        assertThat(out).hasSize(DiscordFormatter.MAX_MESSAGES);
        for (MessageCreateData m : out) {
            assertThat(m.getContent().length()).isLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH);
            int total = 0;
            for (MessageEmbed e : m.getEmbeds()) {
                assertThat(e.isSendable()).isTrue();
                assertThat(e.getDescription().length()).isLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
                if (e.getTitle() != null) {
                    assertThat(e.getTitle().length()).isLessThanOrEqualTo(MessageEmbed.TITLE_MAX_LENGTH);
                }
                e.getFields().forEach(f -> assertThat(f.getValue().length()).isLessThanOrEqualTo(MessageEmbed.VALUE_MAX_LENGTH));
                total += e.getLength();
            }
            assertThat(total).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        }
        MessageEmbed last = out.get(out.size() - 1).getEmbeds().get(0);
        assertThat(last.getDescription()).endsWith(io.reportbot.adapter.TextSplitter.ELLIPSIS);
        assertThat(last.getTitle()).isEqualTo("(Fortsetzung)");
        List<Button> buttons = buttons(out.get(out.size() - 1));
        assertThat(buttons).hasSize(DiscordFormatter.MAX_BUTTONS);
        assertThat(buttons).allSatisfy(b -> assertThat(b.getLabel().length()).isLessThanOrEqualTo(Button.LABEL_MAX_LENGTH));
        assertThat(buttons.stream().map(Button::getCustomId).distinct()).hasSize(buttons.size());
    }

    @Test
    void onlyKnownTopicsBecomeButtons() {
        Reply reply = reply(Language.EN, "Hm.", List.of(), List.of(new Suggestion("known", "Known"),
                new Suggestion("unknown", "Unknown"), new Suggestion("bad id!", "Bad")));
        List<Button> buttons = buttons(formatter.answer(reply, "", "R", "known"::equals).get(0));
        assertThat(buttons).extracting(Button::getCustomId).containsExactly("rb:t:en:known");
    }

    @Test
    void reportShowsSummaryAndKeyFigures() {
        MessageCreateData m = formatter.report(Language.DE, new ReportInfo("Titel", "Zusammenfassung.", List.of("28 Einhörner", "2.400 Mio. Yuan")));
        MessageEmbed e = m.getEmbeds().get(0);
        assertThat(e.getTitle()).isEqualTo("Titel");
        assertThat(e.getFields().get(0).getName()).isEqualTo("Kennzahlen");
        assertThat(e.getFields().get(0).getValue()).isEqualTo("• 28 Einhörner\n• 2.400 Mio. Yuan");
    }

    @Test
    void topicsWithoutTopicsSaySo() {
        MessageCreateData m = formatter.topics(Language.EN, List.of(), t -> true);
        assertThat(m.getContent()).isEqualTo("The report lists no topics.");
        assertThat(m.getComponents()).isEmpty();
    }

    private static Reply reply(Language lang, String text, List<String> sources, List<Suggestion> suggestions) {
        return new Reply(lang, "i", 1.0, false, text, suggestions, List.of(), sources);
    }

    private static List<Button> buttons(MessageCreateData data) {
        return data.getComponents().stream().flatMap(c -> c.asActionRow().getButtons().stream()).toList();
    }
}
