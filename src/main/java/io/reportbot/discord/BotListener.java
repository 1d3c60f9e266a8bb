package io.reportbot.discord;

import io.reportbot.adapter.ButtonCodec;
import io.reportbot.adapter.RateGate;
import io.reportbot.text.TextBundle;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import io.reportbot.engine.Suggestion;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import io.reportbot.ops.BotEvents;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Discord interactions into engine calls and the engine's replies into Discord messages.
 *
 * <p>The JDA event thread only parses and checks; the engine runs on {@code workers}, and {@link DeferredReply}
 * sends the answer within Discord's 3-second window. Every interaction is acknowledged once: with the answer,
 * or an ephemeral note (rate limit, unknown button, empty question). An exception anywhere ends in an ephemeral
 * "something went wrong" and a log entry; the bot keeps running ({@link DeferredReply#guarded}). Messages that mention
 * the bot are {@link MentionListener}'s.
 *
 * <p>Thread-safe: JDA may call it from several shards at once.
 */
final class BotListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(BotListener.class);
    private static final String PLATFORM = Interactions.PLATFORM;

    private final Engine engine;
    private final CommandCatalog catalog;
    private final DiscordFormatter formatter;
    private final Autocomplete autocomplete;
    private final RateGate gate;
    private final Access access;
    private final BotEvents events;
    private final DeferredReply replies;
    private final Set<String> knownTopics;
    /** Whether an interaction is this process's to answer (shared between processes when Redis is set). */
    private final InteractionLedger ledger;

    /** Where the bot may answer: a guild id (null for a direct message) and a channel id. */
    @FunctionalInterface
    interface Access {
        Access EVERYWHERE = (guild, channel) -> true;

        boolean allowed(Long guildId, long channelId);
    }

    BotListener(Engine engine, TextBundle messages, RateGate gate, InFlight inFlight, Executor workers,
                ScheduledExecutorService timer, Duration deferAfter) {
        this(engine, messages, gate, Access.EVERYWHERE, BotEvents.NONE, inFlight, workers, timer, deferAfter,
                InteractionLedger.LOCAL);
    }

    /**
     * @param gate    the per-user and per-channel rate limits
     * @param access  the allow-list; interactions elsewhere are ignored silently
     * @param events  where errors, reconnects and rate-limited messages are reported
     * @param ledger  keeps two processes from answering one interaction
     */
    BotListener(Engine engine, TextBundle messages, RateGate gate, Access access, BotEvents events, InFlight inFlight,
                Executor workers, ScheduledExecutorService timer, Duration deferAfter, InteractionLedger ledger) {
        this.ledger = ledger;
        this.access = access;
        this.events = events;
        this.engine = engine;
        this.catalog = new CommandCatalog(messages);
        this.formatter = new DiscordFormatter(messages);
        this.autocomplete = new Autocomplete(engine);
        this.gate = gate;
        this.replies = new DeferredReply(formatter, events, inFlight, workers, timer, deferAfter, Clock.systemUTC());
        this.knownTopics = DiscordFormatter.topicIds(engine);
    }

    CommandCatalog catalog() {
        return catalog;
    }

    // ---- slash commands ---------------------------------------------------------------------------

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!allowedHere(event)) {
            return;
        }
        Language ui = Interactions.userLanguage(event.getUserLocale());
        replies.guarded(event, ui, () -> {
            Optional<CommandCatalog.Cmd> cmd = catalog.find(event.getName());
            if (cmd.isEmpty()) {
                LOG.warn("unknown command '{}' (registered by another version?)", ButtonCodec.forLog(event.getName()));
                replies.notice(event, ui, "error.generic");
                return;
            }
            if (!admitted(event, ui)) {
                return;
            }
            switch (cmd.get()) {
                case ASK -> ask(event, ui);
                case TOPICS -> reply(event, () -> List.of(formatter.topics(ui, engine.topics(ui), knownTopics::contains)));
                case REPORT -> reply(event, () -> List.of(formatter.report(ui, engine.report(ui, conversationId(event)))));
                case HELP -> reply(event, () -> List.of(formatter.help(ui, engine.message(ui, "help"),
                        engine.exampleQuestions(ui))));
                default -> throw new IllegalStateException("unhandled command " + cmd.get());
            }
        });
    }

    private void ask(SlashCommandInteractionEvent event, Language ui) {
        OptionMapping option = event.getOption(catalog.questionOption());
        String question = option == null ? "" : option.getAsString().strip();
        if (question.isEmpty()) {
            replies.notice(event, ui, "error.emptyQuestion");
            return;
        }
        OptionMapping report = event.getOption(catalog.reportOption());
        Inbound inbound = new Inbound(question, conversationId(event), PLATFORM, Optional.of(ui),
                Optional.ofNullable(report).map(OptionMapping::getAsString).map(String::strip));
        reply(event, () -> {
            Reply r = engine.answer(inbound);
            return formatter.answer(r, question, engine.report(r.language(), inbound.conversationId()).title(),
                    knownTopics::contains);
        });
    }

    // ---- autocomplete -----------------------------------------------------------------------------

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!access.allowed(event.getGuild() == null ? null : event.getGuild().getIdLong(), event.getChannelIdLong())) {
            events.notAllowed(PLATFORM);
            return;
        }
        try {
            boolean ask = catalog.find(event.getName()).filter(c -> c == CommandCatalog.Cmd.ASK).isPresent();
            boolean ours = ask && catalog.questionOption().equals(event.getFocusedOption().getName());
            boolean reportOption = ask && catalog.reportOption().equals(event.getFocusedOption().getName());
            Language ul = Interactions.userLanguage(event.getUserLocale());
            var choices = ours ? autocomplete.choices(event.getFocusedOption().getValue(), ul)
                    : reportOption ? reportChoices(event.getFocusedOption().getValue(), ul)
                    : List.<net.dv8tion.jda.api.interactions.commands.Command.Choice>of();
            event.replyChoices(choices).queue(null, e -> LOG.warn("autocomplete reply failed: {}", e.toString()));
        } catch (RuntimeException e) {
            LOG.error("autocomplete failed", e);
        }
    }

    /** The served reports whose id or title contains what was typed (at most 25, Discord's limit). */
    private List<net.dv8tion.jda.api.interactions.commands.Command.Choice> reportChoices(String typed, Language lang) {
        String t = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
        return engine.reports(lang).stream()
                .filter(r -> r.topicId().toLowerCase(java.util.Locale.ROOT).contains(t)
                        || r.label().toLowerCase(java.util.Locale.ROOT).contains(t))
                .limit(25)
                .map(r -> new net.dv8tion.jda.api.interactions.commands.Command.Choice(
                        r.label().length() > 100 ? r.label().substring(0, 100) : r.label(), r.topicId()))
                .toList();
    }

    // ---- buttons ----------------------------------------------------------------------------------

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (!allowedHere(event)) {
            return;
        }
        Language ui = Interactions.userLanguage(event.getUserLocale());
        replies.guarded(event, ui, () -> {
            Optional<ButtonCodec.TopicButton> click = DiscordFormatter.BUTTONS.decode(event.getComponentId())
                    .filter(c -> knownTopics.contains(c.topicId()));
            if (click.isEmpty()) {
                LOG.warn("rejected a button id reportbot did not make: {}", ButtonCodec.forLog(event.getComponentId()));
                replies.notice(event, ui, "error.unknownButton");
                return;
            }
            if (!admitted(event, ui)) {
                return;
            }
            Language lang = click.get().language();
            String topicId = click.get().topicId();
            String conversation = conversationId(event);
            reply(event, () -> {
                Reply r = engine.answer(Inbound.topicChoice(topicId, conversation, PLATFORM, lang));
                String label = engine.topics(lang).stream().filter(s -> s.topicId().equals(topicId))
                        .map(Suggestion::label).findFirst().orElse("");
                return formatter.answer(r, label, engine.report(r.language(), conversation).title(), knownTopics::contains);
            });
        });
    }

    // ---- the reply ----------------------------------------------------------------------------------

    /** Computes the messages on a worker and sends them within Discord's window (see {@link DeferredReply}). */
    private void reply(IReplyCallback event, Supplier<List<MessageCreateData>> work) {
        replies.send(event, work);
    }

    /** Applies the per-user and per-channel rate limits; false (after an ephemeral note) when over one. */
    private boolean admitted(IReplyCallback event, Language ui) {
        if (gate.admit(Long.toUnsignedString(event.getUser().getIdLong()),
                Long.toUnsignedString(event.getChannelIdLong())) == RateGate.Verdict.ADMIT) {
            return true;
        }
        // an interaction unanswered shows "The application did not respond"; the note is ephemeral, so unlike
        // a mention it floods nobody else: every interaction over the limit gets it
        replies.notice(event, ui, "ratelimit.exceeded");
        return false;
    }

    /**
     * The allow-list check; an interaction elsewhere is ignored silently (and counted). False too, silently, when
     * another process took the interaction already (see {@link InteractionLedger}).
     */
    private boolean allowedHere(IReplyCallback event) {
        Long guild = event.getGuild() == null ? null : event.getGuild().getIdLong();
        if (access.allowed(guild, event.getChannelIdLong())) {
            return ledger.firstTime(event.getIdLong());
        }
        events.notAllowed(PLATFORM);
        LOG.debug("interaction {} ignored: not on discord.allowedGuilds / discord.allowedChannels", event.getId());
        return false;
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
        events.retry(PLATFORM, "io");
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        events.retry(PLATFORM, "io");
    }

    private static String conversationId(IReplyCallback event) {
        return Interactions.conversationId(event.getChannelId(), event.getUser().getId());
    }
}
