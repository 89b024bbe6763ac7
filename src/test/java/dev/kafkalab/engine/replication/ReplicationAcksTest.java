package dev.kafkalab.engine.replication;

import static dev.kafkalab.engine.replication.ReplicationFixtures.cluster;
import static dev.kafkalab.engine.replication.ReplicationFixtures.events;
import static dev.kafkalab.engine.replication.ReplicationFixtures.send;
import static dev.kafkalab.engine.replication.ReplicationFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkalab.engine.Delivery;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec, Replication: what acks=0, 1 and all answer, and acks=all refused while ISR < min.insync.replicas. */
class ReplicationAcksTest {
    static final String NOT_ENOUGH_REPLICAS =
            "Messages are rejected since there are fewer in-sync replicas than required.";

    /** RF 3, min.insync.replicas 2, brokers 1 and 2 shut down: ISR [0]. */
    private static Simulation isrBelowMinInsync(Partition[] out) {
        Simulation sim = cluster(5, Map.of());
        out[0] = topic(sim, "orders", List.of(0, 1, 2), Map.of("min.insync.replicas", 2));
        sim.cluster().shutdown(1);
        sim.cluster().shutdown(2);
        assertThat(out[0].isr()).containsExactly(0);
        return sim;
    }

    @Test
    void acksAllWithoutRetriesFailsAtOnceWithNotEnoughReplicasWhenTheIsrIsTooSmall() {
        Partition[] p = new Partition[1];
        Simulation sim = isrBelowMinInsync(p);
        Producer producer = sim.createProducer("p", Map.of("acks", "all", "retries", 0, "linger.ms", 0));
        long sentAt = sim.now();
        send(producer, "orders", "k", "v");
        sim.runUntilIdle();

        assertThat(producer.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.acked()).isFalse();
            assertThat(d.error()).isEqualTo("NotEnoughReplicasException");
            assertThat(d.message()).isEqualTo(NOT_ENOUGH_REPLICAS);
        });
        assertThat(sim.now() - sentAt).as("one round trip, no waiting").isLessThanOrEqualTo(5);
        assertThat(events(sim, SimEvent.BatchRetried.class)).isEmpty();
        assertThat(p[0].log(0).logEndOffset()).as("refused before the append").isZero();
    }

    @Test
    void acksAllWithDefaultRetriesBacksOffExponentiallyUntilDeliveryTimeoutExpires() {
        Partition[] p = new Partition[1];
        Simulation sim = isrBelowMinInsync(p);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        Producer producer = sim.createProducer("p", Map.of("acks", "all", "linger.ms", 0,
                "delivery.timeout.ms", 5_000, "request.timeout.ms", 1_000));
        long sentAt = sim.now();
        send(producer, "orders", "k", "v");
        sim.runUntilIdle();

        List<SimEvent.BatchRetried> retries = events(sim, SimEvent.BatchRetried.class);
        assertThat(retries).hasSizeGreaterThanOrEqualTo(4);
        assertThat(retries).allSatisfy(r -> assertThat(r.error()).isEqualTo("NotEnoughReplicasException"));
        assertThat(retries).extracting(SimEvent.BatchRetried::attempt)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, retries.size()).boxed().toList());
        // retry.backoff.ms 100 doubling per attempt up to retry.backoff.max.ms 1000
        long[] gaps = new long[retries.size() - 1];
        for (int i = 1; i < retries.size(); i++) {
            gaps[i - 1] = retries.get(i).time() - retries.get(i - 1).time();
        }
        assertThat(gaps[0]).isBetween(100L, 110L);
        assertThat(gaps[1]).isBetween(200L, 210L);
        assertThat(gaps[2]).isBetween(400L, 410L);
        for (int i = 1; i < gaps.length; i++) {
            assertThat(gaps[i]).as("backoff never shrinks").isGreaterThanOrEqualTo(gaps[i - 1]);
            assertThat(gaps[i]).as("capped by retry.backoff.max.ms").isLessThanOrEqualTo(1_010);
        }

        Delivery d = producer.deliveries().get(0);
        assertThat(producer.deliveries()).hasSize(1);
        assertThat(d.error()).isEqualTo("TimeoutException");
        assertThat(d.message()).isEqualTo("Expiring 1 record(s) for orders-0:5000 ms has passed since batch creation");
        SimEvent.RecordFailed failed = events(sim, SimEvent.RecordFailed.class).get(0);
        assertThat(failed.time() - sentAt).as("fails exactly at delivery.timeout.ms").isEqualTo(5_000);
        assertThat(p[0].log(0).logEndOffset()).isZero();
    }

    @Test
    void acksZeroGetsNoOffsetBackButTheLeaderStillWritesTheRecord() {
        Simulation sim = cluster(6, Map.of());
        Partition p = topic(sim, "orders", List.of(0, 1, 2), null);
        Producer producer = sim.createProducer("p", Map.of("acks", "0", "linger.ms", 0));
        send(producer, "orders", "k", "v");
        sim.runUntilIdle();
        sim.advance(1_000);

        assertThat(producer.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.acked()).isTrue();
            assertThat(d.offset()).isEqualTo(-1);
        });
        assertThat(p.log(0).logEndOffset()).isEqualTo(1);
    }

    @Test
    void acksOneIsAnsweredAfterTheLeadersAppendAndAcksAllOnlyOnceTheHighWatermarkPassesTheRecord() {
        Simulation sim = cluster(7, Map.of());
        sim.cluster().slow(2, 2_000);
        Partition p = topic(sim, "orders", List.of(0, 1, 2), null);
        sim.advance(3_000);
        Producer one = sim.createProducer("one", Map.of("acks", "1", "linger.ms", 0));
        Producer all = sim.createProducer("all", Map.of("acks", "all", "linger.ms", 0));
        long sentAt = sim.now();
        send(one, "orders", "k1", "v1");
        sim.runUntilIdle();
        long acks1Latency = events(sim, SimEvent.BatchAcknowledged.class).get(0).time() - sentAt;

        long sentAllAt = sim.now();
        send(all, "orders", "kall", "vall");
        sim.runUntilIdle();
        SimEvent.BatchAcknowledged ackAll = events(sim, SimEvent.BatchAcknowledged.class).get(1);
        SimEvent.HighWatermarkAdvanced hw = events(sim, SimEvent.HighWatermarkAdvanced.class).stream()
                .filter(e -> e.highWatermark() >= 2).findFirst().orElseThrow();

        assertThat(acks1Latency).as("acks=1: request + append + response").isLessThanOrEqualTo(3);
        assertThat(ackAll.baseOffset()).isEqualTo(1);
        assertThat(ackAll.time()).as("acks=all waits for the slow ISR member").isGreaterThanOrEqualTo(hw.time());
        assertThat(ackAll.time() - sentAllAt).isGreaterThan(100);
        assertThat(all.deliveries()).singleElement().extracting(Delivery::offset).isEqualTo(1L);
        assertThat(p.highWatermark()).isGreaterThanOrEqualTo(2);
    }
}
