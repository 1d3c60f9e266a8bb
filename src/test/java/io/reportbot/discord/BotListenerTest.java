package io.reportbot.discord;

import io.reportbot.adapter.ScriptedEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import io.reportbot.adapter.RateGate;
import io.reportbot.ops.BotEvents;
import io.reportbot.state.RateLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The mapping from JDA events to engine calls and from replies to Discord messages, on mocked events. */
class BotListenerTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Engine engine = spy(new ScriptedEngine());
    private final InFlight inFlight = new InFlight();
    private BotListener listener = listener(10);

    private BotListener listener(int rateLimit) {
        // the engine runs on the calling thread, so a reply is sent before the handler returns
        return new BotListener(engine, DiscordFormatter.messages(), gate(rateLimit, 1000, BotEvents.NONE), inFlight,
                Runnable::run, timer, Duration.ofSeconds(2));
    }

    static RateGate gate(int perUser, int perChannel, BotEvents events) {
        return new RateGate("discord", RateLimits.inProcess(), events,
                RateGate.Allowance.user(new RateLimits.Limit(perUser, Duration.ofMinutes(1))),
                RateGate.Allowance.chat(new RateLimits.Limit(perChannel, Duration.ofMinutes(1))));
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void askPassesTheQuestionWithTheUserLocaleAsHintAndRepliesWithAnEmbed() {
        SlashCommandInteractionEvent event = slash("ask", DiscordLocale.GERMAN, "Wie viele Einhörner gibt es?");
        ReplyCallbackAction action = replyAction(event);

        listener.onSlashCommandInteraction(event);

        ArgumentCaptor<Inbound> inbound = ArgumentCaptor.forClass(Inbound.class);
        verify(engine).answer(inbound.capture());
        assertThat(inbound.getValue().text()).isEqualTo("Wie viele Einhörner gibt es?");
        assertThat(inbound.getValue().languageHint()).contains(Language.DE);
        assertThat(inbound.getValue().platform()).isEqualTo("discord");
        assertThat(inbound.getValue().conversationId()).isEqualTo("discord:555:777");
        MessageEmbed embed = sent(event).getEmbeds().get(0);
        assertThat(embed.getDescription()).isEqualTo(ScriptedEngine.UNICORNS_DE);
        assertThat(embed.getFields().get(0).getName()).isEqualTo("Quelle");
        assertThat(embed.getFooter().getText()).isEqualTo(ScriptedEngine.REPORT_DE);
        verify(action, never()).setEphemeral(true);
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void aLocaleReportbotDoesNotSpeakFallsBackToEnglish() {
        SlashCommandInteractionEvent event = slash("ask", DiscordLocale.FRENCH, "Unicorns 2024?");
        replyAction(event);
        listener.onSlashCommandInteraction(event);
        ArgumentCaptor<Inbound> inbound = ArgumentCaptor.forClass(Inbound.class);
        verify(engine).answer(inbound.capture());
        assertThat(inbound.getValue().languageHint()).contains(Language.EN);
        assertThat(sent(event).getEmbeds().get(0).getDescription()).isEqualTo(ScriptedEngine.UNICORNS_EN);
    }

    @Test
    void aFallbackBecomesButtonsWithCompactIds() {
        SlashCommandInteractionEvent event = slash("ask", DiscordLocale.ENGLISH_US, "What is the weather like?");
        replyAction(event);
        listener.onSlashCommandInteraction(event);
        List<String> ids = buttons(sent(event)).stream().map(Button::getCustomId).toList();
        assertThat(ids).containsExactly("rb:t:en:unicorns", "rb:t:en:funding", "rb:t:en:universities");
    }

    @Test
    void anEmptyQuestionGetsAnEphemeralHintAndNoEngineCall() {
        SlashCommandInteractionEvent event = slash("ask", DiscordLocale.GERMAN, "   ");
        ReplyCallbackAction action = replyAction(event);
        listener.onSlashCommandInteraction(event);
        verify(engine, never()).answer(any());
        verify(action).setEphemeral(true);
        assertThat(sent(event).getContent()).isEqualTo("Bitte geben Sie eine Frage ein.");
    }

    @Test
    void anEngineFailureGetsAnEphemeralApologyAndTheListenerKeepsWorking() {
        SlashCommandInteractionEvent failing = slash("ask", DiscordLocale.ENGLISH_US, "boom");
        ReplyCallbackAction action = replyAction(failing);
        listener.onSlashCommandInteraction(failing);
        verify(action).setEphemeral(true);
        assertThat(sent(failing).getContent()).startsWith("Sorry, something went wrong");

        SlashCommandInteractionEvent next = slash("ask", DiscordLocale.ENGLISH_US, "How many unicorns?");
        replyAction(next);
        listener.onSlashCommandInteraction(next);
        assertThat(sent(next).getEmbeds()).hasSize(1);
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void anExceptionInTheHandlerItselfIsCaught() {
        SlashCommandInteractionEvent event = slash("ask", DiscordLocale.GERMAN, "Wie viele Einhörner?");
        when(event.getOption("question")).thenThrow(new IllegalStateException("broken event"));
        ReplyCallbackAction action = replyAction(event);
        listener.onSlashCommandInteraction(event);
        verify(action).setEphemeral(true);
        assertThat(sent(event).getContent()).startsWith("Entschuldigung");
    }

    @Test
    void everyInteractionOverTheLimitGetsTheEphemeralNoteAndNoAnswer() {
        listener = listener(2);
        for (int i = 0; i < 2; i++) {
            SlashCommandInteractionEvent ok = slash("ask", DiscordLocale.GERMAN, "Wie viele Einhörner?");
            replyAction(ok);
            listener.onSlashCommandInteraction(ok);
            assertThat(sent(ok).getEmbeds()).hasSize(1);
        }
        SlashCommandInteractionEvent third = slash("ask", DiscordLocale.GERMAN, "Wie viele Einhörner?");
        ReplyCallbackAction thirdAction = replyAction(third);
        listener.onSlashCommandInteraction(third);
        verify(thirdAction).setEphemeral(true);
        assertThat(sent(third).getContent()).startsWith("Sie fragen schneller");

        for (int i = 0; i < 3; i++) {
            SlashCommandInteractionEvent more = slash("ask", DiscordLocale.GERMAN, "Wie viele Einhörner?");
            ReplyCallbackAction action = replyAction(more);
            listener.onSlashCommandInteraction(more);
            verify(action).setEphemeral(true);
            assertThat(sent(more).getContent()).as("acknowledged once, with the note").startsWith("Sie fragen schneller");
        }
        verify(engine, times(2)).answer(any());
    }

    @Test
    void anUnknownCommandGetsAnEphemeralApology() {
        SlashCommandInteractionEvent event = slash("frobnicate", DiscordLocale.GERMAN, null);
        ReplyCallbackAction action = replyAction(event);
        listener.onSlashCommandInteraction(event);
        verify(action).setEphemeral(true);
    }

    @Test
    void topicsReportAndHelpUseTheUserLocale() {
        SlashCommandInteractionEvent topics = slash("topics", DiscordLocale.GERMAN, null);
        replyAction(topics);
        listener.onSlashCommandInteraction(topics);
        assertThat(buttons(sent(topics))).extracting(Button::getLabel).containsExactly("Einhörner", "Investitionen", "Universitäten");

        SlashCommandInteractionEvent report = slash("report", DiscordLocale.ENGLISH_UK, null);
        replyAction(report);
        listener.onSlashCommandInteraction(report);
        MessageEmbed embed = sent(report).getEmbeds().get(0);
        assertThat(embed.getTitle()).isEqualTo(ScriptedEngine.REPORT_EN);
        assertThat(embed.getFields().get(0).getName()).isEqualTo("Key figures");

        SlashCommandInteractionEvent help = slash("help", DiscordLocale.GERMAN, null);
        replyAction(help);
        listener.onSlashCommandInteraction(help);
        assertThat(sent(help).getEmbeds().get(0).getDescription()).isEqualTo(engine.message(Language.DE, "help"));
    }

    @Test
    void autocompleteSuggestsInTheUserLocale() {
        CommandAutoCompleteInteractionEvent event = mock(CommandAutoCompleteInteractionEvent.class);
        when(event.getName()).thenReturn("ask");
        when(event.getUserLocale()).thenReturn(DiscordLocale.GERMAN);
        AutoCompleteQuery typed = new AutoCompleteQuery(option("question", "invest"));
        when(event.getFocusedOption()).thenReturn(typed);
        AutoCompleteCallbackAction action = mock(AutoCompleteCallbackAction.class);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<Command.Choice>> choices = ArgumentCaptor.forClass(Collection.class);
        when(event.replyChoices(choices.capture())).thenReturn(action);

        listener.onCommandAutoCompleteInteraction(event);

        assertThat(choices.getValue()).extracting(Command.Choice::getAsString)
                .containsExactly("Investitionen", "Wie hoch waren die Investitionen 2024?");
    }

    @Test
    void aButtonOfReportbotAnswersItsTopicInItsLanguage() {
        ButtonInteractionEvent event = button("rb:t:de:funding", DiscordLocale.ENGLISH_US);
        replyAction(event);
        listener.onButtonInteraction(event);
        verify(engine).answerTopic(eq("funding"), eq(Language.DE), eq("discord:555:777"), eq("discord"));
        MessageEmbed embed = sent(event).getEmbeds().get(0);
        assertThat(embed.getTitle()).isEqualTo("Investitionen");
        assertThat(embed.getDescription()).isEqualTo(ScriptedEngine.FUNDING_DE);
    }

    @Test
    void buttonIdsReportbotDidNotMakeAreRejected() {
        for (String forged : new String[] {"rb:t:de:secret-topic", "rb:t:fr:funding", "other-bot:funding", "", "rb:t:de:"}) {
            ButtonInteractionEvent event = button(forged, DiscordLocale.GERMAN);
            ReplyCallbackAction action = replyAction(event);
            listener.onButtonInteraction(event);
            verify(action).setEphemeral(true);
            assertThat(sent(event).getContent()).contains("Button");
        }
        verify(engine, never()).answerTopic(anyString(), any(), anyString(), anyString());
    }

    @Test
    void userLanguageMapsDiscordLocales() {
        assertThat(Interactions.userLanguage(DiscordLocale.GERMAN)).isEqualTo(Language.DE);
        assertThat(Interactions.userLanguage(DiscordLocale.ENGLISH_UK)).isEqualTo(Language.EN);
        assertThat(Interactions.userLanguage(DiscordLocale.JAPANESE)).isEqualTo(Language.EN);
        assertThat(Interactions.userLanguage(DiscordLocale.UNKNOWN)).isEqualTo(Language.EN);
        assertThat(Interactions.userLanguage(null)).isEqualTo(Language.EN);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static SlashCommandInteractionEvent slash(String name, DiscordLocale locale, String question) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        when(event.getName()).thenReturn(name);
        common(event, locale);
        if (question != null) {
            OptionMapping option = option("question", question);
            when(event.getOption("question")).thenReturn(option);
        }
        return event;
    }

    private static ButtonInteractionEvent button(String id, DiscordLocale locale) {
        ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
        when(event.getComponentId()).thenReturn(id);
        common(event, locale);
        return event;
    }

    private static void common(IReplyCallback event, DiscordLocale locale) {
        when(event.getUserLocale()).thenReturn(locale);
        when(event.getId()).thenReturn("999");
        when(event.getTimeCreated()).thenAnswer(i -> java.time.OffsetDateTime.now()); // fresh: answered directly
        when(event.getChannelId()).thenReturn("555");
        User user = mock(User.class);
        when(user.getIdLong()).thenReturn(777L);
        when(user.getId()).thenReturn("777");
        when(event.getUser()).thenReturn(user);
    }

    private static OptionMapping option(String name, String value) {
        OptionMapping option = mock(OptionMapping.class);
        when(option.getName()).thenReturn(name);
        when(option.getAsString()).thenReturn(value);
        when(option.getType()).thenReturn(net.dv8tion.jda.api.interactions.commands.OptionType.STRING);
        return option;
    }

    private static ReplyCallbackAction replyAction(IReplyCallback event) {
        ReplyCallbackAction action = mock(ReplyCallbackAction.class, RETURNS_SELF);
        when(action.submit()).thenReturn(CompletableFuture.completedFuture(null));
        when(event.reply(any(MessageCreateData.class))).thenReturn(action);
        return action;
    }

    private static MessageCreateData sent(IReplyCallback event) {
        ArgumentCaptor<MessageCreateData> data = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(event).reply(data.capture());
        return data.getValue();
    }

    private static List<Button> buttons(MessageCreateData data) {
        return data.getComponents().stream().map(c -> (ActionRow) c)
                .flatMap(r -> r.getButtons().stream()).toList();
    }


    /** Records what the listener reports, as "kind:platform:detail". */
    private static final class RecordingEvents implements io.reportbot.ops.BotEvents {
        final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void rateLimited(String platform, String scope) {
            seen.add("rateLimited:" + platform + ":" + scope);
        }

        @Override
        public void notAllowed(String platform) {
            seen.add("notAllowed:" + platform);
        }
    }

    @Test
    void outsideTheAllowListNothingIsAnsweredAndNothingIsSaid() {
        RecordingEvents events = new RecordingEvents();
        BotListener guarded = new BotListener(engine, DiscordFormatter.messages(), gate(10, 10, events),
                (guild, channel) -> channel == 556L, events, inFlight, Runnable::run, timer, Duration.ofSeconds(2),
                InteractionLedger.LOCAL);
        SlashCommandInteractionEvent event = slash("ask", DiscordLocale.GERMAN, "Wie viele Einhörner gibt es?");
        when(event.getChannelIdLong()).thenReturn(555L);
        replyAction(event);

        guarded.onSlashCommandInteraction(event);

        verify(engine, never()).answer(any());
        verify(event, never()).reply(any(MessageCreateData.class));
        assertThat(events.seen).containsExactly("notAllowed:discord");
    }

    @Test
    void theChannelLimitCountsEveryoneInTheChannel() {
        RecordingEvents events = new RecordingEvents();
        BotListener limited = new BotListener(engine, DiscordFormatter.messages(), gate(10, 1, events),
                BotListener.Access.EVERYWHERE, events, inFlight, Runnable::run, timer, Duration.ofSeconds(2),
                InteractionLedger.LOCAL);
        SlashCommandInteractionEvent first = slash("ask", DiscordLocale.GERMAN, "Wie viele Einhörner gibt es?");
        when(first.getChannelIdLong()).thenReturn(555L);
        replyAction(first);
        limited.onSlashCommandInteraction(first);

        SlashCommandInteractionEvent second = slash("ask", DiscordLocale.GERMAN, "Wie viele Einhörner gibt es?");
        when(second.getChannelIdLong()).thenReturn(555L);
        when(second.getUser().getIdLong()).thenReturn(778L);
        ReplyCallbackAction action = replyAction(second);
        limited.onSlashCommandInteraction(second);

        verify(engine, times(1)).answer(any());
        verify(action).setEphemeral(true);
        assertThat(events.seen).containsExactly("rateLimited:discord:chat");
    }
}
