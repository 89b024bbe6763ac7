package dev.kafkalab.engine.replication;

import static dev.kafkalab.engine.replication.ReplicationFixtures.cluster;
import static dev.kafkalab.engine.replication.ReplicationFixtures.contents;
import static dev.kafkalab.engine.replication.ReplicationFixtures.events;
import static dev.kafkalab.engine.replication.ReplicationFixtures.eventsSince;
import static dev.kafkalab.engine.replication.ReplicationFixtures.send;
import static dev.kafkalab.engine.replication.ReplicationFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkalab.engine.Consumer;
import dev.kafkalab.engine.Delivery;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec, Replication: hard crash vs controlled shutdown, and the real-cluster observation with ELR. */
class ReplicationFailoverTest {

    @Test
    void aCrashedLeaderIsReplacedOnlyWhenItsSessionTimesOutAndTheEpochRisesByOne() {
        Simulation sim = cluster(8, Map.of()); // broker.session.timeout.ms 9000, heartbeats every 2000
        Partition p = topic(sim, "payments", List.of(0, 1, 2), Map.of("min.insync.replicas", 2));
        Producer producer = sim.createProducer("pos", Map.of("acks", "all", "linger.ms", 0));
        for (int i = 0; i < 5; i++) {
            send(producer, "payments", "card-" + i, "payment " + i);
        }
        sim.runUntilIdle();
        sim.advance(5_000);
        int epochBefore = p.leaderEpoch();

        sim.cluster().crash(0);
        long crashedAt = sim.now();
        send(producer, "payments", "card-5", "during the outage");
        sim.runUntil(crashedAt + 9_000 - 2_000 - 1);

        assertThat(eventsSince(sim, SimEvent.BrokerFenced.class, crashedAt)).as("no heartbeat missed long enough yet")
                .isEmpty();
        assertThat(eventsSince(sim, SimEvent.LeaderElected.class, crashedAt)).isEmpty();
        assertThat(p.leader()).as("the controller still believes broker 0 leads").isZero();

        sim.runUntil(crashedAt + 9_000);
        SimEvent.BrokerFenced fenced = eventsSince(sim, SimEvent.BrokerFenced.class, crashedAt).get(0);
        assertThat(fenced.broker()).isZero();
        assertThat(fenced.reason()).isEqualTo("no heartbeat for broker.session.timeout.ms (9000 ms)");
        assertThat(fenced.time() - crashedAt).as("within one heartbeat interval of the 9 s session timeout")
                .isBetween(9_000L - 2_000, 9_000L);
        SimEvent.LeaderElected elected = eventsSince(sim, SimEvent.LeaderElected.class, crashedAt).get(0);
        assertThat(elected.time()).as("the new leader right when the old one is fenced").isEqualTo(fenced.time());
        assertThat(elected.leader()).as("the next ISR replica in assignment order").isEqualTo(1);
        assertThat(elected.previousLeader()).isZero();
        assertThat(elected.unclean()).isFalse();
        assertThat(elected.isr()).containsExactly(1, 2);
        assertThat(elected.leaderEpoch()).isEqualTo(epochBefore + 1);
        assertThat(p.leaderEpoch()).isEqualTo(epochBefore + 1);

        sim.runUntilIdle();
        assertThat(producer.deliveries()).hasSize(6).allMatch(Delivery::acked);
        assertThat(producer.deliveries().get(5).offset()).as("no acked record lost: the outage write follows them")
                .isEqualTo(5);
        assertThat(contents(p, 1)).hasSize(6).isEqualTo(contents(p, 2));
    }

    @Test
    void aControlledShutdownMovesLeadershipAtOnce() {
        Simulation sim = cluster(9, Map.of());
        Partition p = topic(sim, "payments", List.of(0, 1, 2), null);
        sim.advance(5_000);
        int epochBefore = p.leaderEpoch();

        sim.cluster().shutdown(0);
        long stoppedAt = sim.now();

        SimEvent.BrokerFenced fenced = eventsSince(sim, SimEvent.BrokerFenced.class, stoppedAt).get(0);
        assertThat(fenced.reason()).isEqualTo("controlled shutdown");
        SimEvent.LeaderElected elected = eventsSince(sim, SimEvent.LeaderElected.class, stoppedAt).get(0);
        assertThat(elected.time()).as("same virtual time as the shutdown: no session timeout to wait for")
                .isEqualTo(stoppedAt);
        assertThat(elected.leader()).isEqualTo(1);
        assertThat(elected.leaderEpoch()).isEqualTo(epochBefore + 1);
        assertThat(p.leader()).isEqualTo(1);
        assertThat(p.isr()).containsExactly(1, 2);
    }

    /** The spec's observation on a real 3-broker cluster, min.insync.replicas 2, replicas [1, 2, 0]. */
    @Test
    void realClusterObservationStoppingTwoBrokersLeavesIsrOfOneWithTheOtherInTheElr() {
        Simulation sim = cluster(10, Map.of());
        Partition p = topic(sim, "payments", List.of(1, 2, 0), Map.of("min.insync.replicas", 2));
        Producer all = sim.createProducer("all", Map.of("acks", "all", "linger.ms", 0));
        for (int i = 0; i < 3; i++) {
            send(all, "payments", "k" + i, "v" + i);
        }
        sim.runUntilIdle();
        sim.advance(1_000);
        assertThat(p.highWatermark()).isEqualTo(3);

        sim.cluster().shutdown(1);
        assertThat(p.leader()).as("the next ISR replica leads").isEqualTo(2);
        assertThat(p.isr()).containsExactly(2, 0);
        assertThat(p.elr()).isEmpty();

        sim.cluster().shutdown(2);
        assertThat(p.leader()).isZero();
        assertThat(p.isr()).containsExactly(0);
        assertThat(p.elr()).as("dropped while ISR < min.insync.replicas: still eligible").containsExactly(2);
        sim.advance(100);

        Producer strict = sim.createProducer("strict", Map.of("acks", "all", "retries", 0, "linger.ms", 0));
        send(strict, "payments", "k3", "refused");
        sim.runUntilIdle();
        assertThat(strict.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.error()).isEqualTo("NotEnoughReplicasException");
            assertThat(d.message()).isEqualTo(ReplicationAcksTest.NOT_ENOUGH_REPLICAS);
        });

        Producer one = sim.createProducer("one", Map.of("acks", "1", "linger.ms", 0));
        send(one, "payments", "k3", "acked but invisible");
        sim.runUntilIdle();
        sim.advance(2_000);
        assertThat(one.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.acked()).isTrue();
            assertThat(d.offset()).isEqualTo(3);
        });
        assertThat(p.highWatermark()).as("HW stays 3").isEqualTo(3);
        Consumer consumer = sim.createConsumer("c", Map.of("auto.offset.reset", "earliest"));
        consumer.assignTopics(List.of("payments"));
        assertThat(consumer.poll(null)).extracting(r -> r.offset()).containsExactly(0L, 1L, 2L);
    }
}
