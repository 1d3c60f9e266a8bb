package io.reportbot.telegram;

import io.reportbot.adapter.ButtonCodec;
import io.reportbot.adapter.TextSplitter;
import io.reportbot.engine.Engine;
import io.reportbot.engine.Inbound;
import io.reportbot.core.Language;
import io.reportbot.state.ChoiceStore;
import io.reportbot.engine.Reply;
import io.reportbot.text.TextBundle;
import io.reportbot.telegram.Route.ChatRef;
import io.reportbot.telegram.UpdateRouter.BotIdentity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultsButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Carries out a {@link Route}: asks the engine and sends the result through the Bot API. Maps {@code Reply} to
 * Bot API calls and nothing more; wording comes from the engine and from the adapter's bundle ({@link TelegramFormatter#texts()}).
 *
 * <p>Thread-safe; the adapter calls it from several worker threads (one chat always from the same one).
 */
final class UpdateHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateHandler.class);
    static final String PLATFORM = "telegram";

    private final Engine engine;
    private final TelegramClient client;
    private final TelegramFormatter formatter;
    private final TextBundle texts;
    private final BotIdentity bot;
    /** /lang choices, per chat: in memory, or shared by the replicas (Redis). */
    private final ChoiceStore choices;

    UpdateHandler(Engine engine, TelegramClient client, TextBundle texts, BotIdentity bot) {
        this(engine, client, texts, bot, ChoiceStore.inProcess());
    }

    UpdateHandler(Engine engine, TelegramClient client, TextBundle texts, BotIdentity bot, ChoiceStore choices) {
        this.choices = choices;
        this.engine = engine;
        this.client = client;
        this.texts = texts;
        this.formatter = new TelegramFormatter(texts);
        this.bot = bot;
    }

    /** Does what the route asks. Bot API errors propagate (the caller logs them and goes on). */
    void handle(Route route) throws TelegramApiException {
        if (route instanceof Route.Question q) {
            question(q.where(), q.messageId(), q.text(), q.userLanguage());
        } else if (route instanceof Route.Command c) {
            command(c);
        } else if (route instanceof Route.NonText n) {
            sendText(n.where(), n.messageId(), texts.format(language(n.where(), n.userLanguage()), "text.only"),
                    Optional.empty());
        } else if (route instanceof Route.TopicTap t) {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(t.callbackId()).build());
            if (!knownTopic(t.choice())) { // not a button of ours (forged or from an older report): acknowledged only
                LOG.debug("callback for an unknown topic acknowledged and ignored");
                return;
            }
            typing(t.where());
            Reply reply = engine.answer(Inbound.topicChoice(t.choice().topicId(), t.where().conversationId(), PLATFORM,
                    t.choice().language()));
            sendReply(t.where(), t.messageId(), reply);
        } else if (route instanceof Route.GroupGreeting g) {
            Language l = language(g.where(), g.userLanguage());
            sendText(g.where(), null, texts.format(l, "group.greeting", engine.report(l).title(), bot.username()),
                    Optional.empty());
        } else if (route instanceof Route.ForeignCallback f) {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(f.callbackId()).build());
        } else if (route instanceof Route.InlineQuestion i) {
            inline(i);
        } else if (route instanceof Route.Ignore ignore) {
            LOG.debug("ignored: {}", ignore.why());
        }
    }

    /** Tells a chat, once, that it is asking too fast (for routes over the rate limit). */
    void slowDown(Route route) throws TelegramApiException {
        if (route instanceof Route.TopicTap t) {
            Language l = language(t.where(), t.userLanguage());
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(t.callbackId())
                    .text(texts.format(l, "slow.down")).build());
        } else if (route instanceof Route.InChat c) {
            sendText(c.where(), c.messageId(), texts.format(language(c.where(), c.userLanguage()), "slow.down"),
                    Optional.empty());
        } else if (route instanceof Route.InlineQuestion i) {
            // no results, and the note where the results would be (a button that opens the private chat)
            Language l = i.userLanguage().orElse(Language.FOR_UNKNOWN_LOCALE);
            client.execute(AnswerInlineQuery.builder().inlineQueryId(i.queryId()).results(List.of()).cacheTime(0)
                    .isPersonal(true).button(InlineQueryResultsButton.builder()
                            .text(texts.format(l, "slow.down.inline")).startParameter("slow_down").build())
                    .build());
        }
    }

    /** True for a topic the engine offers in that language (every button this adapter makes is one). */
    private boolean knownTopic(ButtonCodec.TopicButton choice) {
        return engine.topics(choice.language()).stream().anyMatch(s -> s.topicId().equals(choice.topicId()));
    }

    private void question(ChatRef chat, Integer messageId, String text, Optional<Language> userLanguage)
            throws TelegramApiException {
        typing(chat);
        Optional<Language> hint = Optional.of(language(chat, userLanguage)); // used when the text cannot tell
        Reply reply = engine.answer(new Inbound(text, chat.conversationId(), PLATFORM, hint));
        sendReply(chat, messageId, reply);
    }

    private void command(Route.Command c) throws TelegramApiException {
        Language l = language(c.where(), c.userLanguage());
        switch (c.name()) {
            case "start" -> {
                StringBuilder sb = new StringBuilder(texts.format(l, "greeting", engine.report(l).title()));
                List<String> examples = engine.exampleQuestions(l);
                if (!examples.isEmpty()) {
                    sb.append("\n\n").append(texts.format(l, "greeting.examples"));
                    examples.stream().limit(5).forEach(e -> sb.append("\n• ").append(e));
                }
                sb.append("\n\n").append(texts.format(l, "greeting.more"));
                sendText(c.where(), c.messageId(), sb.toString(), Optional.empty());
            }
            case "help" -> sendText(c.where(), c.messageId(),
                    texts.format(l, "help", engine.report(l).title(), bot.username()), Optional.empty());
            case "topics" -> sendText(c.where(), c.messageId(), texts.format(l, "topics"),
                    formatter.keyboard(engine.topics(l), l));
            case "ask" -> {
                if (c.args().isBlank()) {
                    String example = engine.exampleQuestions(l).stream().findFirst().orElse("…");
                    sendText(c.where(), c.messageId(), texts.format(l, "ask.empty", example), Optional.empty());
                } else {
                    question(c.where(), c.messageId(), c.args(), c.userLanguage());
                }
            }
            case "lang" -> {
                Optional<Language> chosen = c.args().matches("(?i)de|en") ? Language.fromCode(c.args()) : Optional.empty();
                if (chosen.isPresent()) {
                    choices.put(langKey(c.where()), chosen.get().code());
                    sendText(c.where(), c.messageId(), texts.format(chosen.get(), "lang.set"), Optional.empty());
                } else {
                    sendText(c.where(), c.messageId(), texts.format(l, "lang.usage"), Optional.empty());
                }
            }
            // several reports in one bot: /report lists them, /report ID picks one for this chat
            case "report" -> sendReply(c.where(), c.messageId(), engine.pickReport(c.where().conversationId(), c.args(), l));
            default -> sendText(c.where(), c.messageId(), texts.format(l, "unknown.command"), Optional.empty());
        }
    }

    private void inline(Route.InlineQuestion i) throws TelegramApiException {
        List<InlineQueryResult> results = new ArrayList<>();
        if (!i.text().isBlank()) {
            Reply reply = engine.answer(new Inbound(i.text(), "telegram-inline:" + i.userId(), PLATFORM,
                    Optional.of(i.userLanguage().orElse(Language.FOR_UNKNOWN_LOCALE))));
            String description = TextSplitter.shorten(reply.text(), 120);
            results.add(InlineQueryResultArticle.builder()
                    .id(resultId(reply.language().code() + "\n" + i.text()))
                    .title(TextSplitter.shorten(i.text(), 64))
                    .description(description)
                    .inputMessageContent(InputTextMessageContent.builder()
                            .messageText(formatter.answerInOne(reply, TelegramFormatter.LIMIT))
                            .parseMode(ParseMode.HTML)
                            .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                            .build())
                    .build());
        }
        client.execute(AnswerInlineQuery.builder().inlineQueryId(i.queryId()).results(results).cacheTime(300)
                .isPersonal(false).build());
    }

    private void sendReply(ChatRef chat, Integer replyTo, Reply reply) throws TelegramApiException {
        send(chat, replyTo, formatter.answer(reply), formatter.keyboard(reply.suggestions(), reply.language()));
    }

    private void sendText(ChatRef chat, Integer replyTo, String plainText, Optional<InlineKeyboardMarkup> keyboard)
            throws TelegramApiException {
        send(chat, replyTo, formatter.plain(plainText), keyboard);
    }

    /** Sends HTML messages in order: the first replies to the question, the last carries the keyboard. */
    private void send(ChatRef chat, Integer replyTo, List<String> html, Optional<InlineKeyboardMarkup> keyboard)
            throws TelegramApiException {
        for (int n = 0; n < html.size(); n++) {
            var message = SendMessage.builder()
                    .chatId(chat.chatId())
                    .messageThreadId(chat.threadId())
                    .text(html.get(n))
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
            if (n == 0 && replyTo != null) {
                message.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true)
                        .build());
            }
            if (n == html.size() - 1 && keyboard.isPresent()) {
                message.replyMarkup(keyboard.get());
            }
            client.execute(message.build());
        }
    }

    private void typing(ChatRef chat) {
        try {
            client.execute(SendChatAction.builder().chatId(chat.chatId()).messageThreadId(chat.threadId())
                    .action(ActionType.TYPING.toString()).build());
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("typing action failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * The language for the adapter's own texts: the chat's /lang choice, else the user's Telegram language, else (no
     * or another language) {@link Language#FOR_UNKNOWN_LOCALE}.
     */
    private Language language(ChatRef chat, Optional<Language> userLanguage) {
        return chosenLanguage(chat).or(() -> userLanguage).orElse(Language.FOR_UNKNOWN_LOCALE);
    }

    private Optional<Language> chosenLanguage(ChatRef chat) {
        return choices.get(langKey(chat)).flatMap(Language::fromCode);
    }

    private static String langKey(ChatRef chat) {
        return "telegram:lang:" + chat.chatId();
    }

    static String resultId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
