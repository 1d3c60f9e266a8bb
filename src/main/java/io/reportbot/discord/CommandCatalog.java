package io.reportbot.discord;

import io.reportbot.text.TextBundle;
import io.reportbot.core.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * reportbot's slash commands, with their names and descriptions in English (Discord's default) and
 * German ({@link DiscordLocale#GERMAN}), read from the resource bundles.
 *
 * <p>Discord always reports the default (English) name of a command in an interaction, whatever the
 * user's locale, so {@link #find} maps that name back to a {@link Cmd}. Immutable and thread-safe.
 */
final class CommandCatalog {

    /** The commands; the key prefixes the bundle keys ({@code command.<key>.name}). */
    enum Cmd {
        ASK("ask"), TOPICS("topics"), REPORT("report"), HELP("help");

        final String key;

        Cmd(String key) {
            this.key = key;
        }
    }

    /** The bundle key of /ask's question option. */
    static final String QUESTION_KEY = "command.ask.option.question";
    /** The bundle key of /ask's optional report option (which report to answer from, when several are served). */
    static final String REPORT_KEY = "command.ask.option.report";

    private final TextBundle messages;
    private final Map<String, Cmd> byName;
    private final String questionOption;

    CommandCatalog(TextBundle messages) {
        this.messages = messages;
        this.byName = Arrays.stream(Cmd.values()).collect(Collectors.toUnmodifiableMap(this::name, Function.identity()));
        this.questionOption = messages.get(Language.EN, QUESTION_KEY + ".name");
    }

    /** The command with this default (English) name, as Discord reports it in an interaction. */
    Optional<Cmd> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The default name of a command. */
    String name(Cmd cmd) {
        return messages.get(Language.EN, "command." + cmd.key + ".name");
    }

    /** The default name of /ask's question option. */
    String questionOption() {
        return questionOption;
    }

    /** The default name of /ask's report option. */
    String reportOption() {
        return messages.get(Language.EN, REPORT_KEY + ".name");
    }

    /** Every command, ready to register. */
    List<SlashCommandData> commands() {
        return Arrays.stream(Cmd.values()).map(this::build).toList();
    }

    private SlashCommandData build(Cmd cmd) {
        String prefix = "command." + cmd.key;
        SlashCommandData data = Commands.slash(messages.get(Language.EN, prefix + ".name"),
                        messages.get(Language.EN, prefix + ".description"))
                .setNameLocalization(DiscordLocale.GERMAN, messages.get(Language.DE, prefix + ".name"))
                .setDescriptionLocalization(DiscordLocale.GERMAN, messages.get(Language.DE, prefix + ".description"));
        if (cmd == Cmd.ASK) {
            data.addOptions(new OptionData(OptionType.STRING,
                    messages.get(Language.EN, QUESTION_KEY + ".name"),
                    messages.get(Language.EN, QUESTION_KEY + ".description"), true, true)
                    .setMaxLength(1000)
                    .setNameLocalization(DiscordLocale.GERMAN, messages.get(Language.DE, QUESTION_KEY + ".name"))
                    .setDescriptionLocalization(DiscordLocale.GERMAN, messages.get(Language.DE, QUESTION_KEY + ".description")));
            data.addOptions(new OptionData(OptionType.STRING,
                    messages.get(Language.EN, REPORT_KEY + ".name"),
                    messages.get(Language.EN, REPORT_KEY + ".description"), false, true)
                    .setNameLocalization(DiscordLocale.GERMAN, messages.get(Language.DE, REPORT_KEY + ".name"))
                    .setDescriptionLocalization(DiscordLocale.GERMAN, messages.get(Language.DE, REPORT_KEY + ".description")));
        }
        return data;
    }
}
