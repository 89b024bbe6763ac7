package dev.kafkalab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks a valid scenario against what this version of Kafka Lab can run. */
public final class ScenarioChecker {
    private ScenarioChecker() {
    }

    /** A problem for every action whose name is not in {@code supportedActions}, in file order. */
    public static List<Problem> unsupported(Scenario scenario, Set<String> supportedActions) {
        List<String> supported = new ArrayList<>();
        Action.NAMES.stream().filter(supportedActions::contains).forEach(supported::add);
        new TreeSet<>(supportedActions).stream().filter(a -> !supported.contains(a)).forEach(supported::add);
        String list = supported.isEmpty() ? "none" : Nodes.join(supported);
        List<Problem> out = new ArrayList<>();
        for (Action a : scenario.actions()) {
            if (!supportedActions.contains(a.name())) {
                out.add(new Problem(a.location(), "action '" + a.name()
                        + "' is not supported yet by this version of Kafka Lab (supported: " + list + ")"));
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * A problem for every consumer (declared or joining) that names a {@code group}: consumer groups are
     * not supported yet. Remove when groups land.
     */
    public static List<Problem> unsupportedGroups(Scenario scenario) {
        String message = "consumer groups are not supported yet; omit 'group' to assign all partitions of its topics";
        List<Problem> out = new ArrayList<>();
        for (ConsumerSpec c : scenario.consumers()) {
            if (c.group() != null) {
                out.add(new Problem(c.location(), message));
            }
        }
        for (Action a : scenario.actions()) {
            if (a instanceof Join j && j.group() != null) {
                out.add(new Problem(j.location(), message));
            }
        }
        out.sort(null);
        return out;
    }
}
