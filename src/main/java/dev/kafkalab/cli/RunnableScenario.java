package dev.kafkalab.cli;

import dev.kafkalab.scenario.Problem;
import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.ScenarioException;
import dev.kafkalab.scenario.ScenarioLoader;
import dev.kafkalab.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;

/** Loads a scenario file that this version can run, or refuses it with every located problem. */
final class RunnableScenario {
    private RunnableScenario() {
    }

    static Scenario load(Path file) {
        Scenario scenario;
        try {
            scenario = new ScenarioLoader().load(file);
        } catch (ScenarioException e) {
            throw new InvalidInputException(join(e.problems()));
        }
        List<Problem> unsupported = ScenarioRunner.problems(scenario);
        if (!unsupported.isEmpty()) {
            throw new InvalidInputException(join(unsupported));
        }
        return scenario;
    }

    private static String join(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (sb.length() > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append(p);
        }
        return sb.toString();
    }
}
