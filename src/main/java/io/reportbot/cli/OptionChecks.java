package io.reportbot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks of option values that picocli's types don't express (ranges, files that must be files); each failure is
 * a {@link UsageException} with one line in the command line's wording, which {@link ErrorHandler} prints with
 * exit code 2. Stateless.
 */
final class OptionChecks {

    private OptionChecks() {
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new UsageException(CliText.get("option.at_least", option, String.valueOf(min), String.valueOf(value)));
        }
    }

    static void between(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) { // NaN too
            throw new UsageException(CliText.get("option.between", option, number(min), number(max), number(value)));
        }
    }

    /** The path names an existing regular file that can be read. */
    static void readableFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException(CliText.get("option.is_folder", option, file));
        }
        if (!Files.exists(file)) {
            throw new UsageException(CliText.get("option.missing_file", option, file));
        }
        if (!Files.isReadable(file)) {
            throw new UsageException(CliText.get("option.not_readable", option, file, "permission denied"));
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
