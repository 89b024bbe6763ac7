package dev.kafkalab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Creating and growing topics as Kafka's controller does, with Kafka's refusals and messages. */
class TopicAdminTest {

    private static KafkaException refusal(Runnable r) {
        return catchThrowableOfType(KafkaException.class, r::run);
    }

    private static long topicCreatedEvents(Simulation sim) {
        return sim.trace().stream().filter(e -> e instanceof SimEvent.TopicCreated).count();
    }

    // ---------------------------------------------------------------- validation

    @Test
    void creatingATopicTwiceFailsWithTopicExists() {
        Simulation sim = new Simulation(1, 3, Map.of());
        sim.createTopic("orders", 3, 1, null, null);
        KafkaException e = refusal(() -> sim.createTopic("orders", 6, 1, null, null));
        assertThat(e.exceptionName()).isEqualTo("TopicExistsException");
        assertThat(e.getMessage()).isEqualTo("Topic 'orders' already exists.");
        assertThat(sim.cluster().topic("orders").partitionCount()).as("the first topic is untouched").isEqualTo(3);
    }

    @Test
    void dotAndUnderscoreNamesCollide() {
        Simulation sim = new Simulation(1, 3, Map.of());
        sim.createTopic("my.topic", 1, 1, null, null);
        KafkaException e = refusal(() -> sim.createTopic("my_topic", 1, 1, null, null));
        assertThat(e.exceptionName()).isEqualTo("InvalidTopicException");
        assertThat(e.getMessage()).isEqualTo("Topic 'my_topic' collides with existing topic: my.topic");
        assertThat(sim.cluster().topic("my_topic")).isNull();
        assertThat(topicCreatedEvents(sim)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "has space", "slash/name", "caf\u00e9"})
    void illegalNamesAreRefusedWithInvalidTopic(String name) {
        Simulation sim = new Simulation(1, 1, Map.of());
        KafkaException e = refusal(() -> sim.createTopic(name, 1, 1, null, null));
        assertThat(e.exceptionName()).isEqualTo("InvalidTopicException");
        assertThat(e.getMessage()).startsWith("Topic name is invalid: ");
        assertThat(sim.cluster().topics()).isEmpty();
    }

    @Test
    void zeroPartitionsIsRefused() {
        Simulation sim = new Simulation(1, 3, Map.of());
        KafkaException e = refusal(() -> sim.createTopic("orders", 0, 1, null, null));
        assertThat(e.exceptionName()).isEqualTo("InvalidPartitionsException");
        assertThat(sim.cluster().topic("orders")).isNull();
    }

    @Test
    void replicationFactorAboveTheBrokerCountIsRefused() {
        Simulation sim = new Simulation(1, 3, Map.of());
        KafkaException e = refusal(() -> sim.createTopic("orders", 6, 4, null, null));
        assertThat(e.exceptionName()).isEqualTo("InvalidReplicationFactorException");
        assertThat(e.getMessage())
                .isEqualTo("The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.");
        assertThat(topicCreatedEvents(sim)).isZero();
    }

    @Test
    void partitionsNeverShrink() {
        Simulation sim = new Simulation(1, 3, Map.of());
        sim.createTopic("orders", 6, 3, null, null);

        KafkaException shrink = refusal(() -> sim.addPartitions("orders", 3));
        assertThat(shrink.exceptionName()).isEqualTo("InvalidPartitionsException");
        assertThat(shrink.getMessage())
                .isEqualTo("The topic orders currently has 6 partition(s); 3 would not be an increase.");

        KafkaException same = refusal(() -> sim.addPartitions("orders", 6));
        assertThat(same.exceptionName()).isEqualTo("InvalidPartitionsException");
        assertThat(same.getMessage()).isEqualTo("Topic already has 6 partition(s).");

        assertThat(sim.cluster().topic("orders").partitionCount()).isEqualTo(6);
        sim.addPartitions("orders", 8);
        assertThat(sim.cluster().topic("orders").partitionCount()).isEqualTo(8);
    }

    @Test
    void defaultsComeFromTheBroker() {
        Simulation sim = new Simulation(1, 3, Map.of("num.partitions", 4, "default.replication.factor", 2));
        Topic t = sim.createTopic("orders", null, null, null, null);
        assertThat(t.partitionCount()).isEqualTo(4);
        assertThat(t.replicationFactor()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- replica placement

    private static Map<Integer, Integer> leaderCounts(Topic t) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Partition p : t.partitions()) {
            counts.merge(p.leader(), 1, Integer::sum);
        }
        return counts;
    }

    private static void assertDistinctReplicas(Topic t, int rf) {
        for (Partition p : t.partitions()) {
            assertThat(p.replicas()).as("replicas of %s", p.topicPartition()).hasSize(rf).doesNotHaveDuplicates();
            assertThat(p.leader()).as("the preferred (first) replica leads").isEqualTo(p.replicas().get(0));
            assertThat(p.isr()).containsExactlyInAnyOrderElementsOf(p.replicas());
        }
    }

