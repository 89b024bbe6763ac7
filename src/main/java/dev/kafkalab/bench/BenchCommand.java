package dev.kafkalab.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kafka-lab bench engine | ui | startup}: performance figures printed, never asserted. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: the engine's throughput, the canvas's frame times, the app's startup.",
        subcommands = {EngineBench.class, UiBench.class, StartupBench.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: engine, ui or startup");
    }
}
