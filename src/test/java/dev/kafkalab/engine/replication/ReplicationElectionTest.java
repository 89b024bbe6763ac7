package dev.kafkalab.engine.replication;

import static dev.kafkalab.engine.replication.ReplicationFixtures.cluster;
import static dev.kafkalab.engine.replication.ReplicationFixtures.contents;
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

/** Spec, Replication: clean elections from the ISR, then the ELR (KIP-966), unclean ones, preferred leaders. */
class ReplicationElectionTest {

    /**
     * min.insync.replicas 2, replicas [0, 1, 2]: a, b reach every broker; broker 2 stops; c, d reach
     * brokers 0 and 1 (acks=all); broker 1 stops (ISR [0], ELR [1]); broker 0 stops: ISR [], ELR [0, 1].
     */
    private static Partition everyInSyncReplicaDown(Simulation sim) {
        Partition p = topic(sim, "orders", List.of(0, 1, 2), Map.of("min.insync.replicas", 2));
        Producer producer = sim.createProducer("p", Map.of("acks", "all", "linger.ms", 0));
        send(producer, "orders", "a", "1");
        send(producer, "orders", "b", "2");
        sim.runUntilIdle();
        sim.advance(1_000);
        sim.cluster().shutdown(2);
        send(producer, "orders", "c", "3");
        send(producer, "orders", "d", "4");
        sim.runUntilIdle();
        sim.advance(1_000);
        assertThat(producer.deliveries()).hasSize(4).allMatch(Delivery::acked);
        sim.cluster().shutdown(1);
        assertThat(p.isr()).containsExactly(0);
        assertThat(p.elr()).containsExactly(1);
        sim.cluster().shutdown(0);
        assertThat(p.leader()).as("no alive replica in the ISR or ELR").isEqualTo(-1);
        assertThat(p.isr()).isEmpty();
        assertThat(p.elr()).containsExactly(0, 1);
        return p;
    }

    @Test
    void whenTheIsrIsEmptyAnEligibleLeaderReplicaThatComesBackIsElectedCleanly() {
        Simulation sim = cluster(11, Map.of());
        Partition p = everyInSyncReplicaDown(sim);

        sim.cluster().restart(2);
        sim.advance(5_000);
        assertThat(p.leader()).as("broker 2 left the ISR while it was big enough: not eligible").isEqualTo(-1);

        sim.cluster().restart(1);
        long restartedAt = sim.now();
        sim.advance(5_000);
        SimEvent.LeaderElected elected = eventsSince(sim, SimEvent.LeaderElected.class, restartedAt).get(0);
        assertThat(elected.leader()).isEqualTo(1);
        assertThat(elected.unclean()).isFalse();
        assertThat(elected.isr()).containsExactly(1);
        assertThat(elected.elr()).containsExactly(0);
        assertThat(p.leader()).isEqualTo(1);
        assertThat(contents(p, 1)).as("every acked record survives")
                .containsExactly("0:a=1", "1:b=2", "2:c=3", "3:d=4");
        assertThat(eventsSince(sim, SimEvent.LogTruncated.class, restartedAt))
                .noneMatch(t -> t.toOffset() < 4);
    }

    @Test
    void uncleanElectionHappensOnlyOnceEnabledAndLosesTheRecordsTheStaleReplicaLacked() {
        Simulation sim = cluster(12, Map.of());
        Partition p = everyInSyncReplicaDown(sim);
        sim.cluster().restart(2);
        sim.advance(10 * 60_000);
        assertThat(p.leader()).as("unclean.leader.election.enable=false: the partition stays offline")
                .isEqualTo(-1);
        assertThat(eventsSince(sim, SimEvent.LeaderElected.class, 0)).noneMatch(SimEvent.LeaderElected::unclean);

        sim.cluster().alterTopicConfig("orders", Map.of("unclean.leader.election.enable", true));
        long enabledAt = sim.now();
        // KRaft: a dynamically enabled unclean election waits for the controller's periodic check (5 min)
        sim.advance(5 * 60_000);
        List<SimEvent.LeaderElected> elections = eventsSince(sim, SimEvent.LeaderElected.class, enabledAt);
        assertThat(elections).as("the controller elects an unclean leader once allowed").hasSize(1);
        SimEvent.LeaderElected elected = elections.get(0);
        assertThat(elected.leader()).as("the only alive replica, out of sync").isEqualTo(2);
        assertThat(elected.unclean()).isTrue();
        assertThat(elected.isr()).containsExactly(2);
        assertThat(elected.elr()).isEmpty();
        assertThat(elected.reason()).contains("unclean election");
        assertThat(p.leader()).isEqualTo(2);

        Producer producer = sim.createProducer("after", Map.of("acks", "1", "linger.ms", 0));
        send(producer, "orders", "e", "5");
        sim.runUntilIdle();
        assertThat(producer.deliveries()).singleElement().extracting(Delivery::offset)
                .as("the new leader writes where its own log ends").isEqualTo(2L);

        sim.cluster().restart(0);
        long returnedAt = sim.now();
        sim.advance(5_000);
        SimEvent.LogTruncated truncated = eventsSince(sim, SimEvent.LogTruncated.class, returnedAt).stream()
                .filter(t -> t.broker() == 0).findFirst().orElseThrow();
        assertThat(truncated.toOffset()).isEqualTo(2);
        assertThat(truncated.removed()).as("records acked with acks=all, now gone")
                .containsExactly("2:c=3", "3:d=4");
        assertThat(contents(p, 0)).containsExactly("0:a=1", "1:b=2", "2:e=5").isEqualTo(contents(p, 2));
    }

    @Test
    void thePreferredLeaderTakesLeadershipBackWithinTheImbalanceCheckInterval() {
        Simulation sim = cluster(13, Map.of("leader.imbalance.check.interval.seconds", 10));
        Partition p = topic(sim, "orders", List.of(0, 1, 2), null);
        sim.cluster().shutdown(0);
        assertThat(p.leader()).isEqualTo(1);
        assertThat(p.leaderEpoch()).isEqualTo(1);
        Producer producer = sim.createProducer("p", Map.of("acks", "all", "linger.ms", 0));
        send(producer, "orders", "k", "while 1 leads");
        sim.runUntilIdle();
        sim.advance(30_000);
        assertThat(p.leader()).as("no preferred election while broker 0 is down").isEqualTo(1);

        sim.cluster().restart(0);
        long restartedAt = sim.now();
        sim.advance(12_000);

        SimEvent.IsrChanged rejoined = eventsSince(sim, SimEvent.IsrChanged.class, restartedAt).get(0);
        assertThat(rejoined.isr()).contains(0);
        SimEvent.LeaderElected preferred = eventsSince(sim, SimEvent.LeaderElected.class, restartedAt).get(0);
        assertThat(preferred.reason()).isEqualTo("preferred leader election");
        assertThat(preferred.leader()).isZero();
        assertThat(preferred.previousLeader()).isEqualTo(1);
        assertThat(preferred.leaderEpoch()).isEqualTo(2);
        assertThat(preferred.unclean()).isFalse();
        assertThat(preferred.time()).as("only once broker 0 is back in the ISR").isGreaterThanOrEqualTo(rejoined.time());
        assertThat(preferred.time() - rejoined.time()).isLessThanOrEqualTo(10_000);
        assertThat(p.leader()).isZero();
        assertThat(contents(p, 0)).containsExactly("0:k=while 1 leads");
    }
}
