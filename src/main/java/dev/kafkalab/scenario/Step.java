package dev.kafkalab.scenario;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code steps}.
 *
 * @param index   1-based position in {@code steps}
 * @param say     narrative Markdown, or null
 * @param actions the {@code do} list, possibly empty
 * @param goal    the raw {@code goal} mapping (strings, Longs, Doubles, Booleans, nulls, lists, maps), or null
 * @param title   optional step title, or null
 */
public record Step(int index, String say, List<Action> actions, Map<String, Object> goal, Location location,
                   String title) {
    public Step {
        actions = List.copyOf(actions);
        goal = Copies.map(goal);
    }
}
