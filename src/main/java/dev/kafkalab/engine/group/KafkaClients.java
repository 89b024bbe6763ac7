package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;

/**
 * Runs one of kafka-clients' assignor classes on a simulated group, feeding it what a real group would:
 * the leader's view of the cluster and every member's {@code Subscription} as its ConsumerCoordinator builds it.
 */
final class KafkaClients {
    private KafkaClients() {
    }

    /** A one-broker cluster without racks that has exactly these topics. */
    static Cluster cluster(Map<String, Integer> partitionsPerTopic) {
        Node node = new Node(0, "broker-0", 9092);
        List<PartitionInfo> partitions = new ArrayList<>();
        partitionsPerTopic.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                partitions.add(new PartitionInfo(topic, p, node, new Node[] {node}, new Node[] {node}));
            }
        });
        return new Cluster("kafka-lab", List.of(node), partitions, Set.of(), Set.of());
    }

    /**
     * The member's Subscription as the consumer would send it with this assignor. The client's own assignor
     * instance remembers the last assignment and generation ({@code onAssignment}) and encodes them in the
     * user data; a cooperative member also reports its owned partitions, while an eager member has revoked
     * everything before it joins, so it reports none.
     */
    static Subscription subscription(MemberSubscription m, Supplier<? extends ConsumerPartitionAssignor> assignorOfMember,
                                     boolean cooperative) {
        ConsumerPartitionAssignor clientSide = assignorOfMember.get();
        List<org.apache.kafka.common.TopicPartition> owned = toKafka(m.ownedPartitions());
        if (m.generation() >= 0 || !owned.isEmpty()) {
            clientSide.onAssignment(new Assignment(owned),
                    new ConsumerGroupMetadata("kafka-lab", m.generation(), m.memberId(), Optional.empty()));
        }
        ByteBuffer userData = clientSide.subscriptionUserData(new HashSet<>(m.topics()));
        return new Subscription(List.copyOf(new LinkedHashSet<>(m.topics())), userData,
                cooperative ? owned : List.of(), m.generation(), Optional.empty());
    }

    /** Runs the leader-side assignment of a fresh Kafka assignor and converts the result. */
    static Map<String, List<TopicPartition>> assign(Supplier<? extends ConsumerPartitionAssignor> assignor,
                                                    boolean cooperative, Map<String, Integer> partitionsPerTopic,
                                                    List<MemberSubscription> members) {
        Results.sortedMemberIds(members); // rejects duplicate ids
        // The leader's ConsumerCoordinator collects the JoinGroup members into a HashMap, in the order of the
        // coordinator's own member HashMap. Members whose ids share a hash bucket keep their join order there,
        // and the sticky assignors' tie-breaks follow that order: hence members are taken in the order given.
        Map<String, Subscription> subscriptions = new HashMap<>();
        for (MemberSubscription m : members) {
            subscriptions.put(m.memberId(), subscription(m, assignor, cooperative));
        }
        Map<String, Assignment> kafka = assignor.get()
                .assign(cluster(partitionsPerTopic), new GroupSubscription(subscriptions))
                .groupAssignment();
        Map<String, List<TopicPartition>> raw = new HashMap<>();
        kafka.forEach((id, a) -> raw.put(id, fromKafka(a.partitions())));
        return Results.ordered(raw, members);
    }

    static List<org.apache.kafka.common.TopicPartition> toKafka(List<TopicPartition> partitions) {
        List<org.apache.kafka.common.TopicPartition> out = new ArrayList<>();
        partitions.forEach(tp -> out.add(new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition())));
        return out;
    }

    static List<TopicPartition> fromKafka(List<org.apache.kafka.common.TopicPartition> partitions) {
        List<TopicPartition> out = new ArrayList<>();
        partitions.forEach(tp -> out.add(new TopicPartition(tp.topic(), tp.partition())));
        return out;
    }
}
