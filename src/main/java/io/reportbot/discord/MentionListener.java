package io.reportbot.discord;

import io.reportbot.adapter.RateGate;
import io.reportbot.core.Language;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.engine.Reply;
import io.reportbot.ops.BotEvents;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers ordinary messages that mention the bot, as replies in the channel: the listener {@link DiscordBot}
 * registers when {@code discord.mentions.enabled} (it needs the message intents).
 * Messages of bots, system messages, webhooks and messages that do not mention the bot as a user are ignored; the
 * allow-list and both rate limits apply ({@link RateGate}: over a limit, one public note in the channel, then nothing
 * until a question there is let through again, so that a flood does not turn into a flood of notes).
 *
 * <p>Thread-safe: JDA may call it from several shards at once.
 */
final class MentionListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(MentionListener.class);

    private final Engine engine;
    private final DiscordFormatter formatter;
    private final RateGate gate;
    private final BotListener.Access access;
    private final BotEvents events;
    private final InFlight inFlight;
    private final Executor workers;
    private final Predicate<String> knownTopic;

    MentionListener(Engine engine, DiscordFormatter formatter, RateGate gate, BotListener.Access access,
                   BotEvents events, InFlight inFlight, Executor workers, Predicate<String> knownTopic) {
        this.engine = engine;
        this.formatter = formatter;
        this.gate = gate;
        this.access = access;
        this.events = events;
        this.inFlight = inFlight;
        this.workers = workers;
        this.knownTopic = knownTopic;
    }

    /** Answers the message if it mentions the bot and may be answered; never throws. */
    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        try {
            Message message = event.getMessage();
            User author = event.getAuthor();
            User self = event.getJDA().getSelfUser();
            if (author.isBot() || author.isSystem() || event.isWebhookMessage()
                    || !message.getMentions().isMentioned(self, Message.MentionType.USER)) {
                return;
            }
            if (!access.allowed(event.isFromGuild() ? event.getGuild().getIdLong() : null, event.getChannel().getIdLong())) {
                events.notAllowed(Interactions.PLATFORM);
                return;
            }
            String text = Pattern.compile("<@!?" + self.getId() + ">").matcher(message.getContentRaw()).replaceAll(" ").strip();
            Language guess = engine.detectLanguage(text, Optional.empty());
            switch (gate.admit(Long.toUnsignedString(author.getIdLong()),
                    Long.toUnsignedString(event.getChannel().getIdLong()))) {
                case DROP -> {
                    return;
                }
                case SLOW_DOWN -> {
                    message.reply(formatter.notice(guess, "ratelimit.exceeded")).mentionRepliedUser(false).queue();
                    return;
                }
                default -> {
                }
            }
            if (!inFlight.tryBegin()) {
                return;
            }
            Inbound inbound = Inbound.of(text, Interactions.conversationId(event.getChannel().getId(), author.getId()),
                    Interactions.PLATFORM);
            CompletableFuture.supplyAsync(() -> {
                Reply r = engine.answer(inbound);
                return formatter.answer(r, "", engine.report(r.language(), inbound.conversationId()).title(), knownTopic);
            }, workers).thenCompose(messages -> {
                CompletableFuture<?> sent = message.reply(messages.get(0)).mentionRepliedUser(false).submit();
                for (MessageCreateData more : messages.subList(1, messages.size())) {
                    sent = sent.thenCompose(x -> event.getChannel().sendMessage(more).submit());
                }
                return sent;
            }).whenComplete((x, e) -> {
                if (e != null) {
                    events.platformError(Interactions.PLATFORM, "send");
                    LOG.error("answering a mention failed: {}", e.toString());
                }
                inFlight.end();
            });
        } catch (RuntimeException e) {
            LOG.error("handling a message failed", e);
        }
    }
}
