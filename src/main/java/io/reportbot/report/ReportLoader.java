package io.reportbot.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.reportbot.core.EngineLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report dataset from JSON and checks that it hangs together (every topic's facts exist, every
 * template placeholder names a value, every answer exists in both languages) and that every figure can be true
 * ({@link ValueCheck}: finite, not negative, growth above -100 %, shares in (0, 100]). Each problem names its
 * fact. Thread-safe.
 */
public final class ReportLoader {

    /** The bundled dataset: the 2024 white paper on Beijing's AI industry (its report folder's report.json). */
    public static final String BUNDLED = "/reports/beijing-ai-2024/report.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)(?:\\.([a-z]+))?}");
    private static final Set<String> PLACEHOLDER_PARTS = Set.of("bare", "eur", "yoy", "share");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Loads the bundled report. */
    public Report loadBundled() {
        return loadResource(BUNDLED);
    }

    /** Loads a report dataset from the class path (an absolute resource name). */
    public Report loadResource(String resource) {
        try (InputStream in = ReportLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new EngineLoadException("the bundled report " + resource + " is missing from the jar");
            }
            return validate(mapper.readValue(in, Report.class), "bundled report " + resource);
        } catch (IOException e) {
            throw new EngineLoadException("the bundled report cannot be read: " + describeError(e), e);
        }
    }

    /** Loads a report from a file. */
    public Report load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return validate(mapper.readValue(in, Report.class), file.toString());
        } catch (NoSuchFileException e) {
            throw new EngineLoadException("report file " + file + " does not exist");
        } catch (IOException e) {
            throw new EngineLoadException("report file " + file + " is not a valid report: " + describeError(e), e);
        }
    }

    public static String describeError(IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            String where = jpe.getLocation() == null ? ""
                    : " (line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() + ")";
            return jpe.getOriginalMessage() + where;
        }
        return e.getMessage();
    }

    /** The data claims and scope are checked against: assertions that say something, topics that exist. */
    private static List<String> claimDataProblems(Report r, Set<String> topicIds) {
        List<String> problems = new ArrayList<>();
        for (Fact f : r.facts()) {
            for (Assertion a : f.assertions()) {
                if (a.attribute() == null || a.attribute().isBlank()) {
                    problems.add("fact \"" + f.id() + "\": an assertion has no attribute");
                } else if (a.holds().isEmpty() && a.contradicts().isEmpty() && !a.otherPlaces() && a.figure() == null) {
                    problems.add("fact \"" + f.id() + "\": assertion \"" + a.attribute()
                            + "\" needs holds, contradicts, otherPlaces or figure");
                } else if (a.figure() != null && !a.figure().complete()) {
                    problems.add("fact \"" + f.id() + "\": assertion \"" + a.attribute() + "\": the figure needs \"de\" and \"en\"");
                }
            }
        }
        for (Uncovered u : r.uncovered()) {
            for (String t : u.topics()) {
                if (!topicIds.contains(t)) {
                    problems.add("uncovered " + u.terms().stream().findFirst().orElse("?") + ": topic \"" + t
                            + "\" does not exist");
                }
            }
        }
        return problems;
    }

    private static Report validate(Report r, String name) {
        List<String> problems = new ArrayList<>();
        if (r.id() == null || r.id().isBlank()) {
            problems.add("it has no id");
        }
        if (r.title() == null || !r.title().complete()) {
            problems.add("its title needs \"de\" and \"en\"");
        }
        if (r.place() == null || r.place().name() == null) {
            problems.add("it names no place");
        }
        if (r.sourceLanguage() != null && !Set.of("de", "en").contains(r.sourceLanguage())) {
            problems.add("its sourceLanguage must be \"de\" or \"en\", not \"" + r.sourceLanguage() + "\"");
        }
        Set<String> units = new HashSet<>(Value.PLAIN_UNITS);
        units.addAll(r.currencies().keySet());
        Set<String> ids = new HashSet<>();
        for (Fact f : r.facts()) {
            String at = "fact \"" + f.id() + "\"";
            if (f.id() == null || !ids.add(f.id())) {
                problems.add(at + ": missing or duplicate id");
            }
            if (f.source() == null || f.source().isBlank()) {
                problems.add(at + ": no source sentence");
            }
            if (f.answer() == null || !f.answer().complete()) {
                problems.add(at + ": the answer needs \"de\" and \"en\"");
                continue;
            }
            f.values().forEach((key, v) -> {
                if (!units.contains(v.unit())) {
                    problems.add(at + ": value \"" + key + "\" has unknown unit \"" + v.unit() + "\" (use "
                            + new java.util.TreeSet<>(units) + "; a currency needs an entry in \"currencies\")");
                }
                ValueCheck.problems(key, v).forEach(x -> problems.add(at + ": " + x));
            });
            for (String template : List.of(f.answer().de(), f.answer().en())) {
                Matcher m = PLACEHOLDER.matcher(template);
                while (m.find()) {
                    if (!f.values().containsKey(m.group(1))) {
                        problems.add(at + ": placeholder {" + m.group(1) + "} names no value");
                    } else if (m.group(2) != null && !PLACEHOLDER_PARTS.contains(m.group(2))) {
                        problems.add(at + ": placeholder {" + m.group(1) + "." + m.group(2) + "} is unknown (use "
                                + PLACEHOLDER_PARTS + ")");
                    }
                }
            }
            for (Computed c : f.computed()) {
                if (!f.values().containsKey(c.numerator()) || !f.values().containsKey(c.denominator())) {
                    problems.add(at + ": computed " + c.kind() + " names a value it does not have");
                }
                Value below = f.values().get(c.denominator());
                if (below != null && below.amount() == 0) {
                    problems.add(at + ": computed " + c.kind() + " divides by value \"" + c.denominator() + "\", which is 0");
                }
                if (c.text() == null || !c.text().complete()) {
                    problems.add(at + ": computed " + c.kind() + " needs text in \"de\" and \"en\"");
                }
            }
        }
        Set<String> topicIds = new HashSet<>();
        for (Topic t : r.topics()) {
            if (t.id() == null || !topicIds.add(t.id())) {
                problems.add("topic \"" + t.id() + "\": missing or duplicate id");
            }
            if (t.label() == null || !t.label().complete()) {
                problems.add("topic \"" + t.id() + "\": the label needs \"de\" and \"en\"");
            }
            for (String fid : t.facts()) {
                if (!ids.contains(fid)) {
                    problems.add("topic \"" + t.id() + "\": fact \"" + fid + "\" does not exist");
                }
            }
        }
        for (Topic t : r.topics()) {
            t.aspectTopics().forEach((aspect, target) -> {
                if (!topicIds.contains(target)) {
                    problems.add("topic \"" + t.id() + "\": aspectTopics names topic \"" + target + "\", which does not exist");
                }
            });
        }
        problems.addAll(claimDataProblems(r, topicIds));
        if (!problems.isEmpty()) {
            throw new EngineLoadException(name + " is not valid: " + String.join("; ", problems));
        }
        return r;
    }
}
