package io.reportbot.config;

import io.reportbot.config.Key.Type;
import io.reportbot.engine.EngineSettings;
import io.reportbot.state.StateSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole configuration of one reportbot process: a properties file (optional) with the environment on top.
 *
 * <p>{@link #load} checks everything at once and fails with one {@link ConfigException} listing every problem, each
 * naming the key and the fix: unknown keys (with the nearest known key), values of the wrong type, files and folders
 * that do not exist. A token in a file that others can read is a {@linkplain #warnings() warning}. A key that was
 * renamed ({@link Keys#RENAMED}) still works under its old name, with one WARN line in the log naming the new one.
 *
 * <p>Precedence, strongest first: the environment variable of a key ({@code REPORTBOT_…} by the mapping in
 * {@link Key#reportbotEnv}, or the platform variables such as {@code TELEGRAM_BOT_TOKEN}), the file, the default.
 *
 * <p>Immutable and thread-safe.
 */
public final class Config {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Config.class);

    private final Optional<Path> file;
    private final Properties fileProperties;
    private final Map<String, String> env;
    private final List<String> warnings;

    private Config(Optional<Path> file, Properties fileProperties, Map<String, String> env, List<String> warnings) {
        this.file = file;
        this.fileProperties = fileProperties;
        this.env = Map.copyOf(env);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads and checks the configuration.
     *
     * @param file the properties file given with {@code --config}, if any
     * @param env  the environment
     * @throws ConfigException listing every problem found; never containing a secret
     */
    public static Config load(Optional<Path> file, Map<String, String> env) {
        return checked(file, file.map(Config::readFile).orElseGet(Properties::new), env);
    }

    /**
     * The configuration from properties already read (as a file would hold them) and the environment, checked as
     * {@link #load} checks a file.
     *
     * @throws ConfigException listing every problem found; never containing a secret
     */
    public static Config of(Properties properties, Map<String, String> env) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return checked(Optional.empty(), copy, env);
    }

    private static Config checked(Optional<Path> file, Properties raw, Map<String, String> env) {
        Properties p = new Properties();
        List<String> errors = new ArrayList<>();
        String where = file.map(f -> " in " + f).orElse("");
        for (String name : new TreeSet<>(raw.stringPropertyNames())) {
            String current = name;
            Optional<String> renamed = Keys.renamedTo(name);
            if (renamed.isPresent()) {
                current = renamed.get();
                if (raw.getProperty(current) != null) {
                    LOG.warn("config key '{}'{} is the old name of '{}', which is set too: '{}' is ignored", name, where,
                            current, name);
                    continue;
                }
                LOG.warn("config key '{}'{} has a new name: use '{}' (the old name still works for now)", name, where,
                        current);
            }
            Optional<Key> key = Keys.find(current);
            if (key.isEmpty()) {
                errors.add("unknown key '" + name + "'" + where + Keys.nearest(name).map(n -> ": did you mean '" + n + "'?")
                        .orElse(": remove it (config/reportbot.example.properties lists every key)"));
                continue;
            }
            check(key.get(), raw.getProperty(name), "'" + name + "'" + where).ifPresent(errors::add);
            p.setProperty(current, raw.getProperty(name));
        }
        for (Key key : Keys.ALL) {
            if (key.name().startsWith("reportbot.") && key.env().isPresent()) {
                String v = env.get(key.env().get());
                if (v != null && !v.isBlank()) {
                    check(key, v, "the environment variable " + key.env().get()).ifPresent(errors::add);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors.size() == 1 ? errors.get(0)
                    : errors.size() + " problems in the configuration:\n  " + String.join("\n  ", errors));
        }
        List<String> warnings = new ArrayList<>();
        file.flatMap(f -> permissionWarning(f, p)).ifPresent(warnings::add);
        return new Config(file, p, env, warnings);
    }

    /**
     * Reads a properties file (UTF-8).
     *
     * @throws ConfigException when the file is missing or cannot be read
     */
    public static Properties readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file + " (check the path given with --config;"
                    + " config/reportbot.example.properties is a template)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read the config file " + file + " (" + e.getClass().getSimpleName()
                    + "): check that it is readable and a valid properties file in UTF-8");
        }
        return p;
    }

    private static Optional<String> check(Key key, String raw, String what) {
        String v = raw.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        switch (key.type()) {
            case INT -> {
                try {
                    long n = Long.parseLong(v);
                    if (n < key.min() || n > key.max()) {
                        return Optional.of(what + " must be between " + key.min() + " and " + key.max() + ", not " + n);
                    }
                } catch (NumberFormatException e) {
                    return Optional.of(what + " must be a whole number (default " + key.defaultText() + "), not '" + v + "'");
                }
            }
            case FRACTION -> {
                try {
                    double d = Double.parseDouble(v);
                    if (!(d >= 0 && d <= 1)) {
                        return Optional.of(what + " must be between 0 and 1, not " + v);
                    }
                } catch (NumberFormatException e) {
                    return Optional.of(what + " must be a number between 0 and 1 such as " + key.defaultText()
                            + " (with a dot), not '" + v + "'");
                }
            }
            case BOOLEAN -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    return Optional.of(what + " must be true or false, not '" + v + "'");
                }
            }
            case LOG_FORMAT -> {
                if (!v.equals("text") && !v.equals("json")) {
                    return Optional.of(what + " must be text or json, not '" + v + "'");
                }
            }
            case ID_LIST -> {
                for (String part : v.split("[,\\s]+")) {
                    if (!part.isEmpty() && !part.matches("-?[0-9]{1,20}")) {
                        return Optional.of(what + " must be numeric ids separated by commas, not '" + part + "'");
                    }
                }
            }
            case FILE -> {
                if (!Files.isRegularFile(Path.of(v))) {
                    return Optional.of(what + ": file not found: " + v + " (give an existing file, or leave the key"
                            + " out for the default)");
                }
            }
            case DIR -> {
                if (!Files.isDirectory(Path.of(v))) {
                    return Optional.of(what + ": folder not found: " + v + " (give an existing folder, or leave the key"
                            + " out for the default)");
                }
            }
            case PATH -> {
                if (!Files.exists(Path.of(v))) {
                    return Optional.of(what + ": file not found: " + v + " (give an existing report folder or file, or leave the key"
                            + " out for the default)");
                }
            }
            case NEW_FILE -> {
                Path parent = Path.of(v).toAbsolutePath().getParent();
                if (parent == null || !Files.isDirectory(parent)) {
                    return Optional.of(what + ": the folder of " + v + " does not exist (create it first)");
                }
            }
            case STRING, SECRET -> {
                // checked by the adapter that uses it
            }
            default -> throw new IllegalStateException(key.type().toString());
        }
        return Optional.empty();
    }

    private static Optional<String> permissionWarning(Path file, Properties p) {
        List<String> secrets = Keys.ALL.stream().filter(k -> k.type() == Type.SECRET)
                .map(Key::name).filter(n -> !p.getProperty(n, "").isBlank()).toList();
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of("the config file " + file + " holds " + String.join(", ", secrets)
                        + " but others can read it (" + PosixFilePermissions.toString(perms) + "): run chmod 600 "
                        + file + ", or put the token in the environment instead");
            }
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty(); // not a POSIX file system: nothing to check
        }
        return Optional.empty();
    }

    /** Problems worth telling the operator that do not stop the start (e.g. a token in a readable file). */
    public List<String> warnings() {
        return warnings;
    }

    /** The file's own properties (without the environment; renamed keys under their new names). */
    public Properties fileProperties() {
        Properties copy = new Properties();
        copy.putAll(fileProperties);
        return copy;
    }

    /** The config file, if one was given. */
    public Optional<Path> file() {
        return file;
    }

    /** The environment this configuration was read with. */
    public Map<String, String> env() {
        return env;
    }

    /** The value of a key: its environment variable, else the file, else empty (the key's default applies). */
    public Optional<String> value(String name) {
        Key key = Keys.find(name).orElseThrow(() -> new IllegalArgumentException("unknown key " + name));
        String fromEnv = key.env().map(env::get).orElse(null);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.trim());
        }
        String fromFile = fileProperties.getProperty(name);
        return fromFile == null || fromFile.isBlank() ? Optional.empty() : Optional.of(fromFile.trim());
    }

    /** The value of a key, or its default. */
    public String string(String name) {
        return value(name).orElseGet(() -> Keys.find(name).orElseThrow().defaultText());
    }

    /** A whole-number key (already checked by {@link #load}). */
    public int integer(String name) {
        return Integer.parseInt(string(name));
    }

    /** True when a token for this key is set in the environment or the file. */
    public boolean has(String name) {
        return value(name).isPresent();
    }

    /** The set of ids of an {@link Type#ID_LIST} key; empty when unset. */
    public Set<Long> idSet(String name) {
        return ids(value(name).orElse(""));
    }

    /** Parses ids separated by commas or spaces (already checked by {@link #load}). */
    public static Set<Long> ids(String raw) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : raw.split("[,\\s]+")) {
            if (!part.isBlank()) {
                try {
                    ids.add(Long.parseLong(part.trim()));
                } catch (NumberFormatException e) {
                    throw new ConfigException("expected numeric ids separated by commas, not '" + part.trim() + "'");
                }
            }
        }
        return Set.copyOf(ids);
    }

    /** The engine settings: report(s), intents, unanswered log and threshold. */
    public EngineSettings engineSettings() {
        return new EngineSettings(value("reportbot.report").map(Path::of), value("reportbot.intents").map(Path::of),
                Double.parseDouble(string("reportbot.threshold")), value("reportbot.unansweredLog").map(Path::of),
                reportSelection());
    }

    /**
     * Further report folders ({@code reportbot.moreReports}: folders separated by commas), the default report
     * ({@code reportbot.defaultReport}: a report id) and the report per chat ({@code reportbot.reportByChat}:
     * {@code conversation=reportId} pairs separated by commas, e.g. {@code telegram:123=ai-index-2024}).
     */
    EngineSettings.ReportSelection reportSelection() {
        java.util.List<Path> folders = new java.util.ArrayList<>();
        for (String part : value("reportbot.moreReports").orElse("").split(",")) {
            if (!part.isBlank()) {
                Path p = Path.of(part.strip());
                if (!Files.isDirectory(p)) {
                    throw new ConfigException("'reportbot.moreReports': folder not found: " + p);
                }
                folders.add(p);
            }
        }
        java.util.Map<String, String> byChat = new java.util.LinkedHashMap<>();
        for (String part : value("reportbot.reportByChat").orElse("").split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.lastIndexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new ConfigException("'reportbot.reportByChat' expects conversation=reportId pairs separated by "
                        + "commas (e.g. telegram:123=ai-index-2024), not '" + part.strip() + "'");
            }
            byChat.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return new EngineSettings.ReportSelection(folders, value("reportbot.defaultReport").map(String::strip), byChat);
    }

    /**
     * Where the shared state lives: Redis when {@code state.redisUrl} / {@code REPORTBOT_REDIS_URL} is set, else in
     * this process.
     *
     * @throws ConfigException when the Redis URL is malformed (the message never shows the URL: it may hold a
     *                         password)
     */
    public StateSettings stateSettings() {
        try {
            return new StateSettings(value("state.redisUrl"), string("state.redisKeyPrefix"),
                    Duration.ofMillis(integer("state.redisTimeoutMillis")), StateSettings.DEFAULT_CONTEXT_IDLE);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("state.redisUrl (or REPORTBOT_REDIS_URL): " + e.getMessage());
        }
    }

    /** The log format, {@code text} or {@code json}. */
    public String logFormat() {
        return string("reportbot.log.format").toLowerCase(Locale.ROOT);
    }
}
