package dev.kafkalab.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.scenario.Scenario;
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
        Scenario scenario = RunnableScenario.load(file);
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
