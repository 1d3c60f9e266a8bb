package io.reportbot.cli;

import io.reportbot.core.EngineLoadException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line and an exit code, never a stack trace (unless {@code -Dreportbot.trace=true}):
 * a bad option value or a broken file is exit code 2, anything unexpected 1.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof EngineLoadException || ex instanceof UsageException) {
            cmd.getErr().println(CliText.get("error.prefix", ex.getMessage()));
            return 2;
        }
        if (ex instanceof InvalidPathException || ex instanceof UncheckedIOException) {
            cmd.getErr().println(CliText.get("error.prefix", ex.getMessage()));
            return 2;
        }
        cmd.getErr().println(CliText.get("error.unexpected", ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
        if (Boolean.getBoolean("reportbot.trace")) {
            ex.printStackTrace(cmd.getErr());
        }
        return 1;
    }

    /** A wrong option or argument: one line naming the command and what is wrong, exit code 2. */
    static int parameterError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println(CliText.get("error.usage", cmd.getCommandSpec().qualifiedName(), ex.getMessage()));
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
