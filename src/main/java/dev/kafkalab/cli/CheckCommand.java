package dev.kafkalab.cli;

import dev.kafkalab.scenario.Problem;
import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.ScenarioException;
import dev.kafkalab.scenario.ScenarioLoader;
import dev.kafkalab.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Validates scenario and lesson files; a folder is searched for *.yaml and *.yml files. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate scenario/lesson files. Exit 1 with file:line:column: message per problem.")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int problems = 0;
        int files = 0;
        for (Path file : expand(paths, err)) {
            files++;
            for (Problem p : check(file)) {
                out.println(p);
                problems++;
            }
        }
        out.flush();
        if (files == 0) {
            err.println("kafka-lab check: no scenario files found");
            return KafkaLabCli.INVALID_INPUT;
        }
        err.println(files + " file(s) checked, " + problems + " problem(s)");
        return problems == 0 ? 0 : KafkaLabCli.INVALID_INPUT;
    }

    /** Loading problems, then what this version cannot run, then (for a lesson) what keeps it from being finished. */
    static List<Problem> check(Path file) {
        try {
            Scenario s = new ScenarioLoader().load(file);
            List<Problem> problems = ScenarioRunner.problems(s);
            if (problems.isEmpty() && s.isLesson()) {
                problems = ScenarioRunner.lessonProblems(s);
            }
            return problems;
        } catch (ScenarioException e) {
            return e.problems();
        }
    }

    static List<Path> expand(List<Path> paths, PrintWriter err) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> Files.isRegularFile(f) && (f.toString().endsWith(".yaml")
                            || f.toString().endsWith(".yml"))).sorted().forEach(out::add);
                } catch (IOException e) {
                    err.println(p + ":1:1: cannot read the folder: " + e.getMessage());
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
