package dev.kafkalab.bench;

import dev.kafkalab.engine.Consumer;
import dev.kafkalab.engine.ConsumerGroup;
import dev.kafkalab.engine.ConsumerRecord;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.ProducerRecord;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.Topic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's benchmark workloads, headless and without animation: the simulation keeps no trace
 * and has no listeners, as when the CLI runs a scenario for its final state. Each workload returns
 * what it moved; the caller times it. The real-Kafka comparison runs the same shapes.
 */
public final class EngineWorkloads {
    /** Size of each record's value, in bytes. */
    public static final int VALUE_BYTES = 100;
    /** Partitions of the topics read by a consumer group and of the keyed workload. */
    public static final int GROUP_PARTITIONS = 6;
    /** Members of the consumer group in workload (e). */
    public static final int GROUP_MEMBERS = 6;
    static final String TOPIC = "bench";
    /** Records sent before the simulation runs their requests (a producer's burst between two runs). */
    private static final int SEND_CHUNK = 10_000;

    /** What one workload moved: records and payload bytes (keys plus values). */
    public record Moved(long records, long payloadBytes) {
    }

    private EngineWorkloads() {
    }

    /** A 100-byte value, different for each record so no two records share an array. */
    public static byte[] value(long i) {
        byte[] v = new byte[VALUE_BYTES];
        for (int k = 0; k < 8; k++) {
            v[k] = (byte) (i >>> (k * 8));
        }
        return v;
    }

    /** Keys "key-0", "key-1", ...: made before a keyed run so the run times only the engine. */
    public static byte[][] keys(int n) {
        byte[][] keys = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = ("key-" + i).getBytes(StandardCharsets.UTF_8);
        }
        return keys;
    }

    /** A cluster of {@code brokers} with one topic of {@code partitions}, replication factor {@code rf}. */
    public static Simulation cluster(int brokers, int partitions, int rf, int minInsync) {
        Simulation sim = new Simulation(42, brokers, Map.of("offsets.topic.replication.factor", Math.min(3, brokers)));
        sim.setRecordTrace(false);
        sim.createTopic(TOPIC, partitions, rf, null, Map.of("min.insync.replicas", minInsync));
        return sim;
    }

    /**
     * Produces {@code n} records ({@code keys} null: keyless) with the given acks and runs the
     * simulation until every one is acknowledged.
     */
    public static Moved produce(Simulation sim, int n, byte[][] keys, String acks) {
        Producer producer = sim.createProducer("producer-" + sim.producers().size(), Map.of("acks", acks));
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            byte[] key = keys == null ? null : keys[i];
            byte[] value = value(i);
            producer.send(new ProducerRecord(TOPIC, null, null, key, value, null));
            bytes += value.length + (key == null ? 0 : key.length);
            if ((i + 1) % SEND_CHUNK == 0) {
                sim.runUntilIdle();
            }
        }
        producer.flush();
        sim.runUntilIdle();
        if (producer.incomplete() != 0) {
            throw new IllegalStateException(producer.incomplete() + " records not acknowledged");
        }
        return new Moved(n, bytes);
    }

    /** (a) 1 broker, RF 1, acks=1, keyless. */
    public static Moved singleBroker(int n) {
        return produce(cluster(1, 1, 1, 1), n, null, "1");
    }

    /** (b) 3 brokers, RF 3, min.insync.replicas 2, acks=all, keyless. */
    public static Moved replicated(int n) {
        return produce(cluster(3, 1, 3, 2), n, null, "all");
    }

    /** (c) keyed records through murmur2 to one of 6 partitions; 1 broker, acks=1. */
    public static Moved keyed(byte[][] keys) {
        return produce(cluster(1, GROUP_PARTITIONS, 1, 1), keys.length, keys, "1");
    }

    /** (d) One consumer reads every record of the topic back, from the start. */
    public static Moved consumeAll(Simulation filled, String consumerId) {
        Consumer consumer = filled.createConsumer(consumerId, Map.of("auto.offset.reset", "earliest"));
        consumer.assignTopics(List.of(TOPIC));
        long total = total(filled);
        return drain(List.of(consumer), total);
    }

    /** (e) A group of 6 consumers reads a 6-partition topic; the run includes the group's first rebalance. */
    public static Moved consumeAsGroup(Simulation filled, String group) {
        List<Consumer> members = new ArrayList<>();
        for (int i = 0; i < GROUP_MEMBERS; i++) {
            Consumer c = filled.createConsumer(group + "-" + i, Map.of("auto.offset.reset", "earliest",
                    "group.protocol", "consumer"));
            c.subscribe(group, List.of(TOPIC));
            members.add(c);
        }
        // read only once the group is stable, one partition each: a partition moving mid-read is read twice
        for (int waited = 0; !stable(filled, group, members); waited += 100) {
            if (waited > 60_000) {
                throw new IllegalStateException("the group did not settle on one partition per member");
            }
            filled.advance(100);
        }
        return drain(members, total(filled));
    }

    private static boolean stable(Simulation sim, String group, List<Consumer> members) {
        ConsumerGroup g = sim.groupCoordinator().consumerGroups().get(group);
        return g != null && g.state() == ConsumerGroup.State.STABLE
                && members.stream().allMatch(c -> c.assignment().size() == 1);
    }

    private static long total(Simulation sim) {
        long n = 0;
        Topic t = sim.cluster().topic(TOPIC);
        for (int p = 0; p < t.partitionCount(); p++) {
            n += t.partition(p).highWatermark();
        }
        return n;
    }

    private static Moved drain(List<Consumer> consumers, long total) {
        long records = 0;
        long bytes = 0;
        while (records < total) {
            long before = records;
            for (Consumer c : consumers) {
                for (ConsumerRecord r : c.poll(null)) {
                    byte[] k = r.key();
                    bytes += r.value().length + (k == null ? 0 : k.length);
                    records++;
                }
            }
            if (records == before) {
                throw new IllegalStateException("consumers stopped at " + records + " of " + total);
            }
        }
        return new Moved(records, bytes);
    }
}
