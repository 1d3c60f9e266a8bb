package io.reportbot.admin;

import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import io.reportbot.review.IntentFileEditor;
import io.reportbot.store.QuestionStore;
import io.reportbot.store.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The inbox's three actions on a group of questions:
 * <ul>
 *   <li>add a question as an example of an intent, written as {@code review --add} writes it
 *   ({@link IntentFileEditor}: stable order, no duplicates, file lock, atomic replace);</li>
 *   <li>"this is out of scope": the same, into the {@code out_of_scope} intent;</li>
 *   <li>dismiss.</li>
 * </ul>
 * Then the group's questions are marked handled, only those still open: when two people act on one group at once,
 * both examples land in the files and each question is marked once. Thread-safe.
 */
public final class InboxActions {

    /** The action asked for. */
    public enum Action { ADD, OUT_OF_SCOPE, DISMISS }

    /**
     * What an action did.
     *
     * @param message in words, for the page
     * @param marked  how many questions this action marked handled (0 when someone else was first)
     */
    public record Result(String message, int marked) {
    }

    static final String OUT_OF_SCOPE_INTENT = "out_of_scope";

    private final QuestionStore store;
    private final Optional<Path> intentsDir;
    private final Clock clock;

    public InboxActions(QuestionStore store, Optional<Path> intentsDir, Clock clock) {
        this.store = store;
        this.intentsDir = intentsDir;
        this.clock = clock;
    }

    /** Whether examples can be written (only with an intents folder). */
    public boolean canEdit() {
        return intentsDir.isPresent();
    }

    /** The intents that examples can be added to, sorted. */
    public List<String> intents() {
        if (intentsDir.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(intentsDir.get())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Performs an action.
     *
     * @param action   what to do
     * @param ids      the group's questions
     * @param text     for ADD and OUT_OF_SCOPE: the question to add
     * @param intent   for ADD: the intent
     * @param language for ADD and OUT_OF_SCOPE: "de" or "en"
     * @throws IllegalArgumentException for a bad request (the message says what is wrong)
     */
    public Result perform(Action action, List<Long> ids, String text, String intent, String language) throws IOException {
        if (ids == null || ids.isEmpty() || ids.size() > 5000) {
            throw new IllegalArgumentException("choose a group of questions");
        }
        String added = "";
        if (action != Action.DISMISS) {
            if (intentsDir.isEmpty()) {
                throw new IllegalArgumentException("examples can only be added when reportbot runs with --intents DIR");
            }
            if (text == null || text.isBlank() || text.length() > 500) {
                throw new IllegalArgumentException("the question to add must be 1 to 500 characters");
            }
            Language lang = Language.fromCode(language)
                    .orElseThrow(() -> new IllegalArgumentException("the language must be de or en"));
            String target = action == Action.ADD ? intent : OUT_OF_SCOPE_INTENT;
            if (target == null || !intents().contains(target)) {
                throw new IllegalArgumentException("there is no intent \"" + target + "\"");
            }
            try {
                IntentFileEditor.Result r = IntentFileEditor.add(intentsDir.get(), target, lang, text);
                added = r == IntentFileEditor.Result.ADDED ? "added to " + target + " (examples." + lang.code() + ")"
                        : "already an example of " + target;
            } catch (EngineLoadException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        Status status = switch (action) {
            case ADD -> Status.ADDED;
            case OUT_OF_SCOPE -> Status.OUT_OF_SCOPE;
            case DISMISS -> Status.DISMISSED;
        };
        int marked = store.handle(ids, status, clock.instant());
        String done = marked == 0 ? "someone else handled this group already"
                : marked + " question" + (marked == 1 ? "" : "s") + " marked " + status.word().replace('_', ' ');
        return new Result(added.isEmpty() ? done : added + "; " + done + "; retrain to use it", marked);
    }
}
