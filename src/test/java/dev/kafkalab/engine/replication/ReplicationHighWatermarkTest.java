package dev.kafkalab.engine.replication;

import static dev.kafkalab.engine.replication.ReplicationFixtures.cluster;
import static dev.kafkalab.engine.replication.ReplicationFixtures.contents;
import static dev.kafkalab.engine.replication.ReplicationFixtures.events;
import static dev.kafkalab.engine.replication.ReplicationFixtures.eventsSince;
import static dev.kafkalab.engine.replication.ReplicationFixtures.minIsrLogEndOffset;
import static dev.kafkalab.engine.replication.ReplicationFixtures.send;
import static dev.kafkalab.engine.replication.ReplicationFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkalab.engine.Consumer;
import dev.kafkalab.engine.Delivery;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec, Replication: followers copy the leader; HW = min LEO over the ISR; frozen below min.insync.replicas. */
class ReplicationHighWatermarkTest {

    @Test
    void followersCopyTheLeadersRecordsAndLearnTheHighWatermarkOneFetchLater() {
        Simulation sim = cluster(1, Map.of());
        Partition p = topic(sim, "orders", List.of(0, 1, 2), null);
        Producer producer = sim.createProducer("p", Map.of("acks", "all", "linger.ms", 0));
        for (int i = 0; i < 3; i++) {
            send(producer, "orders", "k" + i, "v" + i);
        }
        sim.runUntilIdle();
        sim.advance(2_000);

        assertThat(producer.deliveries()).extracting(Delivery::offset).containsExactly(0L, 1L, 2L);
        for (int follower : List.of(1, 2)) {
            List<SimEvent.RecordsReplicated> copied = events(sim, SimEvent.RecordsReplicated.class).stream()
                    .filter(e -> e.broker() == follower).toList();
            assertThat(copied).as("broker %d copied the records from the leader", follower).isNotEmpty();
            assertThat(copied.get(0).fromOffset()).isZero();
            assertThat(copied.get(copied.size() - 1).toOffset()).isEqualTo(3);
            assertThat(contents(p, follower)).isEqualTo(contents(p, 0))
                    .containsExactly("0:k0=v0", "1:k1=v1", "2:k2=v2");
        }

        SimEvent.HighWatermarkAdvanced leaderHw = events(sim, SimEvent.HighWatermarkAdvanced.class).stream()
                .filter(e -> e.highWatermark() == 3).findFirst().orElseThrow();
        assertThat(leaderHw.broker()).as("only the leader computes the HW").isZero();
        long lastCopy = events(sim, SimEvent.RecordsReplicated.class).stream()
                .mapToLong(SimEvent::time).max().orElseThrow();
        assertThat(leaderHw.time()).as("the HW moves once every ISR member has fetched past the records")
                .isGreaterThanOrEqualTo(lastCopy);
        for (int follower : List.of(1, 2)) {
            SimEvent.FollowerHighWatermarkUpdated learned = events(sim,
                    SimEvent.FollowerHighWatermarkUpdated.class).stream()
                    .filter(e -> e.broker() == follower && e.highWatermark() == 3).findFirst().orElseThrow();
            SimEvent.RecordsReplicated copy = events(sim, SimEvent.RecordsReplicated.class).stream()
                    .filter(e -> e.broker() == follower && e.toOffset() == 3).findFirst().orElseThrow();
            assertThat(learned.time()).as("broker %d learns the HW from a later fetch than the one that copied"
                    + " the records, after the leader advanced it", follower)
                    .isGreaterThan(leaderHw.time()).isGreaterThan(copy.time());
            assertThat(p.replica(follower).highWatermark()).isEqualTo(3);
        }
    }

