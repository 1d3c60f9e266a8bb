package io.reportbot.discord;

import io.reportbot.text.TextBundle;
import io.reportbot.adapter.ButtonCodec;
import io.reportbot.adapter.TextSplitter;
import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import io.reportbot.engine.ReportInfo;
import io.reportbot.engine.Suggestion;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Maps the engine's neutral parts onto Discord messages: an answer becomes an embed (the answer, the
 * source quote, the report's name in the footer) and suggestions become buttons. Everything stays within
 * Discord's limits; an answer too long for one embed is split into several messages, and beyond
 * {@link #MAX_MESSAGES} it is trimmed.
 *
 * <p>Immutable and thread-safe.
 */
final class DiscordFormatter {
    /** At most this many messages for one answer (the first reply plus follow-ups). */
    static final int MAX_MESSAGES = 4;
    /** Discord's limit on buttons in one message: 5 rows of 5. */
    static final int MAX_BUTTONS = 25;

    /** Topic buttons' custom ids, within Discord's limit of 100 characters. */
    static final ButtonCodec BUTTONS = new ButtonCodec(100);

    private static final Color COLOR = new Color(0x2B6CB0);
    private static final int FOOTER_MAX = 200;

    private final TextBundle messages;

    DiscordFormatter(TextBundle messages) {
        this.messages = messages;
    }

    /** The ids of every topic the engine offers, in any language: the only ones that may become buttons. */
    static Set<String> topicIds(io.reportbot.engine.Engine engine) {
        Set<String> topics = new HashSet<>();
        for (Language l : Language.values()) {
            engine.topics(l).forEach(s -> topics.add(s.topicId()));
        }
        return Set.copyOf(topics);
    }

    /** The Discord adapter's own wording ({@code io/reportbot/discord/messages_<lang>.properties}). */
    static TextBundle messages() {
        return TextBundle.load("io.reportbot.discord.messages");
    }

    /**
     * An answer as one or more messages; the first is the reply, the rest are follow-ups.
     *
     * @param reply       the engine's reply
     * @param title       what was asked (the question or the topic's label), may be blank
     * @param reportName  the report's name, shown in the footer
     * @param knownTopic  which suggestion ids may become buttons
     */
    List<MessageCreateData> answer(Reply reply, String title, String reportName, Predicate<String> knownTopic) {
        Language lang = reply.language();
        String footer = TextSplitter.shorten(reportName, FOOTER_MAX);
        String heading = TextSplitter.shorten(title, MessageEmbed.TITLE_MAX_LENGTH);
        Optional<MessageEmbed.Field> source = sourceField(lang, reply.sources());

        List<String> parts = TextSplitter.split(reply.text(), MessageEmbed.DESCRIPTION_MAX_LENGTH);
        if (parts.size() > MAX_MESSAGES) {
            List<String> kept = new ArrayList<>(parts.subList(0, MAX_MESSAGES - 1));
            kept.add(TextSplitter.shorten(parts.get(MAX_MESSAGES - 1) + "\n" + parts.get(MAX_MESSAGES),
                    MessageEmbed.DESCRIPTION_MAX_LENGTH));
            parts = kept;
        }
        List<MessageCreateData> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            boolean first = i == 0;
            boolean last = i == parts.size() - 1;
            EmbedBuilder embed = new EmbedBuilder().setColor(COLOR).setDescription(parts.get(i));
            if (first && !heading.isEmpty()) {
                embed.setTitle(heading);
            } else if (!first) {
                embed.setTitle(TextSplitter.shorten(messages.get(lang, "answer.continued"), MessageEmbed.TITLE_MAX_LENGTH));
            }
            if (last) {
                source.ifPresent(embed::addField);
                if (!footer.isEmpty()) {
                    embed.setFooter(footer);
                }
            }
            MessageCreateBuilder message = new MessageCreateBuilder().setEmbeds(embed.build());
            if (last) {
                message.setComponents(buttons(lang, reply.suggestions(), knownTopic));
            }
            out.add(message.build());
        }
        return out;
    }

    /** The topics the report covers, as buttons under a short intro. */
    MessageCreateData topics(Language lang, List<Suggestion> topics, Predicate<String> knownTopic) {
        List<ActionRow> rows = buttons(lang, topics, knownTopic);
        String intro = messages.get(lang, rows.isEmpty() ? "topics.none" : "topics.intro");
        return new MessageCreateBuilder()
                .setContent(TextSplitter.shorten(intro, Message.MAX_CONTENT_LENGTH))
                .setAllowedMentions(List.of())
                .setComponents(rows)
                .build();
    }

    /** The report's title, summary and key figures as an embed. */
    MessageCreateData report(Language lang, ReportInfo info) {
        EmbedBuilder embed = new EmbedBuilder().setColor(COLOR)
                .setTitle(TextSplitter.shorten(info.title(), MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription(TextSplitter.shorten(info.summary(), MessageEmbed.DESCRIPTION_MAX_LENGTH));
        if (!info.keyFigures().isEmpty()) {
            embed.addField(messages.get(lang, "report.keyFigures"), bullets(info.keyFigures()), false);
        }
        return new MessageCreateBuilder().setEmbeds(embed.build()).build();
    }

    /** How to use the bot: the commands, the engine's help text and a few example questions. */
    MessageCreateData help(Language lang, String engineHelp, List<String> examples) {
        EmbedBuilder embed = new EmbedBuilder().setColor(COLOR)
                .setTitle(TextSplitter.shorten(messages.get(lang, "help.title"), MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription(TextSplitter.shorten(engineHelp, MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .addField(messages.get(lang, "help.commands"),
                        TextSplitter.shorten(messages.get(lang, "help.commandList"), MessageEmbed.VALUE_MAX_LENGTH), false);
        if (!examples.isEmpty()) {
            embed.addField(messages.get(lang, "help.examples"), bullets(examples.subList(0, Math.min(5, examples.size()))), false);
        }
        return new MessageCreateBuilder().setEmbeds(embed.build()).build();
    }

    /** A short plain-text notice (errors, the rate limit); the caller decides whether it is ephemeral. */
    MessageCreateData notice(Language lang, String key) {
        return new MessageCreateBuilder()
                .setContent(TextSplitter.shorten(messages.get(lang, key), Message.MAX_CONTENT_LENGTH))
                .setAllowedMentions(List.of())
                .build();
    }

    private Optional<MessageEmbed.Field> sourceField(Language lang, List<String> sources) {
        List<String> quotes = sources.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (quotes.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder value = new StringBuilder();
        for (String q : quotes) {
            String line = "> " + q.replace("\n", "\n> ");
            if (value.length() > 0) {
                if (value.length() + 1 + line.length() > MessageEmbed.VALUE_MAX_LENGTH) {
                    break;
                }
                value.append('\n');
            }
            value.append(line);
        }
        String name = messages.get(lang, quotes.size() == 1 ? "answer.source" : "answer.sources");
        return Optional.of(new MessageEmbed.Field(TextSplitter.shorten(name, MessageEmbed.TITLE_MAX_LENGTH),
                TextSplitter.shorten(value.toString(), MessageEmbed.VALUE_MAX_LENGTH), false));
    }

    private static List<ActionRow> buttons(Language lang, List<Suggestion> suggestions, Predicate<String> knownTopic) {
        Map<String, Button> byId = new LinkedHashMap<>();
        for (Suggestion s : suggestions) {
            if (byId.size() == MAX_BUTTONS || s.label() == null || s.label().isBlank() || !knownTopic.test(s.topicId())) {
                continue;
            }
            BUTTONS.encode(lang, s.topicId()).ifPresent(id ->
                    byId.putIfAbsent(id, Button.secondary(id, TextSplitter.shorten(s.label(), Button.LABEL_MAX_LENGTH))));
        }
        return byId.isEmpty() ? List.of() : ActionRow.partitionOf(byId.values());
    }

    private static String bullets(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            String item = TextSplitter.shorten("• " + line.strip(), MessageEmbed.VALUE_MAX_LENGTH);
            if (b.length() + item.length() + 1 > MessageEmbed.VALUE_MAX_LENGTH) {
                break;
            }
            b.append(b.length() == 0 ? "" : "\n").append(item);
        }
        return TextSplitter.shorten(b.toString(), MessageEmbed.VALUE_MAX_LENGTH);
    }
}
