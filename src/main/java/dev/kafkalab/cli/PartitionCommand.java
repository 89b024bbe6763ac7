package dev.kafkalab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkalab.engine.KeyHashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows where keys land: key bytes -> murmur2 -> toPositive -> mod N, as Kafka's producer computes it. */
@Command(name = "partition", mixinStandardHelpOptions = true,
        description = "Print murmur2, toPositive and the partition of each key, as Kafka's default partitioner does.")
final class PartitionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--partitions", required = true, paramLabel = "N", description = "Number of partitions (>= 1).")
    int partitions;

    @Option(names = "--json", description = "Print one JSON array.")
    boolean json;

    @Option(names = "--keys-file", paramLabel = "F", description = "Read one UTF-8 key per line (- = stdin).")
    String keysFile;

    @Parameters(paramLabel = "KEY", arity = "0..*", description = "Keys (UTF-8).")
    List<String> keys = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (partitions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--partitions must be at least 1, got " + partitions);
        }
        List<String> all = new ArrayList<>(keys);
        if (keysFile != null) {
            all.addAll(readKeys(keysFile));
        }
        if (all.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give at least one KEY or --keys-file");
        }
        var out = spec.commandLine().getOut();
        if (json) {
            ArrayNode arr = Json.MAPPER.createArrayNode();
            for (String k : all) {
                KeyHashing.Steps s = KeyHashing.steps(k, partitions);
                ObjectNode o = arr.addObject();
                o.put("key", k);
                o.put("murmur2", s.murmur2());
                o.put("positive", s.positive());
                o.put("partitions", partitions);
                o.put("partition", s.partition());
            }
            out.println(Json.MAPPER.writeValueAsString(arr));
        } else {
            int width = 3;
            for (String k : all) {
                width = Math.max(width, k.length());
            }
            out.printf("%-" + width + "s  %11s  %10s  %s%n", "key", "murmur2", "toPositive", "partition (of " + partitions + ")");
            for (String k : all) {
                KeyHashing.Steps s = KeyHashing.steps(k, partitions);
                out.printf("%-" + width + "s  %11d  %10d  %d%n", k, s.murmur2(), s.positive(), s.partition());
            }
        }
        out.flush();
        return 0;
    }

    private static List<String> readKeys(String file) {
        try {
            if (file.equals("-")) {
                BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                return r.lines().toList();
            }
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidInputException(file + ":1:1: the keys file is not valid UTF-8");
        } catch (java.io.UncheckedIOException | IOException e) {
            throw new InvalidInputException(file + ":1:1: cannot read the keys file: " + e.getMessage());
        }
    }
}
