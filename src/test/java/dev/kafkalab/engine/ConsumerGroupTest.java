package dev.kafkalab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consumer groups through the simulated coordinator: assignment, rebalancing, offsets, redelivery. */
class ConsumerGroupTest {
    private static Simulation cluster() {
        Simulation sim = new Simulation(9, 3, Map.of());
        sim.createTopic("payments", 6, 3, null, null);
        return sim;
    }

    private static Consumer member(Simulation sim, String id, String group, Map<String, ?> config) {
        Consumer c = sim.createConsumer(id, config);
        c.subscribe(group, List.of("payments"));
        return c;
    }

    private static List<Integer> partitions(Consumer c) {
        return c.assignment().stream().map(TopicPartition::partition).toList();
    }

    @Test
    void rangeSplitsSixPartitionsOverFourMembersAsKafkaDoes() {
        Simulation sim = cluster();
        Consumer c1 = member(sim, "c1", "g", Map.of());
        Consumer c2 = member(sim, "c2", "g", Map.of());
        Consumer c3 = member(sim, "c3", "g", Map.of());
        Consumer c4 = member(sim, "c4", "g", Map.of());
        sim.advance(20_000);
        ClassicGroup g = sim.groupCoordinator().classicGroups().get("g");
        assertThat(g.state()).isEqualTo(ClassicGroup.State.STABLE);
        assertThat(g.protocol()).as("the default list [range, cooperative-sticky] picks range").isEqualTo("range");
        assertThat(partitions(c1)).containsExactly(0, 1);
        assertThat(partitions(c2)).containsExactly(2, 3);
        assertThat(partitions(c3)).containsExactly(4);
        assertThat(partitions(c4)).containsExactly(5);
    }

    @Test
    void anExtraMemberSitsIdle() {
        Simulation sim = cluster();
        sim.createTopic("small", 2, 1, null, null);
        Consumer a = sim.createConsumer("a", Map.of());
        Consumer b = sim.createConsumer("b", Map.of());
        Consumer c = sim.createConsumer("c", Map.of());
        for (Consumer x : List.of(a, b, c)) {
            x.subscribe("g", List.of("small"));
        }
        sim.advance(20_000);
        assertThat(a.assignment()).hasSize(1);
        assertThat(b.assignment()).hasSize(1);
        assertThat(c.assignment()).as("more members than partitions: one is idle").isEmpty();
    }

    @Test
    void eagerRebalanceRevokesEverythingWhileCooperativeRevokesOnlyWhatMoves() {
        for (String strategy : List.of("range", "cooperative-sticky")) {
            Simulation sim = cluster();
            Map<String, Object> cfg = Map.of("partition.assignment.strategy", strategy);
            member(sim, "c1", "g", cfg);
            member(sim, "c2", "g", cfg);
            sim.advance(20_000);
            int before = sim.trace().size();
            member(sim, "c3", "g", cfg);
            sim.advance(20_000);
            long revoked = sim.trace().subList(before, sim.trace().size()).stream()
                    .filter(e -> e instanceof SimEvent.PartitionsRevoked)
                    .mapToLong(e -> ((SimEvent.PartitionsRevoked) e).partitions().size()).sum();
            if (strategy.equals("range")) {
                assertThat(revoked).as("eager: all 6 partitions revoked").isEqualTo(6);
            } else {
                assertThat(revoked).as("cooperative: only the 2 that move").isEqualTo(2);
                assertThat(sim.consumer("c3").assignment()).hasSize(2);
            }
        }
    }

