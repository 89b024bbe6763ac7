package dev.kafkalab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lesson must replay identically: the same seed and the same calls give the same event trace. */
class DeterminismTest {

    /** A small but busy session: topic creation, keyed and keyless sends, time passing, a consumer. */
    private static Simulation script(long seed) {
        Simulation sim = new Simulation(seed, 3, Map.of());
        sim.createTopic("orders", 6, 3, null, null);
        sim.createTopic("audit", null, null, null, Map.of("segment.ms", 40));
        Producer producer = sim.createProducer("p", Map.of("linger.ms", 2));
        Consumer consumer = sim.createConsumer("c", Map.of("auto.offset.reset", "earliest"));
        String value = "x".repeat(120);
        for (int i = 0; i < 1_500; i++) {
            String key = i % 4 == 0 ? "user-" + (i % 17) : null;
            producer.send(ProducerRecord.of(i % 10 == 0 ? "audit" : "orders", key, value));
            if (i % 3 == 0) {
                sim.runUntilIdle();
            }
            if (i % 50 == 0) {
                sim.advance(7);
            }
        }
        producer.flush();
        sim.runUntilIdle();
        consumer.assignTopics(List.of("orders", "audit"));
        while (!consumer.poll(200).isEmpty()) {
            // read everything
        }
        sim.addPartitions("orders", 9);
        return sim;
    }

    private static List<String> traceText(Simulation sim) {
        List<String> out = new ArrayList<>();
        for (SimEvent e : sim.trace()) {
            out.add(e.toString());
        }
        return out;
    }

    /** Where keyless records went: the first sticky partition and every switch target. */
    private static List<Integer> stickyChoices(Simulation sim) {
        List<Integer> out = new ArrayList<>();
        for (SimEvent e : sim.trace()) {
            if (e instanceof SimEvent.RecordSent r && r.choice().equals("sticky") && out.isEmpty()) {
                out.add(r.partition());
            } else if (e instanceof SimEvent.StickyPartitionChanged c) {
                out.add(c.to());
            }
        }
        return out;
    }

    @Test
    void sameSeedAndSameCallsReplayTheIdenticalTrace() {
        List<String> first = traceText(script(1234));
        List<String> second = traceText(script(1234));
        assertThat(first).hasSizeGreaterThan(3_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aDifferentSeedMakesDifferentStickyChoices() {
        Simulation a = script(1234);
        Simulation b = script(98765);
        assertThat(stickyChoices(a)).hasSizeGreaterThan(5);
        assertThat(stickyChoices(b)).isNotEqualTo(stickyChoices(a));
        assertThat(traceText(b)).isNotEqualTo(traceText(a));
    }

    @Test
    void keyedRecordsLandOnTheSamePartitionWhateverTheSeed() {
        List<Integer> partitions = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3}) {
            Simulation sim = new Simulation(seed, 3, Map.of());
            sim.createTopic("orders", 6, 3, null, null);
            Producer producer = sim.createProducer("p", Map.of());
            producer.send(ProducerRecord.of("orders", "Credit Card Payment", "42"));
            sim.runUntilIdle();
            partitions.add(producer.deliveries().get(0).partition());
        }
        // the spec's vector: "Credit Card Payment" -> partition 3 of 6
        assertThat(partitions).containsExactly(3, 3, 3);
    }

    @Test
    void virtualTimeOnlyMovesWhenTheSimulationRuns() {
        Simulation sim = new Simulation(5, 1, Map.of());
        sim.createTopic("t", 1, 1, null, null);
        Producer producer = sim.createProducer("p", Map.of());
        producer.send(ProducerRecord.of("t", null, "v"));
        assertThat(sim.now()).isZero();
        sim.runUntilIdle();
        // linger.ms (5) + request (1) + response (1)
        assertThat(sim.now()).isEqualTo(7);
        sim.advance(1_000);
        assertThat(sim.now()).isEqualTo(1_007);
    }
}
