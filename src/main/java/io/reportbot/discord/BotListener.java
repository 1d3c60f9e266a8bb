package io.reportbot.discord;

import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import io.reportbot.engine.Suggestion;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import io.reportbot.ops.BotEvents;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Discord interactions into engine calls and the engine's replies into Discord messages.
 *
 * <p>The JDA event thread only parses and checks; the engine runs on {@code workers}. When an answer is
 * not ready after {@code deferAfter}, the interaction is deferred ("reportbot is thinking…") and edited
 * when the answer arrives, so Discord's 3-second window is never missed. An exception anywhere ends in
 * an ephemeral "something went wrong" and a log entry; the bot keeps running.
 *
 * <p>Thread-safe: JDA may call it from several shards at once.
 */
final class BotListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(BotListener.class);
    static final String PLATFORM = "discord";

    private static final int PENDING = 0;
    private static final int REPLIED = 1;
    private static final int DEFERRED = 2;

    private final Engine engine;
    private final CommandCatalog catalog;
    private final DiscordFormatter formatter;
    private final Autocomplete autocomplete;
    private final UserRateLimiter limiter;
    private final UserRateLimiter channelLimiter;
    private final Access access;
    private final BotEvents events;
    private final InFlight inFlight;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final Duration deferAfter;
    private final boolean answerMentions;
    private final Set<String> knownTopics;

    /** Where the bot may answer: a guild id (null for a direct message) and a channel id. */
    @FunctionalInterface
    interface Access {
        Access EVERYWHERE = (guild, channel) -> true;

        boolean allowed(Long guildId, long channelId);
    }

    BotListener(Engine engine, Messages messages, UserRateLimiter limiter, InFlight inFlight, Executor workers,
                ScheduledExecutorService timer, Duration deferAfter, boolean answerMentions) {
        this(engine, messages, limiter, new UserRateLimiter(Integer.MAX_VALUE / 2, Duration.ofMinutes(1)),
                Access.EVERYWHERE, BotEvents.NONE, inFlight, workers, timer, deferAfter, answerMentions);
    }

    /**
     * @param limiter        the per-user rate limit
     * @param channelLimiter the per-channel rate limit (keyed by channel id)
     * @param access         the allow-list; interactions elsewhere are ignored silently
     * @param events         where errors, reconnects and rate-limited messages are reported
     */
    BotListener(Engine engine, Messages messages, UserRateLimiter limiter, UserRateLimiter channelLimiter,
                Access access, BotEvents events, InFlight inFlight, Executor workers,
                ScheduledExecutorService timer, Duration deferAfter, boolean answerMentions) {
        this.channelLimiter = channelLimiter;
        this.access = access;
        this.events = events;
        this.engine = engine;
        this.catalog = new CommandCatalog(messages);
        this.formatter = new DiscordFormatter(messages);
        this.autocomplete = new Autocomplete(engine);
        this.limiter = limiter;
        this.inFlight = inFlight;
        this.workers = workers;
        this.timer = timer;
        this.deferAfter = deferAfter;
        this.answerMentions = answerMentions;
        Set<String> topics = new HashSet<>();
        for (Language l : Language.values()) {
            engine.topics(l).forEach(s -> topics.add(s.topicId()));
        }
        this.knownTopics = Set.copyOf(topics);
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
        Language ui = userLanguage(event.getUserLocale());
        guarded(event, ui, () -> {
            Optional<CommandCatalog.Cmd> cmd = catalog.find(event.getName());
            if (cmd.isEmpty()) {
                LOG.warn("unknown command '{}' (registered by another version?)", ButtonIds.forLog(event.getName()));
                replyNotice(event, ui, "error.generic");
                return;
            }
            if (!admitted(event, ui)) {
                return;
            }
            switch (cmd.get()) {
                case ASK -> ask(event, ui);
                case TOPICS -> reply(event, () -> List.of(formatter.topics(ui, engine.topics(ui), knownTopics::contains)));
                case REPORT -> reply(event, () -> List.of(formatter.report(ui, engine.report(ui))));
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
            replyNotice(event, ui, "error.emptyQuestion");
            return;
        }
        Inbound inbound = new Inbound(question, conversationId(event), PLATFORM, Optional.of(ui));
        reply(event, () -> {
            Reply r = engine.answer(inbound);
            return formatter.answer(r, question, engine.report(r.language()).title(), knownTopics::contains);
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
            boolean ours = catalog.find(event.getName()).filter(c -> c == CommandCatalog.Cmd.ASK).isPresent()
                    && catalog.questionOption().equals(event.getFocusedOption().getName());
            var choices = ours ? autocomplete.choices(event.getFocusedOption().getValue(), userLanguage(event.getUserLocale()))
                    : List.<net.dv8tion.jda.api.interactions.commands.Command.Choice>of();
            event.replyChoices(choices).queue(null, e -> LOG.warn("autocomplete reply failed: {}", e.toString()));
        } catch (RuntimeException e) {
            LOG.error("autocomplete failed", e);
        }
    }

    // ---- buttons ----------------------------------------------------------------------------------

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (!allowedHere(event)) {
            return;
        }
        Language ui = userLanguage(event.getUserLocale());
        guarded(event, ui, () -> {
            Optional<ButtonIds.TopicClick> click = ButtonIds.decode(event.getComponentId())
                    .filter(c -> knownTopics.contains(c.topicId()));
            if (click.isEmpty()) {
                LOG.warn("rejected a button id reportbot did not make: {}", ButtonIds.forLog(event.getComponentId()));
                replyNotice(event, ui, "error.unknownButton");
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
                return formatter.answer(r, label, engine.report(r.language()).title(), knownTopics::contains);
            });
        });
    }

    // ---- mentions (off unless configured) -----------------------------------------------------------

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!answerMentions) {
            return;
        }
        try {
            Message message = event.getMessage();
            User author = event.getAuthor();
            User self = event.getJDA().getSelfUser();
            if (author.isBot() || author.isSystem() || event.isWebhookMessage()
                    || !message.getMentions().isMentioned(self, Message.MentionType.USER)) {
                return;
            }
            if (!access.allowed(event.isFromGuild() ? event.getGuild().getIdLong() : null, event.getChannel().getIdLong())) {
                events.notAllowed(PLATFORM);
                return;
            }
            String text = Pattern.compile("<@!?" + self.getId() + ">").matcher(message.getContentRaw()).replaceAll(" ").strip();
            Language guess = engine.detectLanguage(text, Optional.empty());
            UserRateLimiter.Decision decision = limiter.check(author.getIdLong());
            String scope = "user";
            if (decision == UserRateLimiter.Decision.ALLOW) {
                decision = channelLimiter.check(event.getChannel().getIdLong());
                scope = "chat";
            }
            if (decision != UserRateLimiter.Decision.ALLOW) {
                events.rateLimited(PLATFORM, scope);
            }
            switch (decision) {
                case DROP -> {
                    return;
                }
                case NOTIFY -> {
                    message.reply(formatter.notice(guess, "ratelimit.exceeded")).mentionRepliedUser(false).queue();
                    return;
                }
                default -> {
                }
            }
            if (!inFlight.tryBegin()) {
                return;
            }
            Inbound inbound = Inbound.of(text, "discord:" + event.getChannel().getId() + ":" + author.getId(), PLATFORM);
            CompletableFuture.supplyAsync(() -> {
                Reply r = engine.answer(inbound);
                return formatter.answer(r, "", engine.report(r.language()).title(), knownTopics::contains);
            }, workers).thenCompose(messages -> {
                CompletableFuture<?> sent = message.reply(messages.get(0)).mentionRepliedUser(false).submit();
                for (MessageCreateData more : messages.subList(1, messages.size())) {
                    sent = sent.thenCompose(x -> event.getChannel().sendMessage(more).submit());
                }
                return sent;
            }).whenComplete((x, e) -> {
                if (e != null) {
                    events.platformError(PLATFORM, "send");
                    LOG.error("answering a mention failed: {}", e.toString());
                }
                inFlight.end();
            });
        } catch (RuntimeException e) {
            LOG.error("handling a message failed", e);
        }
    }

    // ---- the reply machinery --------------------------------------------------------------------------

    /**
     * Computes messages on a worker and sends them: directly when they are ready within
     * {@code deferAfter}, otherwise after deferring. Extra messages (long answers) follow as follow-ups.
     */
    private void reply(IReplyCallback event, Supplier<List<MessageCreateData>> work) {
        if (!inFlight.tryBegin()) {
            LOG.info("shutting down: ignoring an interaction");
            return;
        }
        try {
            send(event, work);
        } catch (RuntimeException e) {
            inFlight.end(); // nothing was scheduled, so nothing else will end it
            throw e;
        }
    }

    private void send(IReplyCallback event, Supplier<List<MessageCreateData>> work) {
        AtomicInteger state = new AtomicInteger(PENDING);
        CompletableFuture<List<MessageCreateData>> answer = CompletableFuture.supplyAsync(work, workers);
        ScheduledFuture<?> deferral = timer.schedule(() -> {
            if (state.compareAndSet(PENDING, DEFERRED)) {
                event.deferReply().queue(null, e -> LOG.warn("deferring failed: {}", e.toString()));
            }
        }, deferAfter.toMillis(), TimeUnit.MILLISECONDS);
        answer.handle((messages, error) -> {
            deferral.cancel(false);
            boolean direct = state.compareAndSet(PENDING, REPLIED);
            if (error != null) {
                events.platformError(PLATFORM, "answer");
                LOG.error("answering interaction {} failed", event.getId(), error);
                return sendError(event, direct);
            }
            CompletableFuture<?> sent = direct
                    ? event.reply(messages.get(0)).submit()
                    : event.getHook().editOriginal(MessageEditData.fromCreateData(messages.get(0))).submit();
            for (MessageCreateData more : messages.subList(1, messages.size())) {
                sent = sent.thenCompose(x -> event.getHook().sendMessage(more).submit());
            }
            return sent;
        }).thenCompose(f -> f).whenComplete((x, e) -> {
            if (e != null) {
                events.platformError(PLATFORM, "send");
                LOG.warn("sending the reply to interaction {} failed: {}", event.getId(), e.toString());
            }
            inFlight.end();
        });
    }

    private CompletableFuture<?> sendError(IReplyCallback event, boolean direct) {
        Language ui = userLanguage(event.getUserLocale());
        MessageCreateData notice = formatter.notice(ui, "error.generic");
        if (direct) {
            return event.reply(notice).setEphemeral(true).submit();
        }
        // a deferred reply is public; swap it for an ephemeral follow-up
        return event.getHook().deleteOriginal().submit()
                .thenCompose(x -> event.getHook().sendMessage(notice).setEphemeral(true).submit());
    }

    /** Applies the per-user rate limit; false (after telling the user once) when over it. */
    private boolean admitted(IReplyCallback event, Language ui) {
        UserRateLimiter.Decision decision = limiter.check(event.getUser().getIdLong());
        String scope = "user";
        if (decision == UserRateLimiter.Decision.ALLOW) {
            decision = channelLimiter.check(event.getChannelIdLong());
            scope = "chat";
        }
        if (decision != UserRateLimiter.Decision.ALLOW) {
            events.rateLimited(PLATFORM, scope);
        }
        return switch (decision) {
            case ALLOW -> true;
            case NOTIFY -> {
                replyNotice(event, ui, "ratelimit.exceeded");
                yield false;
            }
            case DROP -> false;
        };
    }

    /** The allow-list check; an interaction elsewhere is ignored silently (and counted). */
    private boolean allowedHere(IReplyCallback event) {
        Long guild = event.getGuild() == null ? null : event.getGuild().getIdLong();
        if (access.allowed(guild, event.getChannelIdLong())) {
            return true;
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

    private void replyNotice(IReplyCallback event, Language ui, String key) {
        event.reply(formatter.notice(ui, key)).setEphemeral(true)
                .queue(null, e -> LOG.warn("sending a notice failed: {}", e.toString()));
    }

    /** Runs a handler; an exception ends in a log entry and an ephemeral apology, never in a dead bot. */
    private void guarded(IReplyCallback event, Language ui, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            events.platformError(PLATFORM, "handler");
            LOG.error("handling interaction {} failed", event.getId(), e);
            try {
                if (!event.isAcknowledged()) {
                    replyNotice(event, ui, "error.generic");
                }
            } catch (RuntimeException again) {
                LOG.error("could not tell the user about the failure", again);
            }
        }
    }

    /** The user's language from their Discord client; English for locales reportbot does not speak. */
    static Language userLanguage(DiscordLocale locale) {
        if (locale == null || locale == DiscordLocale.UNKNOWN) {
            return Language.EN;
        }
        return Language.fromCode(locale.getLocale()).orElse(Language.EN);
    }

    private static String conversationId(IReplyCallback event) {
        return "discord:" + event.getChannelId() + ":" + event.getUser().getId();
    }
}
