package dev.kafkalab.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that is not valid: every problem found, sorted by position. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** At least one problem, in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
