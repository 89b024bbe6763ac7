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
}