    @Test
    void committedOffsetIsTheNextRecordAndLivesInTheGroupsOffsetsPartition() {
        Simulation sim = cluster();
        Producer p = sim.createProducer("p", Map.of());
        for (int i = 0; i < 3; i++) {
            p.send(new ProducerRecord("payments", 0, null, null, ProducerRecord.utf8("v" + i), Map.of()));
        }
        sim.runUntilIdle();
        Consumer c = member(sim, "c1", "billing", Map.of("auto.offset.reset", "earliest", "enable.auto.commit", false));
        sim.advance(20_000);
        assertThat(c.poll(null)).hasSize(3);
        c.commit(null);
        TopicPartition tp = new TopicPartition("payments", 0);
        assertThat(sim.groupCoordinator().committed("billing")).containsEntry(tp, 3L);
        int expected = Math.abs("billing".hashCode()) % 50;
        assertThat(sim.groupCoordinator().offsetsPartitionFor("billing")).isEqualTo(expected);
        sim.runUntilIdle();
        PartitionLog offsets = sim.cluster().topic("__consumer_offsets").partition(expected).leaderLog();
        assertThat(offsets.records()).anyMatch(r -> r.keyString().equals("billing,payments,0")
                && r.valueString().equals("3"));
    }

    @Test
    void aConsumerKilledBetweenPollAndCommitHasItsRecordsReadAgain() {
        Simulation sim = cluster();
        Producer p = sim.createProducer("p", Map.of());
        for (int i = 0; i < 6; i++) {
            p.send(new ProducerRecord("payments", i, null, null, ProducerRecord.utf8("v" + i), Map.of()));
        }
        sim.runUntilIdle();
        Map<String, Object> cfg = Map.of("auto.offset.reset", "earliest", "enable.auto.commit", false);
        Consumer c1 = member(sim, "c1", "g", cfg);
        Consumer c2 = member(sim, "c2", "g", cfg);
        sim.advance(20_000);
        assertThat(c2.poll(null)).hasSize(3);
        c2.kill();
        sim.advance(30_000);
        assertThat(partitions(c1)).as("not yet: the session has not expired").containsExactly(0, 1, 2);
        sim.advance(30_000);
        assertThat(partitions(c1)).containsExactly(0, 1, 2, 3, 4, 5);
        c1.poll(null);
        assertThat(c1.poll(null)).isEmpty();
        long redelivered = sim.trace().stream().filter(e -> e instanceof SimEvent.RecordsPolled r
                && r.consumer().equals("c1") && r.partition() >= 3).count();
        assertThat(redelivered).as("c2's uncommitted records are read again by c1").isEqualTo(3);
    }

    @Test
    void leaveIsImmediateAndAutoOffsetResetNoneRefusesUndefinedOffsets() {
        Simulation sim = cluster();
        Consumer c1 = member(sim, "c1", "g", Map.of());
        Consumer c2 = member(sim, "c2", "g", Map.of("auto.offset.reset", "none"));
        sim.advance(20_000);
        assertThatThrownBy(() -> c2.poll(null)).isInstanceOf(KafkaException.class)
                .hasMessageStartingWith("Undefined offset with no reset policy for partitions:");
        c2.leave();
        sim.advance(5_000);
        assertThat(partitions(c1)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void theConsumerProtocolHandsAPartitionOverOnlyAfterItsOwnerReleasesIt() {
        Simulation sim = cluster();
        Map<String, Object> cfg = Map.of("group.protocol", "consumer");
        Consumer a = member(sim, "a", "g", cfg);
        sim.advance(15_000);
        assertThat(a.assignment()).hasSize(6);
        Consumer b = member(sim, "b", "g", cfg);
        sim.runUntil(sim.now() + 5);
        ConsumerGroup g = sim.groupCoordinator().consumerGroups().get("g");
        assertThat(g.targetAssignment().get("b")).hasSize(3);
        assertThat(b.assignment()).as("still owned by a").isEmpty();
        sim.advance(20_000);
        assertThat(a.assignment()).hasSize(3);
        assertThat(b.assignment()).hasSize(3);
        assertThat(g.state()).isEqualTo(ConsumerGroup.State.STABLE);
        assertThat(g.assignor()).isEqualTo("uniform");
    }
}
