package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;

/** Test helpers: random groups, and Kafka's own assignor classes called the way a real group calls them. */
final class KafkaOracle {
    private KafkaOracle() {
    }

    static final List<String> TOPIC_POOL = List.of("orders", "payments", "t0", "t1", "clicks");

    /** A random cluster: 1-4 of the pool's topics with 1-12 partitions each. */
    static Map<String, Integer> randomTopics(Random r) {
        List<String> pool = new ArrayList<>(TOPIC_POOL);
        java.util.Collections.shuffle(pool, r);
        Map<String, Integer> out = new TreeMap<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.put(pool.get(i), 1 + r.nextInt(12));
        }
        return out;
    }

    /** Distinct member ids among c1..c15, so that "c10" < "c2" ordering matters. */
    static List<String> randomMemberIds(Random r, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            ids.add("c" + i);
        }
        java.util.Collections.shuffle(ids, r);
        return new ArrayList<>(ids.subList(0, count));
    }

    /** A random non-empty subset of the topics, sometimes with a topic that does not exist. */
    static List<String> randomSubscription(Random r, Map<String, Integer> topics) {
        List<String> names = new ArrayList<>(topics.keySet());
        List<String> out = new ArrayList<>();
        for (String t : names) {
            if (r.nextBoolean()) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            out.add(names.get(r.nextInt(names.size())));
        }
        if (r.nextInt(10) == 0) {
            out.add("ghost");
        }
        java.util.Collections.shuffle(out, r);
        return out;
    }

    /** Random consistent prior ownership: each partition owned by at most one member (some by none). */
    static Map<String, List<TopicPartition>> randomOwnership(Random r, Map<String, Integer> topics, List<String> ids) {
        Map<String, List<TopicPartition>> owned = new HashMap<>();
        ids.forEach(id -> owned.put(id, new ArrayList<>()));
        topics.forEach((t, n) -> {
            for (int p = 0; p < n; p++) {
                if (r.nextInt(4) != 0) {
                    owned.get(ids.get(r.nextInt(ids.size()))).add(new TopicPartition(t, p));
                }
            }
        });
        owned.values().forEach(l -> java.util.Collections.shuffle(l, r));
        return owned;
    }

    static Cluster cluster(Map<String, Integer> partitionsPerTopic) {
        Node broker = new Node(1, "localhost", 9092);
        List<PartitionInfo> infos = new ArrayList<>();
        partitionsPerTopic.forEach((t, n) -> {
            for (int p = 0; p < n; p++) {
                infos.add(new PartitionInfo(t, p, broker, new Node[] {broker}, new Node[] {broker}));
            }
        });
        return new Cluster("oracle", List.of(broker), infos, Set.of(), Set.of());
    }

    /**
     * Kafka's assignment for the group. Each member's Subscription is what its consumer would send: the user
     * data of its own client-side assignor instance (which remembers its last assignment and generation), its
     * owned partitions when it is cooperative (an eager consumer has revoked all before joining), and its
     * generation. Lists are returned as Kafka gives them (not sorted).
     */
    static Map<String, List<TopicPartition>> kafka(Supplier<? extends ConsumerPartitionAssignor> assignor,
                                                   Map<String, Integer> partitionsPerTopic,
                                                   List<MemberSubscription> members) {
        boolean cooperative = assignor.get().supportedProtocols()
                .contains(ConsumerPartitionAssignor.RebalanceProtocol.COOPERATIVE);
        Map<String, Subscription> subscriptions = new HashMap<>();
        for (MemberSubscription m : members) {
            ConsumerPartitionAssignor client = assignor.get();
            List<org.apache.kafka.common.TopicPartition> owned = new ArrayList<>();
            m.ownedPartitions().forEach(tp -> owned.add(new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition())));
            if (m.generation() >= 0 || !owned.isEmpty()) {
                client.onAssignment(new ConsumerPartitionAssignor.Assignment(owned),
                        new ConsumerGroupMetadata("g", m.generation(), m.memberId(), Optional.empty()));
            }
            ByteBuffer userData = client.subscriptionUserData(new HashSet<>(m.topics()));
            subscriptions.put(m.memberId(), new Subscription(m.topics(), userData,
                    cooperative ? owned : List.of(), m.generation(), Optional.empty()));
        }
        Map<String, List<TopicPartition>> out = new HashMap<>();
        assignor.get().assign(cluster(partitionsPerTopic), new GroupSubscription(subscriptions)).groupAssignment()
                .forEach((id, a) -> {
                    List<TopicPartition> list = new ArrayList<>();
                    a.partitions().forEach(tp -> list.add(new TopicPartition(tp.topic(), tp.partition())));
                    out.put(id, list);
                });
        return out;
    }

    /** The same map with every list sorted, in member-id order. */
    static Map<String, List<TopicPartition>> sorted(Map<String, List<TopicPartition>> assignment) {
        Map<String, List<TopicPartition>> out = new TreeMap<>();
        assignment.forEach((id, l) -> {
            List<TopicPartition> copy = new ArrayList<>(l);
            java.util.Collections.sort(copy);
            out.put(id, copy);
        });
        return out;
    }
}
