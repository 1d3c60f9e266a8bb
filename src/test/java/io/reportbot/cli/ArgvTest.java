package io.reportbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArgvTest {

    private static byte[] cmdline(String... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String p : parts) {
            b.writeBytes(p.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        return b.toByteArray();
    }

    /** What Java 17 makes of UTF-8 bytes under the C locale: one U+FFFD per non-ASCII byte. */
    private static String asAscii(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            sb.append(x >= 0 ? (char) x : '\uFFFD');
        }
        return sb.toString();
    }

    @Test
    void argumentsMangledUnderTheCLocaleAreRecoveredFromTheRawCommandLine() {
        String[] mangled = {"ask", asAscii("Wie viele Einhörner – 2024?")};
        Argv.Result r = Argv.recover(mangled, "ANSI_X3.4-1968",
                cmdline("/usr/bin/java", "-jar", "reportbot.jar", "ask", "Wie viele Einhörner – 2024?"));
        assertThat(r.args()).containsExactly("ask", "Wie viele Einhörner – 2024?");
        assertThat(r.garbled()).isFalse();
    }

    @Test
    void latin1MojibakeIsRecoveredToo() {
        String mojibake = new String("Einhörner".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        Argv.Result r = Argv.recover(new String[] {"ask", mojibake}, "ISO-8859-1",
                cmdline("java", "-cp", "x", "io.reportbot.cli.Main", "ask", "Einhörner"));
        assertThat(r.args()).containsExactly("ask", "Einhörner");
    }

    @Test
    void underUtf8NothingIsTouched() {
        Argv.Result r = Argv.recover(new String[] {"ask", "Einhörner"}, "UTF-8", cmdline("java", "ask", "Anders"));
        assertThat(r.args()).containsExactly("ask", "Einhörner");
        assertThat(r.garbled()).isFalse();
    }

    @Test
    void withoutTheRawCommandLineAMangledArgumentIsReportedNotAnswered() {
        Argv.Result r = Argv.recover(new String[] {"ask", asAscii("Einhörner")}, "ANSI_X3.4-1968", null);
        assertThat(r.garbled()).isTrue();
    }

    @Test
    void aCommandLineThatDoesNotMatchTheArgumentsIsNotUsed() {
        // e.g. arguments read from an @argfile: /proc shows the file name, not the arguments
        Argv.Result r = Argv.recover(new String[] {"ask", asAscii("Einhörner")}, "ANSI_X3.4-1968",
                cmdline("java", "@args.txt", "Zweihörner"));
        assertThat(r.garbled()).isTrue();
        assertThat(r.args().get(1)).isEqualTo(asAscii("Einhörner"));
    }

    @Test
    void bytesThatAreNotUtf8EitherStayGarbled() {
        byte[] raw = {'a', 's', 'k', 0, 'E', 'i', 'n', 'h', (byte) 0xF6, 'r', 'n', 'e', 'r', 0};
        Argv.Result r = Argv.recover(new String[] {"ask", "Einh\uFFFDrner"}, "ANSI_X3.4-1968", raw);
        assertThat(r.garbled()).isTrue();
    }

    @Test
    void plainAsciiArgumentsNeedNothing() {
        Argv.Result r = Argv.recover(new String[] {"ask", "How many unicorns?"}, "ANSI_X3.4-1968", null);
        assertThat(r.args()).containsExactly("ask", "How many unicorns?");
        assertThat(r.garbled()).isFalse();
    }
}
