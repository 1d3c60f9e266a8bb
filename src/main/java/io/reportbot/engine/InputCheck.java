package io.reportbot.engine;

import java.util.Optional;

/**
 * What is wrong with raw input before any understanding is tried: empty, too long, unreadable (binary),
 * or without a single word (emoji only). Stateless.
 */
final class InputCheck {

    /** Questions longer than this get a polite "too long" instead of an answer. */
    static final int MAX_CHARS = 1000;

    enum Problem { EMPTY, TOO_LONG, UNREADABLE, NO_WORDS }

    private InputCheck() {
    }

    static Optional<Problem> problem(String text) {
        if (text.isBlank()) {
            return Optional.of(Problem.EMPTY);
        }
        int len = text.codePointCount(0, text.length());
        int bad = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0xFFFD || (Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t')
                    || Character.getType(cp) == Character.PRIVATE_USE || Character.getType(cp) == Character.SURROGATE) {
                bad++;
            } else if (Character.isLetterOrDigit(cp) && !keycap(text, i)) {
                letters++;
            }
        }
        if (bad > 0 && bad * 10 >= len) {
            return Optional.of(Problem.UNREADABLE);
        }
        if (len > MAX_CHARS) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (letters == 0) {
            return Optional.of(Problem.NO_WORDS);
        }
        return Optional.empty();
    }

    /** Whether the character before {@code next} is the base of a keycap emoji ("1️⃣": digit, U+FE0F, U+20E3). */
    private static boolean keycap(String text, int next) {
        int i = next < text.length() && text.charAt(next) == '\uFE0F' ? next + 1 : next;
        return i < text.length() && text.charAt(i) == '\u20E3';
    }

    /** The text without control characters, for understanding (the input itself is never changed). */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (!Character.isISOControl(cp) || cp == '\n' || cp == '\t') {
                sb.appendCodePoint(cp);
            } else {
                sb.append(' ');
            }
        });
        return sb.toString();
    }
}
