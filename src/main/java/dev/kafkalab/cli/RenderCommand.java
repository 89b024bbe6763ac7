package dev.kafkalab.cli;

import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.ui.render.ScenarioRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Draws the app's cluster canvas after a scenario's set-up and after each step, as PNG files, headless. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draw the cluster canvas after each step of a scenario as PNG files (no display needed).")
final class RenderCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for step-00.png, step-01.png, ...")
    Path out;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1200", description = "Canvas width in pixels (default 1200).")
    double width;

    @Option(names = "--dark", description = "Use the dark theme.")
    boolean dark;

    @Override
    public Integer call() throws IOException {
        Scenario scenario = RunnableScenario.load(file);
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("kafkalab.headless", "true");
        }
        List<Path> written;
        try {
            written = new ScenarioRenderer(Math.max(700, width), dark).render(scenario, out);
        } catch (IOException e) {
            throw new InvalidInputException(out + ": cannot write: " + e.getMessage());
        }
        PrintWriter pw = spec.commandLine().getOut();
        for (Path p : written) {
            pw.println(p);
        }
        pw.flush();
        return 0;
    }

}
