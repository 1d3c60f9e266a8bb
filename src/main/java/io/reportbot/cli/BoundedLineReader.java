package io.reportbot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines with a bound on how much of a line is kept, so that one huge line (64 MB without a newline)
 * neither exhausts the heap nor swallows the lines after it. Only {@code \n} and {@code \r\n} end a line; a
 * lone {@code \r} inside a line is part of it (one line in, one answer out). Bytes that aren't UTF-8 become
 * U+FFFD.
 *
 * <p>Not thread-safe: one reader per input.
 */
final class BoundedLineReader {

    /**
     * One line.
     *
     * @param text   the line without its terminator, cut after the bound when {@code tooLong}
     * @param length the line's full length in chars (UTF-16 units)
     * @param number its number, from 1
     */
    record Line(String text, long length, long number, boolean tooLong) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int end;
    private long number;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** A reader of UTF-8 lines from a byte stream. */
    static BoundedLineReader utf8(InputStream in, int maxChars) {
        return new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), maxChars);
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder sb = new StringBuilder(Math.min(maxChars, 256));
        long length = 0;
        boolean any = false;
        boolean lastWasCr = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            char c = buf[pos++];
            if (c == '\n') {
                if (lastWasCr) {
                    length--;
                    if (sb.length() > length) {
                        sb.setLength((int) length);
                    }
                }
                break;
            }
            length++;
            lastWasCr = c == '\r';
            if (sb.length() <= maxChars) { // one char more than the bound: a trailing \r may still be cut off
                sb.append(c);
            }
        }
        number++;
        boolean tooLong = length > maxChars;
        if (sb.length() > maxChars) {
            sb.setLength(maxChars);
        }
        return new Line(sb.toString(), length, number, tooLong);
    }
}