    @Test
    void theHighWatermarkIsTheLowestLogEndOffsetInTheIsr() {
        Simulation sim = cluster(2, Map.of());
        sim.cluster().slow(2, 3_000); // broker 2 fetches only every 3 s (well within replica.lag.time.max.ms)
        Partition p = topic(sim, "orders", List.of(0, 1, 2), null);
        List<String> violations = new ArrayList<>();
        sim.addListener(e -> {
            if (e instanceof SimEvent.HighWatermarkAdvanced hw && hw.highWatermark() > minIsrLogEndOffset(p)) {
                violations.add(hw + " while ISR LEOs are " + p.logEndOffsets());
            }
        });
        Producer producer = sim.createProducer("p", Map.of("acks", "1", "linger.ms", 0));
        sim.advance(5_000);
        for (int i = 0; i < 3; i++) {
            send(producer, "orders", "k" + i, "v" + i);
        }
        sim.runUntilIdle();
        sim.advance(200);

        assertThat(producer.deliveries()).allMatch(Delivery::acked).hasSize(3);
        assertThat(p.isr()).containsExactly(0, 1, 2);
        assertThat(p.logEndOffsets()).containsEntry(0, 3L).containsEntry(1, 3L).containsEntry(2, 0L);
        assertThat(p.highWatermark()).as("broker 2 has nothing yet: min LEO over the ISR is 0").isZero();
        Consumer consumer = sim.createConsumer("c", Map.of("auto.offset.reset", "earliest"));
        consumer.assignTopics(List.of("orders"));
        assertThat(consumer.poll(null)).as("consumers read only below the HW").isEmpty();

        sim.advance(10_000);
        assertThat(p.logEndOffsets().values()).containsOnly(3L);
        assertThat(p.highWatermark()).isEqualTo(3).isEqualTo(minIsrLogEndOffset(p));
        assertThat(consumer.poll(null)).hasSize(3);
        assertThat(violations).as("the HW never passes an ISR member's LEO").isEmpty();
    }

    @Test
    void theHighWatermarkFreezesWhileTheIsrIsBelowMinInsyncReplicasEvenThoughAcksOneWritesAreAcked() {
        Simulation sim = cluster(3, Map.of());
        Partition p = topic(sim, "orders", List.of(0, 1, 2), Map.of("min.insync.replicas", 2));
        Producer producer = sim.createProducer("p", Map.of("acks", "1", "linger.ms", 0));
        send(producer, "orders", "a", "1");
        send(producer, "orders", "b", "2");
        sim.runUntilIdle();
        sim.advance(1_000);
        assertThat(p.highWatermark()).isEqualTo(2);

        sim.cluster().shutdown(1);
        sim.cluster().shutdown(2);
        long frozenSince = sim.now();
        assertThat(p.isr()).containsExactly(0);
        for (int i = 0; i < 3; i++) {
            send(producer, "orders", "c" + i, "frozen " + i);
        }
        sim.runUntilIdle();
        sim.advance(5_000);

        assertThat(producer.deliveries()).hasSize(5).allMatch(Delivery::acked);
        assertThat(producer.deliveries().subList(2, 5)).extracting(Delivery::offset).containsExactly(2L, 3L, 4L);
        assertThat(p.log(0).logEndOffset()).isEqualTo(5);
        assertThat(p.highWatermark()).as("acked but invisible: the HW does not move with ISR [0] < 2").isEqualTo(2);
        assertThat(eventsSince(sim, SimEvent.HighWatermarkAdvanced.class, frozenSince)).isEmpty();

        sim.cluster().restart(1);
        sim.cluster().restart(2);
        long restartedAt = sim.now();
        sim.advance(5_000);

        assertThat(eventsSince(sim, SimEvent.IsrChanged.class, restartedAt))
                .anySatisfy(e -> assertThat(e.reason()).isEqualTo("broker 1 caught up with the leader"));
        assertThat(p.isr()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(p.highWatermark()).isEqualTo(5);
        assertThat(eventsSince(sim, SimEvent.HighWatermarkAdvanced.class, restartedAt))
                .extracting(SimEvent.HighWatermarkAdvanced::highWatermark).last().isEqualTo(5L);
    }
}
