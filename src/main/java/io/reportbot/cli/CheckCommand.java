package io.reportbot.cli;

import io.reportbot.authoring.ReportCheck;
import io.reportbot.core.EngineLoadException;
import io.reportbot.reportfolder.ReportFolder;
import io.reportbot.reportfolder.ReportFolders;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reportbot check DIR}: lints a report folder, one line per problem, exit 1 when there is any. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a report folder before using it: figures against their source sentences, sentences "
                + "against source.txt, intents and their examples, lexicon words, computed values, TODOs left by "
                + "'draft', and intents the classifier confuses.",
                "Prints one line per problem and exits with 1 when there is any; without DIR it checks the bundled report."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The report folder (default: the bundled report).")
    Path dir;

    @Option(names = "--no-cross-validation", description = "Skip the cross-validation (saves a few seconds).")
    boolean noCrossValidation;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReportFolder folder;
        List<Path> files;
        try {
            if (dir == null) {
                folder = ReportFolders.bundled();
                files = List.of();
            } else {
                if (!Files.isDirectory(dir)) {
                    out.println(dir + ": not a report folder (give a folder with report.json and intents/)");
                    out.flush();
                    return 1;
                }
                folder = ReportFolders.load(dir, Optional.empty());
                files = ReportCheck.files(dir);
            }
        } catch (EngineLoadException e) {
            for (String line : e.getMessage().split("; ")) {
                out.println(line);
            }
            out.flush();
            return 1;
        }
        ReportCheck.Result r = ReportCheck.check(folder, files, !noCrossValidation);
        r.problems().forEach(out::println);
        r.notes().forEach(n -> out.println("note: " + n));
        out.println(r.problems().isEmpty() ? "check: " + folder.location() + " is fine (" + r.notes().size() + " notes)"
                : "check: " + r.problems().size() + " problem(s) in " + folder.location());
        out.flush();
        return r.problems().isEmpty() ? 0 : 1;
    }
}
