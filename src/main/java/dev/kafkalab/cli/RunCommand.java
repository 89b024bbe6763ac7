package dev.kafkalab.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.scenario.Problem;
import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.ScenarioException;
import dev.kafkalab.scenario.ScenarioLoader;
import dev.kafkalab.scenario.ScenarioRunner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a scenario headless, as fast as the machine goes, and prints the final state. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario file headless and print the final state.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--json", description = "Print the final state as one JSON object.")
    boolean json;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write every engine event as JSON Lines.")
    Path trace;

    @Override
    public Integer call() throws IOException {
        Scenario scenario;
        try {
            scenario = new ScenarioLoader().load(file);
        } catch (ScenarioException e) {
            throw new InvalidInputException(join(e.problems()));
        }
        List<Problem> unsupported = ScenarioRunner.unsupported(scenario);
        if (!unsupported.isEmpty()) {
            throw new InvalidInputException(join(unsupported));
        }
        ScenarioRunner runner = new ScenarioRunner(scenario);
        runner.runToEnd();
        PrintWriter out = spec.commandLine().getOut();
        if (trace != null) {
            writeTrace(runner.simulation().trace(), trace);
        }
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(StateJson.of(runner)));
        } else {
            out.print(StateText.of(runner));
        }
        out.flush();
        return 0;
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

    static void writeTrace(List<SimEvent> events, Path file) {
        ObjectWriter w = Json.MAPPER.writer();
        try (BufferedWriter bw = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SimEvent e : events) {
                bw.write(w.writeValueAsString(TraceJson.of(e)));
                bw.write('\n');
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + ":1:1: cannot write the trace: " + e.getMessage());
        }
    }
}
