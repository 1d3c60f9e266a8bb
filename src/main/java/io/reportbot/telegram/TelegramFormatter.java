package io.reportbot.telegram;

import io.reportbot.adapter.ButtonCodec;
import io.reportbot.adapter.TextSplitter;
import io.reportbot.core.Language;
import io.reportbot.engine.Reply;
import io.reportbot.engine.Suggestion;
import io.reportbot.text.TextBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Turns replies and texts into Telegram HTML: everything from users and the dataset is escaped; texts longer than
 * Telegram's 4,096 characters are split by {@link TextSplitter} (a paragraph, a line, a sentence, a word, never inside
 * a character), and never inside a tag;
 * suggestions become inline keyboard buttons whose callback data this adapter can recognise again.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * List<String> messages = formatter.answer(reply);   // one or more HTML texts, each <= 4,096 visible chars
 * }</pre>
 */
final class TelegramFormatter {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramFormatter.class);

    /** Telegram's limit on a message's text after entity parsing, in UTF-16 code units. */
    static final int LIMIT = 4096;
    /** Topic buttons' callback data, within Telegram's limit of 64 bytes. */
    static final ButtonCodec BUTTONS = new ButtonCodec(64);

    /** How a piece of text is shown. */
    enum Style { PLAIN, BOLD, QUOTE }

    /** A run of visible text in one style; the text is raw (escaping happens when rendering). */
    record Piece(String text, Style style) {
        static Piece plain(String text) {
            return new Piece(text, Style.PLAIN);
        }
    }

    private final TextBundle texts;

    TelegramFormatter(TextBundle texts) {
        this.texts = texts;
    }

    /** The adapter's own wording (greetings, help, "text only", "slow down", command descriptions). */
    static TextBundle texts() {
        return TextBundle.load("io.reportbot.telegram.messages");
    }

    /** Escapes text for Telegram's HTML parse mode. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An engine reply as HTML messages: the answer, then its sources as quotes. */
    List<String> answer(Reply reply) {
        return render(document(reply), LIMIT);
    }

    /** An engine reply as one HTML text of at most {@code limit} visible characters, cut cleanly with "…". */
    String answerInOne(Reply reply, int limit) {
        List<Piece> doc = document(reply);
        List<String> whole = render(doc, limit);
        if (whole.size() <= 1) {
            return whole.isEmpty() ? "" : whole.get(0);
        }
        return render(doc, limit - 1).get(0) + "…";
    }

    /** Plain text (wording, user input) as escaped HTML messages. */
    List<String> plain(String text) {
        return render(List.of(Piece.plain(text)), LIMIT);
    }

    /**
     * Splits a document into messages of at most {@code limit} visible characters ({@link TextSplitter}) and renders
     * each as HTML. Whitespace at the cuts is dropped; nothing else is lost.
     */
    static List<String> render(List<Piece> doc, int limit) {
        StringBuilder visible = new StringBuilder();
        for (Piece p : doc) {
            visible.append(p.text());
        }
        List<String> out = new ArrayList<>();
        for (TextSplitter.Range range : TextSplitter.ranges(visible.toString(), limit)) {
            out.add(renderRange(doc, range.start(), range.end()));
        }
        return out;
    }

    private static String renderRange(List<Piece> doc, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int offset = 0;
        for (Piece p : doc) {
            int ps = offset;
            int pe = offset + p.text().length();
            offset = pe;
            int a = Math.max(from, ps);
            int b = Math.min(to, pe);
            if (a >= b) {
                continue;
            }
            String text = escape(p.text().substring(a - ps, b - ps));
            switch (p.style()) {
                case PLAIN -> sb.append(text);
                case BOLD -> sb.append("<b>").append(text).append("</b>");
                case QUOTE -> sb.append("<blockquote>").append(text).append("</blockquote>");
            }
        }
        return sb.toString();
    }

    /**
     * The reply as pieces: the text as the engine wrote it; lines that quote a source are shown as quotes; sources
     * the text does not quote yet are added below it under a "Quelle"/"Source" heading.
     */
    private List<Piece> document(Reply reply) {
        List<String> sources = reply.sources().stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                .toList();
        List<Piece> doc = new ArrayList<>();
        String[] lines = reply.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                doc.add(Piece.plain("\n"));
            }
            String line = lines[i];
            boolean quotes = !line.isBlank() && sources.stream().anyMatch(line::contains);
            doc.add(new Piece(line, quotes ? Style.QUOTE : Style.PLAIN));
        }
        List<String> missing = sources.stream().filter(s -> !reply.text().contains(s)).toList();
        if (!missing.isEmpty()) {
            doc.add(Piece.plain("\n\n"));
            doc.add(new Piece(texts.get(reply.language(), missing.size() == 1 ? "answer.source" : "answer.sources"), Style.BOLD));
            for (String source : missing) {
                doc.add(Piece.plain("\n"));
                doc.add(new Piece(source, Style.QUOTE));
            }
        }
        return doc;
    }

    /** Buttons for topics, one per row; a topic whose id cannot be carried in callback data ({@link #BUTTONS}) is left out. */
    Optional<InlineKeyboardMarkup> keyboard(List<Suggestion> suggestions, Language language) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Suggestion s : suggestions) {
            Optional<String> data = BUTTONS.encode(language, s.topicId());
            if (data.isEmpty()) {
                LOG.warn("topic id unfit for a Telegram button (too long, or characters other than A-Z a-z 0-9 . _ -), left out: {}", ButtonCodec.forLog(s.topicId()));
                continue;
            }
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(s.label()).callbackData(data.get())
                    .build()));
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(InlineKeyboardMarkup.builder().keyboard(rows).build());
    }
}
