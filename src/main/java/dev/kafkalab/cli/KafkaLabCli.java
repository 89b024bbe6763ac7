package dev.kafkalab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import dev.kafkalab.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless entry point: {@code kafka-lab partition | run | check | render | bench}. Never needs a display. */
@Command(name = "kafka-lab", mixinStandardHelpOptions = true, version = "Kafka Lab 0.1",
        description = "Kafka Lab's headless commands.",
        subcommands = {PartitionCommand.class, RunCommand.class, CheckCommand.class, RenderCommand.class,
                BenchCommand.class})
public final class KafkaLabCli implements Runnable {
    /** Exit code for invalid input (a bad scenario file, an unreadable keys file). */
    public static final int INVALID_INPUT = 1;
    /** Exit code for a usage error (unknown option, missing argument). */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: partition, run, check, render or bench");
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new KafkaLabCli());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExitCodeExceptionMapper(e -> e instanceof InvalidInputException ? INVALID_INPUT : USAGE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidInputException) {
                commandLine.getErr().println(e.getMessage());
                return INVALID_INPUT;
            }
            commandLine.getErr().println("kafka-lab: internal error: " + e);
            return 3;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(execute(args, out, err));
    }
}
