package app.quorum.verifier;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The verifier's report: each check by name, passed or failed, with what it found. A check that throws fails with
 * the exception's message (a {@link BadRecord} says where in the record).
 */
final class Report {

    /** One check's outcome. */
    record Check(String name, boolean passed, String found) {
    }

    private final List<Check> checks = new ArrayList<>();
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    /** Runs a check: its supplier returns what it found, or throws {@link BadRecord} (or any failure) to fail. */
    void check(String name, Supplier<String> check) {
        Check outcome;
        try {
            outcome = new Check(name, true, check.get());
        } catch (BadRecord failed) {
            outcome = new Check(name, false, failed.getMessage());
        } catch (RuntimeException broken) {
            outcome = new Check(name, false, "cannot be checked: " + broken);
        }
        checks.add(outcome);
        if (out != null) {
            out.println((outcome.passed() ? "PASS  " : "FAIL  ") + name + " — " + outcome.found());
        }
    }

    /** A failure unless {@code holds}. */
    static void require(boolean holds, String failure) {
        if (!holds) {
            throw new BadRecord(failure);
        }
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    boolean allPassed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The names of the failed checks, in order. */
    List<String> failures() {
        return checks.stream().filter(check -> !check.passed()).map(Check::name).toList();
    }
}
