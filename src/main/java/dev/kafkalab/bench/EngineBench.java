package dev.kafkalab.bench;

import dev.kafkalab.bench.EngineWorkloads.Moved;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.Topic;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import javax.management.ObjectName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench engine}: the simulated cluster's throughput on workloads (a) to (e), headless, and the
 * heap each stored record costs beyond its key and value. Rounds alternate the workloads so machine
 * noise spreads over all of them; the median of the measured rounds is printed.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Engine throughput (records/s, MiB/s) on five workloads and heap bytes per stored record.")
final class EngineBench implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", defaultValue = "1000000",
            description = "Records per workload (default 1,000,000).")
    int records;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Measured rounds (default 5, at least 3).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "Warm-up rounds, not counted (default 2).")
    int warmup;

    @Option(names = "--only", paramLabel = "LETTERS", defaultValue = "abcde",
            description = "Which workloads to run, by letter (default abcde).")
    String only;

    /** A workload: its untimed set-up builds what the timed part needs. */
    record Workload(String name, IntFunction<Callable<Moved>> setUp) {
    }

    static List<Workload> workloads() {
        List<Workload> w = new ArrayList<>();
        w.add(new Workload("(a) 1 broker, RF 1, acks=1, keyless", n -> () -> EngineWorkloads.singleBroker(n)));
        w.add(new Workload("(b) 3 brokers, RF 3, min.insync 2, acks=all", n -> () -> EngineWorkloads.replicated(n)));
        w.add(new Workload("(c) keyed (murmur2), 6 partitions", n -> {
            byte[][] keys = EngineWorkloads.keys(n);
            return () -> EngineWorkloads.keyed(keys);
        }));
        w.add(new Workload("(d) one consumer reads all back", n -> {
            Simulation sim = EngineWorkloads.cluster(1, 1, 1, 1);
            EngineWorkloads.produce(sim, n, null, "1");
            return () -> EngineWorkloads.consumeAll(sim, "reader");
        }));
        w.add(new Workload("(e) group of 6, 6 partitions", n -> {
            Simulation sim = EngineWorkloads.cluster(1, EngineWorkloads.GROUP_PARTITIONS, 1, 1);
            EngineWorkloads.produce(sim, n, null, "1");
            return () -> EngineWorkloads.consumeAsGroup(sim, "readers");
        }));
        return w;
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 3 || records < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--runs must be at least 3, --records at least 1, --warmup not negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Workload> workloads = new ArrayList<>();
        for (Workload w : workloads()) {
            if (only.indexOf(w.name().charAt(1)) >= 0) {
                workloads.add(w);
            }
        }
        out.printf("Kafka Lab engine benchmark: %s records of %d B per workload, %d warm-up round(s), "
                + "median of %d rounds (workloads alternate within each round)%n",
                Stats.count(records), EngineWorkloads.VALUE_BYTES, warmup, runs);
        out.flush();
        double[][] seconds = new double[workloads.size()][runs];
        long[] recordsMoved = new long[workloads.size()];
        long[] bytesMoved = new long[workloads.size()];
        for (int round = 0; round < warmup + runs; round++) {
            for (int i = 0; i < workloads.size(); i++) {
                Callable<Moved> timed = workloads.get(i).setUp().apply(records);
                // the garbage of earlier rounds is collected before, not charged to, the timed part
                System.gc();
                long start = System.nanoTime();
                Moved moved = timed.call();
                long elapsed = System.nanoTime() - start;
                if (round >= warmup) {
                    seconds[i][round - warmup] = elapsed / 1e9;
                    recordsMoved[i] = moved.records();
                    bytesMoved[i] = moved.payloadBytes();
                }
            }
        }
        out.printf("%-46s %14s %10s   %s%n", "workload", "records/s", "MiB/s", "seconds per round");
        for (int i = 0; i < workloads.size(); i++) {
            double median = Stats.median(seconds[i]);
            StringBuilder all = new StringBuilder();
            for (double s : seconds[i]) {
                all.append(Stats.fixed(s, 3)).append(' ');
            }
            out.printf("%-46s %14s %10s   %s%n", workloads.get(i).name(), Stats.count(recordsMoved[i] / median),
                    Stats.fixed(bytesMoved[i] / median / (1024.0 * 1024.0), 1), all.toString().trim());
        }
        HeapCost cost = heapBytesPerStoredRecord(records);
        out.printf("heap per stored record beyond key and value: %s bytes of live objects "
                + "(heap in use: %s bytes; G1 rounds large arrays up to whole regions)%n",
                Stats.fixed(cost.objectBytes(), 1), Stats.fixed(cost.heapUsedBytes(), 1));
        out.println("  (method: " + Stats.count(records) + " records on 1 broker, RF 1; the simulation dropped "
                + "and only the topic's logs kept; live bytes from a class histogram after a full GC, heap in "
                + "use after System.gc(); each minus the same before, minus " + EngineWorkloads.VALUE_BYTES
                + " B of value per record)");
        out.flush();
        return 0;
    }

    /** Heap a stored record costs beyond its bytes: as live objects, and as heap in use. */
    record HeapCost(double objectBytes, double heapUsedBytes) {
    }

    /**
     * Fills one log, drops everything but the topic (which holds the partition logs and nothing of the
     * simulation around them), and divides the heap it keeps, less the value bytes, by the records.
     */
    static HeapCost heapBytesPerStoredRecord(int n) throws Exception {
        long liveBefore = liveObjectBytes();
        long usedBefore = usedHeapAfterGc();
        Simulation sim = EngineWorkloads.cluster(1, 1, 1, 1);
        EngineWorkloads.produce(sim, n, null, "1");
        Topic topic = sim.cluster().topic(EngineWorkloads.TOPIC);
        sim = null;
        long liveAfter = liveObjectBytes();
        long usedAfter = usedHeapAfterGc();
        Reference.reachabilityFence(topic);
        double payload = (double) n * EngineWorkloads.VALUE_BYTES;
        return new HeapCost((liveAfter - liveBefore - payload) / n, (usedAfter - usedBefore - payload) / n);
    }

    /** Bytes of all live objects: the total line of the JVM's class histogram (which runs a full GC first). */
    private static long liveObjectBytes() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        for (String line : histogram.split("\n")) {
            if (line.startsWith("Total")) {
                String[] cols = line.trim().split("\\s+");
                return Long.parseLong(cols[cols.length - 1]);
            }
        }
        throw new IllegalStateException("the class histogram has no total line");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
