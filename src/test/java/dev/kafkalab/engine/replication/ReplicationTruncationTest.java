package dev.kafkalab.engine.replication;

import static dev.kafkalab.engine.replication.ReplicationFixtures.cluster;
import static dev.kafkalab.engine.replication.ReplicationFixtures.contents;
import static dev.kafkalab.engine.replication.ReplicationFixtures.events;
import static dev.kafkalab.engine.replication.ReplicationFixtures.eventsSince;
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

/** Spec, Replication: a returning replica truncates to where its log diverges from the leader's. */
class ReplicationTruncationTest {

    @Test
    void acksOneWritesAckedByAnIsolatedLeaderAreTruncatedAwayWhenItRejoins() {
        Simulation sim = cluster(5, Map.of());
        Partition p = topic(sim, "orders", List.of(0, 1, 2), null);
        Producer producer = sim.createProducer("fast", Map.of("acks", "1", "linger.ms", 0));
        for (int i = 0; i < 3; i++) {
            send(producer, "orders", "order-" + i, "ok " + i);
        }
        sim.runUntilIdle();
        sim.advance(1_000);

        sim.cluster().isolate(0);
        for (int i = 0; i < 2; i++) {
            send(producer, "orders", "order-" + i, "lost " + i);
        }
        sim.runUntilIdle();
        List<Delivery> ackedByIsolatedLeader = producer.deliveries().subList(3, 5);
        assertThat(ackedByIsolatedLeader).allMatch(Delivery::acked).extracting(Delivery::offset)
                .containsExactly(3L, 4L);
        assertThat(p.highWatermark()).as("the followers never fetched them").isEqualTo(3);

        sim.advance(10_000);
        assertThat(events(sim, SimEvent.BrokerFenced.class)).singleElement()
                .extracting(SimEvent.BrokerFenced::broker).isEqualTo(0);
        assertThat(p.leader()).isEqualTo(1);
        assertThat(p.leaderEpoch()).isEqualTo(1);
        send(producer, "orders", "order-9", "after election");
        sim.runUntilIdle();
        assertThat(producer.deliveries().get(5).offset()).as("the new leader reuses offset 3").isEqualTo(3);

        sim.cluster().heal(0);
        long healedAt = sim.now();
        sim.advance(3_000);

        List<SimEvent.LogTruncated> truncations = eventsSince(sim, SimEvent.LogTruncated.class, healedAt);
        assertThat(truncations).singleElement().satisfies(t -> {
            assertThat(t.broker()).isZero();
            assertThat(t.toOffset()).isEqualTo(3);
            assertThat(t.removed()).as("exactly the records the isolated leader acknowledged")
                    .containsExactly("3:order-0=lost 0", "4:order-1=lost 1");
        });
        assertThat(events(sim, SimEvent.LogTruncated.class)).hasSize(1);
        List<String> expected = List.of("0:order-0=ok 0", "1:order-1=ok 1", "2:order-2=ok 2",
                "3:order-9=after election");
        for (int b : p.replicas()) {
            assertThat(contents(p, b)).as("replica on broker %d", b).isEqualTo(expected);
        }
        assertThat(p.isr()).containsExactly(0, 1, 2);
        assertThat(p.highWatermark()).isEqualTo(4);
    }

    @Test
    void acksAllWithMinInsyncTwoNeverLosesAnAckedRecordInACleanFailover() {
        Simulation sim = cluster(14, Map.of());
        Partition p = topic(sim, "orders", List.of(0, 1, 2), Map.of("min.insync.replicas", 2));
        Producer producer = sim.createProducer("safe", Map.of("acks", "all", "linger.ms", 0));
        for (int i = 0; i < 3; i++) {
            send(producer, "orders", "order-" + i, "ok " + i);
        }
        sim.runUntilIdle();
        sim.advance(1_000);

        sim.cluster().isolate(0);
        for (int i = 0; i < 2; i++) {
            send(producer, "orders", "order-" + i, "in flight " + i);
        }
        sim.advance(10_000);
        assertThat(p.leader()).isEqualTo(1);
        sim.cluster().heal(0);
        sim.runUntilIdle();
        sim.advance(5_000);

        List<String> acked = producer.deliveries().stream().filter(Delivery::acked)
                .map(d -> d.offset() + ":" + d.key()).toList();
        List<String> logKeys = p.log(1).records().stream().map(r -> r.offset() + ":" + r.keyString()).toList();
        assertThat(logKeys).as("every acked record is in the new leader's log").containsAll(acked);
        for (SimEvent.LogTruncated t : events(sim, SimEvent.LogTruncated.class)) {
            assertThat(t.removed()).as("nothing removed was ever acked")
                    .noneMatch(r -> r.contains("ok "));
        }
        assertThat(contents(p, 0)).isEqualTo(contents(p, 1)).isEqualTo(contents(p, 2));
    }

    @Test
    void followersKeepLargeBatchesFetchedInPiecesThroughATruncationAndANewLeader() {
        Simulation sim = cluster(7, Map.of());
        Partition p = topic(sim, "orders", List.of(0, 1, 2), null);
        // batches of thousands of records: a follower's fetch (at most 2,000 records) stops inside one
        Producer producer = sim.createProducer("bulk", Map.of("acks", "1", "linger.ms", 0, "batch.size", 1_000_000));
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            send(producer, "orders", "k-" + i, "v-" + i);
            expected.add(i + ":k-" + i + "=v-" + i);
        }
        producer.flush();
        sim.runUntilIdle();
        sim.advance(1_000);
        for (int b : p.replicas()) {
            assertThat(contents(p, b)).as("replica on broker %d", b).isEqualTo(expected);
            assertThat(p.replica(b).log().segments().get(0).sizeInBytes())
                    .as("the same segment size on broker %d", b)
                    .isEqualTo(p.replica(0).log().segments().get(0).sizeInBytes());
        }

        sim.cluster().isolate(0);
        for (int i = 0; i < 3; i++) {
            send(producer, "orders", "lost-" + i, "x");
        }
        sim.runUntilIdle();
        sim.advance(10_000);
        assertThat(p.leader()).isNotZero();
        for (int i = 0; i < 2_500; i++) {
            send(producer, "orders", "after-" + i, "w-" + i);
            expected.add((5_000 + i) + ":after-" + i + "=w-" + i);
        }
        producer.flush();
        sim.runUntilIdle();
        sim.cluster().heal(0);
        sim.advance(5_000);

        assertThat(events(sim, SimEvent.LogTruncated.class)).singleElement().satisfies(t -> {
            assertThat(t.broker()).isZero();
            assertThat(t.removed()).containsExactly("5000:lost-0=x", "5001:lost-1=x", "5002:lost-2=x");
        });
        for (int b : p.replicas()) {
            assertThat(contents(p, b)).as("replica on broker %d", b).isEqualTo(expected);
        }
        assertThat(p.isr()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(p.highWatermark()).isEqualTo(7_500);
        List<Delivery> deliveries = producer.deliveries();
        assertThat(deliveries).hasSize(7_503).allMatch(Delivery::acked);
        assertThat(deliveries.get(4_500)).satisfies(d -> {
            assertThat(d.key()).isEqualTo("k-4500");
            assertThat(d.offset()).isEqualTo(4_500);
        });
        assertThat(deliveries.get(7_502).key()).isEqualTo("after-2499");
    }
}
