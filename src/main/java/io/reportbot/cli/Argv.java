package io.reportbot.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line arguments as the user typed them, whatever the locale. Java 17 decodes {@code argv} with
 * {@code sun.jnu.encoding}, which follows the locale: with no locale ({@code env -i}, {@code LC_ALL=C}) it is
 * US-ASCII, and "Wie viele Einhörner?" arrives as "Wie viele Einh\uFFFD\uFFFDrner?"; no {@code -D} option
 * given at run time changes that. On Linux the original bytes are still in {@code /proc/self/cmdline}: when
 * the JVM's decoding lost something, the arguments are taken from there as UTF-8, after checking that they are
 * the same arguments (their ASCII parts match). What can't be recovered is reported as {@link Result#garbled()},
 * so the caller can say so instead of answering a mangled question.
 *
 * <p>Stateless and thread-safe.
 */
final class Argv {

    /**
     * @param args    the arguments to use
     * @param garbled whether some argument still holds characters the platform could not decode
     */
    record Result(List<String> args, boolean garbled) {
        String[] array() {
            return args.toArray(String[]::new);
        }
    }

    private static final char REPLACEMENT = '\uFFFD';

    private Argv() {
    }

    /** The arguments of this process, recovered from {@code /proc/self/cmdline} where the JVM mangled them. */
    static Result recover(String[] args) {
        String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (isUtf8(encoding) || !needsRecovery(args)) {
            return new Result(List.of(args), false);
        }
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException e) {
            cmdline = null;
        }
        return recover(args, encoding, cmdline);
    }

    /**
     * @param args     the arguments as the JVM decoded them
     * @param encoding the encoding it decoded them with ({@code sun.jnu.encoding})
     * @param cmdline  the raw command line, NUL-separated (null when unavailable)
     */
    static Result recover(String[] args, String encoding, byte[] cmdline) {
        if (isUtf8(encoding) || !needsRecovery(args)) {
            return new Result(List.of(args), false);
        }
        List<byte[]> raw = cmdline == null ? List.of() : split(cmdline);
        List<String> out = new ArrayList<>(Arrays.asList(args));
        if (raw.size() >= args.length) {
            List<byte[]> tail = raw.subList(raw.size() - args.length, raw.size());
            boolean same = true;
            for (int i = 0; i < args.length && same; i++) {
                same = asciiSkeleton(args[i]).equals(asciiSkeleton(tail.get(i)));
            }
            if (same) {
                for (int i = 0; i < args.length; i++) {
                    String decoded = strictUtf8(tail.get(i));
                    if (decoded != null) {
                        out.set(i, decoded);
                    }
                }
            }
        }
        boolean garbled = out.stream().anyMatch(a -> a.indexOf(REPLACEMENT) >= 0);
        return new Result(List.copyOf(out), garbled);
    }

    private static boolean needsRecovery(String[] args) {
        for (String a : args) {
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) > 0x7F) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUtf8(String encoding) {
        try {
            return Charset.forName(encoding).equals(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<byte[]> split(byte[] cmdline) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                parts.add(Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            parts.add(Arrays.copyOfRange(cmdline, start, cmdline.length));
        }
        return parts;
    }

    /** The ASCII characters other than '?' (which some decoders substitute), in order. */
    private static String asciiSkeleton(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().filter(c -> c < 0x80 && c != '?').forEach(c -> sb.append((char) c));
        return sb.toString();
    }

    private static String asciiSkeleton(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            if (x >= 0 && x != '?') {
                sb.append((char) x);
            }
        }
        return sb.toString();
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
