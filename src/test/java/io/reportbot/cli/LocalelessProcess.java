package io.reportbot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar target/reportbot.jar} as a user runs it from the README, but with no environment at all
 * ({@code env -i}: no LANG, no LC_ALL, so Java 17 defaults to US-ASCII) and no {@code -Dfile.encoding}. Falls back
 * to the test class path when the jar isn't built (a test run without {@code package}).
 */
final class LocalelessProcess {

    private LocalelessProcess() {
    }

    static ProcessBuilder builder(List<String> jvmOptions, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        Path jar = Path.of("target", "reportbot.jar");
        if (Files.isRegularFile(jar)) {
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.reportbot.cli.Main"));
        }
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().put("REPORTBOT_CACHE_DIR", "off");
        pb.environment().putAll(env);
        return pb;
    }

    static ProcessBuilder builder(String... args) {
        return builder(List.of(), Map.of(), args);
    }

    static Process start(ProcessBuilder pb) throws IOException {
        return pb.start();
    }
}
