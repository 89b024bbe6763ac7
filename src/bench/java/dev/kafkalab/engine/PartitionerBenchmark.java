package dev.kafkalab.engine;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Utils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The keyed partitioner: our murmur2 path ({@link KeyHashing}) against Kafka's own ({@code Utils.murmur2}
 * then {@code Utils.toPositive}) on the same keys. Each operation partitions every key once; the result
 * is summed so neither path can be optimised away.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PartitionerBenchmark {
    /** Keys like the lessons' ("user-17", order ids) and random ones up to 64 bytes. */
    @Param({"1024"})
    int keys;

    @Param({"6"})
    int partitions;

    byte[][] data;

    @Setup
    public void makeKeys() {
        Random random = new Random(7);
        data = new byte[keys][];
        for (int i = 0; i < keys; i++) {
            if (i % 2 == 0) {
                data[i] = ("user-" + i).getBytes(StandardCharsets.UTF_8);
            } else {
                data[i] = new byte[1 + random.nextInt(64)];
                random.nextBytes(data[i]);
            }
        }
    }

    @Benchmark
    public int ours() {
        int sum = 0;
        for (byte[] k : data) {
            sum += KeyHashing.partitionForKey(k, partitions);
        }
        return sum;
    }

    @Benchmark
    public int kafkaUtils() {
        int sum = 0;
        for (byte[] k : data) {
            sum += Utils.toPositive(Utils.murmur2(k)) % partitions;
        }
        return sum;
    }
}
