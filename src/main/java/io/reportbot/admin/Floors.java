package io.reportbot.admin;

import io.reportbot.eval.EvalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lowest figures a retrained engine may show on a labelled set before it is swapped in: the same floors the test
 * suite holds the bundled intents to ({@code EvaluationFloorTest}). A floor is broken when the new figure is below it
 * and below the running engine's figure: a set that was already under a floor must at least not get worse.
 *
 * @param inScope    in-scope accuracy
 * @param outOfScope out-of-scope rejection
 * @param language   answers in the question's language
 * @param answers    answers that hold the expected figures
 */
public record Floors(double inScope, double outOfScope, double language, double answers) {

    /** The floors of the test suite. */
    public static Floors defaults() {
        return new Floors(0.93, 0.88, 0.97, 0.95);
    }

    /** Every floor {@code after} breaks on one set, in words, e.g. "holdout.jsonl: in-scope accuracy 91.0 % < 93 %". */
    public List<String> broken(String set, EvalResult before, EvalResult after) {
        List<String> out = new ArrayList<>();
        check(out, set, "in-scope accuracy", inScope, before == null ? null : before.inScopeAccuracy(), after.inScopeAccuracy());
        check(out, set, "out-of-scope rejection", outOfScope,
                before == null ? null : before.outOfScopeRejection(), after.outOfScopeRejection());
        check(out, set, "language accuracy", language, before == null ? null : before.languageAccuracy(),
                after.languageAccuracy());
        check(out, set, "answers with the expected figures", answers, before == null ? null : before.answerAccuracy(),
                after.answerAccuracy());
        return out;
    }

    private static void check(List<String> out, String set, String what, double floor, Double before, double after) {
        if (after < floor - 1e-9 && (before == null || after < before - 1e-9)) {
            out.add(String.format(Locale.ROOT, "%s: %s %.1f %% is below the floor of %.0f %%%s", set, what, after * 100,
                    floor * 100, before == null ? "" : String.format(Locale.ROOT, " (was %.1f %%)", before * 100)));
        }
    }
}
