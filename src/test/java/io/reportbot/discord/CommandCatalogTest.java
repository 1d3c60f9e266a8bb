package io.reportbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/** Every command's name, description and localisations obey Discord's rules. */
class CommandCatalogTest {
    /** Discord's rule for CHAT_INPUT command and option names (lower case where a letter has a lower-case form). */
    private static final Pattern NAME = Pattern.compile("^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$");

    private final CommandCatalog catalog = new CommandCatalog(DiscordFormatter.messages());

    @Test
    void namesDescriptionsAndLocalisationsAreValid() {
        List<SlashCommandData> commands = catalog.commands();
        assertThat(commands).hasSize(4);
        List<String> checked = new ArrayList<>();
        for (SlashCommandData c : commands) {
            checkName(c.getName(), checked);
            checkDescription(c.getDescription(), checked);
            c.getNameLocalizations().toMap().values().forEach(n -> checkName(n, checked));
            c.getDescriptionLocalizations().toMap().values().forEach(d -> checkDescription(d, checked));
            assertThat(c.getNameLocalizations().toMap()).containsKey(DiscordLocale.GERMAN);
            assertThat(c.getDescriptionLocalizations().toMap()).containsKey(DiscordLocale.GERMAN);
            for (OptionData o : c.getOptions()) {
                checkName(o.getName(), checked);
                checkDescription(o.getDescription(), checked);
                o.getNameLocalizations().toMap().values().forEach(n -> checkName(n, checked));
                o.getDescriptionLocalizations().toMap().values().forEach(d -> checkDescription(d, checked));
                assertThat(o.getNameLocalizations().toMap()).containsKey(DiscordLocale.GERMAN);
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void theWholeRegistrationFitsDiscordsLimits() {
        for (SlashCommandData c : catalog.commands()) {
            DataObject json = c.toData();
            // name + description + option names and descriptions, in every locale: at most 4,000 characters
            int total = c.getName().length() + c.getDescription().length();
            for (Map<DiscordLocale, String> m : List.of(c.getNameLocalizations().toMap(), c.getDescriptionLocalizations().toMap())) {
                total += m.values().stream().mapToInt(String::length).sum();
            }
            for (OptionData o : c.getOptions()) {
                total += o.getName().length() + o.getDescription().length();
            }
            assertThat(total).isLessThan(4000);
            assertThat(json.getString("name")).isEqualTo(c.getName());
        }
    }

    @Test
    void askHasARequiredQuestionWithAutocomplete() {
        OptionData question = catalog.commands().get(0).getOptions().get(0);
        assertThat(question.getName()).isEqualTo(catalog.questionOption()).isEqualTo("question");
        assertThat(question.isRequired()).isTrue();
        assertThat(question.isAutoComplete()).isTrue();
        assertThat(question.getNameLocalizations().get(DiscordLocale.GERMAN)).isEqualTo("frage");
    }

    @Test
    void findsCommandsByTheirDefaultName() {
        assertThat(catalog.find("ask")).contains(CommandCatalog.Cmd.ASK);
        assertThat(catalog.find("help")).contains(CommandCatalog.Cmd.HELP);
        assertThat(catalog.find("frage")).as("Discord reports the default name, never a localised one").isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    private static void checkName(String name, List<String> checked) {
        assertThat(name).matches(NAME);
        assertThat(name).as("lower case").isEqualTo(name.toLowerCase(Locale.ROOT));
        checked.add(name);
    }

    private static void checkDescription(String description, List<String> checked) {
        assertThat(description.length()).isBetween(1, 100);
        assertThat(description).isEqualTo(description.strip());
        checked.add(description);
    }
}
