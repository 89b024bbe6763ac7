package dev.kafkalab.scenario;

import java.util.List;

/**
 * One entry of {@code steps}.
 *
 * @param index   1-based position in {@code steps}
 * @param say     narrative Markdown, or null
 * @param actions the {@code do} list, possibly empty
 * @param title    optional step title, or null
 * @param question a predict-then-reveal question asked before the actions run, or null
 * @param goal     what the learner must do after the actions, or null
 * @param solution actions that meet the goal (empty without a goal)
 */
public record Step(int index, String say, List<Action> actions, Location location, String title,
                   Question question, Goal goal, List<Action> solution) {
    public Step {
        actions = List.copyOf(actions);
        solution = List.copyOf(solution);
    }

    /** A plain scenario step: no question, goal or solution. */
    public Step(int index, String say, List<Action> actions, Location location, String title) {
        this(index, say, actions, location, title, null, null, List.of());
    }

    /** True when the step asks, or waits for, the learner. */
    public boolean interactive() {
        return question != null || goal != null;
    }
}
