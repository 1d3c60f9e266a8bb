package io.reportbot.telegram;

import io.reportbot.core.Language;
import io.reportbot.telegram.Route.ChatRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides what an update asks for: private chats treat every text as a question; groups only {@code /ask},
 * mentions of the bot and replies to it; other messages, edits and channel posts are ignored; non-text messages
 * get a hint in private chats only.
 *
 * <p>Immutable and thread-safe; pure (no I/O).
 */
final class UpdateRouter {
    static final Set<String> COMMANDS = Set.of("start", "help", "topics", "ask", "lang", "report");
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+|$)");

    private final BotIdentity bot;
    private final Pattern mention;

    /**
     * Who the bot is, from getMe.
     *
     * @param id       the bot's user id
     * @param username the bot's username without "@"
     */
    record BotIdentity(long id, String username) {
    }

    UpdateRouter(BotIdentity bot) {
        this.bot = bot;
        this.mention = Pattern.compile("@" + Pattern.quote(bot.username()) + "\\b", Pattern.CASE_INSENSITIVE);
    }

    BotIdentity bot() {
        return bot;
    }

    Route route(Update update) {
        if (update.getMessage() != null) {
            return message(update.getMessage());
        }
        if (update.getCallbackQuery() != null) {
            return callback(update.getCallbackQuery());
        }
        if (update.getInlineQuery() != null) {
            var q = update.getInlineQuery();
            return new Route.InlineQuestion(q.getId(), q.getFrom() == null ? 0 : q.getFrom().getId(),
                    q.getQuery() == null ? "" : q.getQuery().strip(), language(q.getFrom()));
        }
        if (update.getEditedMessage() != null) {
            return new Route.Ignore("edited message");
        }
        if (update.getChannelPost() != null || update.getEditedChannelPost() != null) {
            return new Route.Ignore("channel post");
        }
        return new Route.Ignore("update without a message");
    }

    private Route message(Message m) {
        if (m.getChat() == null) {
            return new Route.Ignore("message without chat");
        }
        boolean isPrivate = Boolean.TRUE.equals(m.getChat().isUserChat());
        if (!isPrivate && !Boolean.TRUE.equals(m.getChat().isGroupChat())
                && !Boolean.TRUE.equals(m.getChat().isSuperGroupChat())) {
            return new Route.Ignore("channel message");
        }
        ChatRef chat = new ChatRef(m.getChatId(), Boolean.TRUE.equals(m.getIsTopicMessage()) ? m.getMessageThreadId()
                : null, isPrivate);
        Optional<Language> lang = language(m.getFrom());
        if (!isPrivate && addedMe(m)) {
            return new Route.GroupGreeting(chat, lang);
        }
        if (m.getFrom() != null && Boolean.TRUE.equals(m.getFrom().getIsBot()) && m.getSenderChat() == null) {
            // other bots (but not anonymous group admins, who write as @GroupAnonymousBot with a sender_chat)
            return new Route.Ignore("message from a bot");
        }
        if (!m.hasText()) {
            if (isPrivate && isNonText(m)) {
                return new Route.NonText(chat, m.getMessageId(), lang);
            }
            return new Route.Ignore(isPrivate ? "service message" : "non-text message in a group");
        }
        String text = m.getText();
        Matcher c = COMMAND.matcher(text);
        if (c.find()) {
            String name = c.group(1).toLowerCase(Locale.ROOT);
            String target = c.group(2);
            if (target != null && !target.equalsIgnoreCase(bot.username())) {
                return new Route.Ignore("command for another bot");
            }
            if (!COMMANDS.contains(name) && !isPrivate && target == null) {
                return new Route.Ignore("unknown command in a group");
            }
            return new Route.Command(chat, m.getMessageId(), name, text.substring(c.end()).strip(), lang);
        }
        if (isPrivate) {
            return new Route.Question(chat, m.getMessageId(), text.strip(), lang);
        }
        if (mention.matcher(text).find()) {
            return new Route.Question(chat, m.getMessageId(), mention.matcher(text).replaceAll(" ").strip()
                    .replaceAll("\\s{2,}", " "), lang);
        }
        Message replied = m.getReplyToMessage();
        if (replied != null && replied.getFrom() != null && replied.getFrom().getId() == bot.id()) {
            return new Route.Question(chat, m.getMessageId(), text.strip(), lang);
        }
        return new Route.Ignore("group message not addressed to the bot");
    }

    private Route callback(CallbackQuery q) {
        MaybeInaccessibleMessage m = q.getMessage();
        var choice = TelegramFormatter.BUTTONS.decode(q.getData());
        if (choice.isEmpty() || m == null || m.getChat() == null) {
            return new Route.ForeignCallback(q.getId());
        }
        ChatRef chat = new ChatRef(m.getChatId(), m instanceof Message msg && Boolean.TRUE.equals(msg.getIsTopicMessage())
                ? msg.getMessageThreadId() : null, Boolean.TRUE.equals(m.getChat().isUserChat()));
        return new Route.TopicTap(q.getId(), chat, m.getMessageId(), choice.get(), language(q.getFrom()));
    }

    private boolean addedMe(Message m) {
        List<User> added = m.getNewChatMembers();
        if (added != null && added.stream().anyMatch(u -> u.getId() != null && u.getId() == bot.id())) {
            return true;
        }
        return Boolean.TRUE.equals(m.getGroupchatCreated()) || Boolean.TRUE.equals(m.getSuperGroupCreated());
    }

    private static boolean isNonText(Message m) {
        return m.hasSticker() || m.hasPhoto() || m.hasVoice() || m.hasDocument() || m.hasLocation() || m.hasAudio()
                || m.hasAnimation() || m.getVideo() != null || m.getVideoNote() != null || m.getContact() != null
                || m.getVenue() != null || m.getPoll() != null || m.getDice() != null;
    }

    private static Optional<Language> language(User user) {
        return user == null ? Optional.empty() : Language.fromCode(user.getLanguageCode());
    }
}