    @Test
    void threeBrokersSixPartitionsEveryBrokerLeadsTwo() {
        for (long seed = 0; seed < 20; seed++) {
            Simulation sim = new Simulation(seed, 3, Map.of());
            Topic t = sim.createTopic("orders", 6, 3, null, null);
            assertDistinctReplicas(t, 3);
            assertThat(leaderCounts(t)).as("seed %d", seed).isEqualTo(Map.of(0, 2, 1, 2, 2, 2));
        }
    }

    @Test
    void twelveBrokersFiftyPartitionsLeadersBalancedWithinOne() {
        for (long seed = 0; seed < 20; seed++) {
            Simulation sim = new Simulation(seed, 12, Map.of());
            Topic t = sim.createTopic("events", 50, 3, null, null);
            assertDistinctReplicas(t, 3);
            Map<Integer, Integer> counts = leaderCounts(t);
            assertThat(counts).as("every broker leads something (seed %d)", seed).hasSize(12);
            int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(max - min).as("leaders %s (seed %d)", counts, seed).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void replicasAlsoSpreadEvenlyOverBrokers() {
        Simulation sim = new Simulation(3, 12, Map.of());
        Topic t = sim.createTopic("events", 48, 3, null, null);
        Map<Integer, Integer> replicasPerBroker = new TreeMap<>();
        for (Partition p : t.partitions()) {
            for (int b : p.replicas()) {
                replicasPerBroker.merge(b, 1, Integer::sum);
            }
        }
        // 48 x 3 = 144 replicas over 12 brokers
        assertThat(replicasPerBroker.values()).containsOnly(12);
    }

    @Test
    void explicitAssignmentIsFollowed() {
        Simulation sim = new Simulation(1, 4, Map.of());
        Map<Integer, List<Integer>> assignment = Map.of(
                0, List.of(3, 1),
                1, List.of(2, 0),
                2, List.of(3, 2));
        Topic t = sim.createTopic("pinned", null, null, assignment, null);
        assertThat(t.partitionCount()).isEqualTo(3);
        for (int p = 0; p < 3; p++) {
            assertThat(t.partition(p).replicas()).isEqualTo(assignment.get(p));
            assertThat(t.partition(p).leader()).isEqualTo(assignment.get(p).get(0));
        }
        SimEvent.TopicCreated created = sim.trace().stream().filter(e -> e instanceof SimEvent.TopicCreated)
                .map(e -> (SimEvent.TopicCreated) e).findFirst().orElseThrow();
        assertThat(created.assignment()).containsExactly(List.of(3, 1), List.of(2, 0), List.of(3, 2));
    }

    @Test
    void explicitAssignmentNamingAnUnknownBrokerIsRefused() {
        Simulation sim = new Simulation(1, 3, Map.of());
        KafkaException e = refusal(() -> sim.createTopic("pinned", null, null, Map.of(0, List.of(0, 7)), null));
        assertThat(e.exceptionName()).isEqualTo("InvalidReplicaAssignmentException");
        assertThat(sim.cluster().topic("pinned")).isNull();
    }

    @Test
    void addedPartitionsGetDistinctReplicasAndSpreadLeaders() {
        Simulation sim = new Simulation(9, 3, Map.of());
        sim.createTopic("orders", 3, 3, null, null);
        List<List<Integer>> before = new ArrayList<>();
        for (Partition p : sim.cluster().topic("orders").partitions()) {
            before.add(p.replicas());
        }
        sim.addPartitions("orders", 6);
        Topic t = sim.cluster().topic("orders");
        assertDistinctReplicas(t, 3);
        for (int p = 0; p < 3; p++) {
            assertThat(t.partition(p).replicas()).as("existing partitions keep their replicas")
                    .isEqualTo(before.get(p));
        }
        var newLeaders = new HashSet<Integer>();
        for (int p = 3; p < 6; p++) {
            newLeaders.add(t.partition(p).leader());
        }
        assertThat(newLeaders).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(sim.trace()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SimEvent.PartitionsAdded.class,
                a -> assertThat(a.oldCount() + "->" + a.newCount()).isEqualTo("3->6")));
    }

    // ---------------------------------------------------------------- keys move when partitions are added

    @Test
    void addingPartitionsMovesKeys() {
        Simulation sim = new Simulation(1, 3, Map.of());
        sim.createTopic("users", 3, 1, null, null);
        Producer producer = sim.createProducer("p", Map.of());
        producer.send(ProducerRecord.of("users", "user-3", "before"));
        sim.runUntilIdle();
        sim.addPartitions("users", 6);
        producer.send(ProducerRecord.of("users", "user-3", "after"));
        sim.runUntilIdle();

        assertThat(producer.deliveries()).extracting(Delivery::partition).containsExactly(2, 5);
        List<SimEvent.RecordSent> sent = sim.trace().stream().filter(e -> e instanceof SimEvent.RecordSent)
                .map(e -> (SimEvent.RecordSent) e).toList();
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.choice()).isEqualTo("key-hash");
            assertThat(r.hashing().murmur2()).isEqualTo(1141442267);
        });
        assertThat(sent).extracting(r -> r.hashing().numPartitions()).containsExactly(3, 6);
    }
}
