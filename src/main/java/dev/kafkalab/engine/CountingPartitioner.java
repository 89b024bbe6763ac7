package dev.kafkalab.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A per-topic counter over the partitions that have a leader, as Kafka's
 * {@code RoundRobinPartitioner} (counter starts at 0) and the legacy {@code DefaultPartitioner}
 * of Kafka 2.3 and older (counter starts at a random value) do for keyless records.
 */
public final class CountingPartitioner {
    private final Map<String, int[]> counters = new HashMap<>();
    private final java.util.function.IntSupplier start;

    private CountingPartitioner(java.util.function.IntSupplier start) {
        this.start = start;
    }

    public static CountingPartitioner roundRobin() {
        return new CountingPartitioner(() -> 0);
    }

    public static CountingPartitioner legacy(java.util.Random random) {
        return new CountingPartitioner(random::nextInt);
    }

    /** Next partition: available.get(toPositive(counter++) % available.size()), or over all when none. */
    public int next(String topic, List<Integer> available, int numPartitions) {
        int[] c = counters.computeIfAbsent(topic, t -> new int[] {start.getAsInt()});
        int v = c[0]++;
        int positive = KeyHashing.toPositive(v);
        return available.isEmpty() ? positive % numPartitions : available.get(positive % available.size());
    }
}
