package io.reportbot.cli;

import io.reportbot.core.EngineLoadException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one clear line and an exit code, never a stack trace (unless --debug is set). */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof EngineLoadException) {
            cmd.getErr().println("reportbot: " + ex.getMessage());
            return 2;
        }
        cmd.getErr().println("reportbot: unexpected error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
        if (Boolean.getBoolean("reportbot.trace")) {
            ex.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
