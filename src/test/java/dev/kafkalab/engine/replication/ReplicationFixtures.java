package dev.kafkalab.engine.replication;

import dev.kafkalab.engine.LogRecord;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.PartitionLog;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.ProducerRecord;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the replication lessons' tests (not a test class itself). */
final class ReplicationFixtures {
    private ReplicationFixtures() {
    }

    /** A 3-broker cluster with the given broker settings. */
    static Simulation cluster(long seed, Map<String, ?> brokerConfig) {
        return new Simulation(seed, 3, brokerConfig);
    }

    /** A one-partition topic with an explicit replica order (the first replica is the preferred leader). */
    static Partition topic(Simulation sim, String name, List<Integer> replicas, Map<String, ?> config) {
        return sim.createTopic(name, null, null, Map.of(0, replicas), config).partition(0);
    }

    static void send(Producer producer, String topic, String key, String value) {
        producer.send(new ProducerRecord(topic, 0, null, ProducerRecord.utf8(key), ProducerRecord.utf8(value),
                Map.of()));
    }

    static <T extends SimEvent> List<T> events(Simulation sim, Class<T> type) {
        return sim.trace().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Events of a type that happened at or after {@code fromMs}. */
    static <T extends SimEvent> List<T> eventsSince(Simulation sim, Class<T> type, long fromMs) {
        return events(sim, type).stream().filter(e -> e.time() >= fromMs).toList();
    }

    /** A replica's log as "offset:key=value" lines, the way LogTruncated describes removed records. */
    static List<String> contents(PartitionLog log) {
        List<String> out = new ArrayList<>();
        for (LogRecord r : log.records()) {
            out.add(r.offset() + ":" + r.keyString() + "=" + r.valueString());
        }
        return out;
    }

    static List<String> contents(Partition p, int broker) {
        return contents(p.log(broker));
    }

    /** Lowest log end offset among the replicas the controller has in the ISR. */
    static long minIsrLogEndOffset(Partition p) {
        long min = Long.MAX_VALUE;
        for (int b : p.isr()) {
            min = Math.min(min, p.log(b).logEndOffset());
        }
        return min;
    }
}
