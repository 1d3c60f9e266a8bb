package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static List<BoundedLineReader.Line> all(Reader r, int max) throws IOException {
        BoundedLineReader in = new BoundedLineReader(r, max);
        List<BoundedLineReader.Line> lines = new ArrayList<>();
        for (BoundedLineReader.Line l = in.next(); l != null; l = in.next()) {
            lines.add(l);
        }
        return lines;
    }

    private static List<String> texts(String input) throws IOException {
        return all(new StringReader(input), 100).stream().map(BoundedLineReader.Line::text).toList();
    }

    @Test
    void onlyNewlineAndCrLfEndALine() throws IOException {
        assertThat(texts("Wie viele\rEinhörner?\nunicorns?\r\nlast")).containsExactly("Wie viele\rEinhörner?", "unicorns?", "last");
        assertThat(texts("a\n\nb\n")).containsExactly("a", "", "b");
        assertThat(texts("")).isEmpty();
        assertThat(texts("\r\n")).containsExactly("");
    }

    @Test
    void aLineOverTheBoundIsCutAndFlaggedAndTheNextLineIsRead() throws IOException {
        String huge = "x".repeat(50_000);
        List<BoundedLineReader.Line> lines = all(new StringReader("short\n" + huge + "\r\nafter\n"), 10);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).tooLong()).isFalse();
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(lines.get(1).length()).isEqualTo(50_000);
        assertThat(lines.get(1).text()).hasSize(10);
        assertThat(lines.get(1).number()).isEqualTo(2);
        assertThat(lines.get(2).text()).isEqualTo("after");
        assertThat(lines.get(2).tooLong()).isFalse();
    }

    @Test
    void aLineExactlyAtTheBoundFitsEvenWithCrLf() throws IOException {
        List<BoundedLineReader.Line> lines = all(new StringReader("0123456789\r\n01234567890\n"), 10);
        assertThat(lines.get(0).tooLong()).isFalse();
        assertThat(lines.get(0).text()).isEqualTo("0123456789");
        assertThat(lines.get(1).tooLong()).isTrue();
    }

    @Test
    void readsUtf8WhateverTheDefaultCharsetAndReplacesBrokenBytes() throws IOException {
        byte[] bytes = "Einhörner – 36\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = {'a', (byte) 0xC3, '\n', 'b', '\n'};
        assertThat(BoundedLineReader.utf8(new ByteArrayInputStream(bytes), 100).next().text()).isEqualTo("Einhörner – 36");
        BoundedLineReader r = BoundedLineReader.utf8(new ByteArrayInputStream(broken), 100);
        assertThat(r.next().text()).isEqualTo("a\uFFFD");
        assertThat(r.next().text()).isEqualTo("b");
    }

    @Test
    void aHugeLineIsReadWithoutKeepingIt() throws IOException {
        // 64 M chars from a reader that makes them up: only the bound is ever held
        long total = 64L * 1024 * 1024;
        Reader endless = new Reader() {
            long left = total;
            boolean newlineSent;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (left == 0) {
                    if (newlineSent) {
                        return -1;
                    }
                    newlineSent = true;
                    cbuf[off] = '\n';
                    return 1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(cbuf, off, off + n, 'a');
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        BoundedLineReader.Line line = new BoundedLineReader(endless, 1000).next();
        assertThat(line.length()).isEqualTo(total);
        assertThat(line.tooLong()).isTrue();
        assertThat(line.text()).hasSize(1000);
    }
}
