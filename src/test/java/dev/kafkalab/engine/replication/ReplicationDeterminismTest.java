package dev.kafkalab.engine.replication;

import static dev.kafkalab.engine.replication.ReplicationFixtures.contents;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkalab.engine.Consumer;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.ProducerRecord;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A failure lesson must replay identically: same seed, same calls, same trace. */
class ReplicationDeterminismTest {

    /** Crashes, restarts, an isolation, a slow follower and a shutdown, with producers and a consumer running. */
    private static Simulation failureScript(long seed) {
        Simulation sim = new Simulation(seed, 4, Map.of("replica.lag.time.max.ms", 8_000,
                "leader.imbalance.check.interval.seconds", 20));
        sim.createTopic("payments", 4, 3, null, Map.of("min.insync.replicas", 2));
        sim.createTopic("clicks", 2, 3, null, null);
        Producer safe = sim.createProducer("safe", Map.of("acks", "all", "linger.ms", 3));
        Producer fast = sim.createProducer("fast", Map.of("acks", "1", "linger.ms", 0));
        Consumer consumer = sim.createConsumer("c", Map.of("auto.offset.reset", "earliest"));
        consumer.assignTopics(List.of("payments", "clicks"));
        for (int round = 0; round < 12; round++) {
            for (int i = 0; i < 20; i++) {
                safe.send(ProducerRecord.of("payments", "card-" + (i % 7), "r" + round + "-" + i));
                fast.send(ProducerRecord.of("clicks", null, "c" + round + "-" + i));
            }
            switch (round) {
                case 1 -> sim.cluster().crash(1);
                case 2 -> sim.cluster().slow(3, 12_000);
                case 3 -> sim.cluster().isolate(2);
                case 5 -> sim.cluster().heal(2);
                case 6 -> sim.cluster().restart(1);
                case 7 -> sim.cluster().slow(3, 0);
                case 8 -> sim.cluster().shutdown(3);
                case 10 -> sim.cluster().restart(3);
                default -> { }
            }
            sim.advance(4_000 + 100L * round);
            consumer.poll(null);
        }
        sim.runUntilIdle();
        sim.advance(30_000);
        return sim;
    }

    private static List<String> traceText(Simulation sim) {
        List<String> out = new ArrayList<>();
        for (SimEvent e : sim.trace()) {
            out.add(e.toString());
        }
        return out;
    }

    @Test
    void theSameSeedAndCallsReplayFailuresIdentically() {
        Simulation first = failureScript(42);
        Simulation second = failureScript(42);

        List<String> a = traceText(first);
        List<String> b = traceText(second);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)).as("event #%d", i).isEqualTo(a.get(i));
        }
        List<Class<?>> seen = first.trace().stream().<Class<?>>map(Object::getClass).distinct().toList();
        assertThat(seen).as("the script really exercises failover").contains(SimEvent.BrokerCrashed.class,
                SimEvent.BrokerFenced.class, SimEvent.LeaderElected.class, SimEvent.IsrChanged.class,
                SimEvent.BrokerIsolated.class, SimEvent.BrokerHealed.class, SimEvent.BrokerRestarted.class,
                SimEvent.RecordsReplicated.class, SimEvent.BatchRetried.class, SimEvent.LogTruncated.class);
        for (String topic : List.of("payments", "clicks")) {
            for (Partition p : first.cluster().topic(topic).partitions()) {
                Partition q = second.cluster().topic(topic).partition(p.index());
                for (int broker : p.replicas()) {
                    assertThat(contents(q, broker)).isEqualTo(contents(p, broker));
                }
            }
        }
    }
}
