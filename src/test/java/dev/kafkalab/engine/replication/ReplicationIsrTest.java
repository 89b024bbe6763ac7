package dev.kafkalab.engine.replication;

import static dev.kafkalab.engine.replication.ReplicationFixtures.cluster;
import static dev.kafkalab.engine.replication.ReplicationFixtures.contents;
import static dev.kafkalab.engine.replication.ReplicationFixtures.eventsSince;
import static dev.kafkalab.engine.replication.ReplicationFixtures.send;
import static dev.kafkalab.engine.replication.ReplicationFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec, Replication: a follower stays in the ISR while it catches up within replica.lag.time.max.ms. */
class ReplicationIsrTest {

    private static void produceEverySecond(Simulation sim, Producer producer, int seconds, String prefix) {
        for (int i = 0; i < seconds; i++) {
            send(producer, "orders", prefix + i, "v");
            sim.advance(1_000);
        }
    }

    @Test
    void aFollowerSlowerThanTheLagTimeLeavesTheIsrAndRejoinsOnceItCatchesUp() {
        Simulation sim = cluster(4, Map.of("replica.lag.time.max.ms", 10_000));
        Partition p = topic(sim, "orders", List.of(0, 1, 2), null);
        Producer producer = sim.createProducer("p", Map.of("acks", "1", "linger.ms", 0));
        produceEverySecond(sim, producer, 3, "warm-");
        assertThat(p.isr()).containsExactly(0, 1, 2);

        sim.cluster().slow(2, 15_000);
        long slowedAt = sim.now();
        produceEverySecond(sim, producer, 25, "slow-");

        List<SimEvent.IsrChanged> shrinks = eventsSince(sim, SimEvent.IsrChanged.class, slowedAt);
        assertThat(shrinks).isNotEmpty();
        SimEvent.IsrChanged shrink = shrinks.get(0);
        assertThat(shrink.isr()).containsExactly(0, 1);
        assertThat(shrink.reason()).isEqualTo(
                "broker(s) [2] did not catch up within replica.lag.time.max.ms (10000 ms)");
        assertThat(shrink.time() - slowedAt).as("dropped only after the lag time, by the next check (every 5 s)")
                .isGreaterThan(10_000).isLessThanOrEqualTo(10_000 + 5_000 + 1_000);
        assertThat(p.isr()).containsExactly(0, 1);
        assertThat(p.leader()).as("the leader keeps leading; only the ISR changes").isZero();
        assertThat(p.highWatermark()).as("without broker 2 the HW follows brokers 0 and 1")
                .isEqualTo(p.log(0).logEndOffset());

        sim.cluster().slow(2, 0);
        long speedUp = sim.now();
        produceEverySecond(sim, producer, 20, "fast-");

        List<SimEvent.IsrChanged> expands = eventsSince(sim, SimEvent.IsrChanged.class, speedUp);
        assertThat(expands).hasSize(1);
        assertThat(expands.get(0).isr()).containsExactly(0, 1, 2);
        assertThat(expands.get(0).reason()).isEqualTo("broker 2 caught up with the leader");
        assertThat(expands.get(0).time() - speedUp).as("after the fetch already waiting 15 s, it catches up fast")
                .isLessThanOrEqualTo(15_000 + 2_000);
        assertThat(p.isr()).containsExactly(0, 1, 2);
        assertThat(contents(p, 2)).isEqualTo(contents(p, 0));
    }
}
