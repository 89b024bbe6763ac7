package dev.kafkalab.engine.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.engine.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.coordinator.group.api.assignor.ConsumerGroupPartitionAssignor;
import org.apache.kafka.coordinator.group.api.assignor.SubscribedTopicDescriber;
import org.apache.kafka.coordinator.group.api.assignor.SubscriptionType;
import org.apache.kafka.coordinator.group.modern.Assignment;
import org.apache.kafka.coordinator.group.modern.GroupSpecImpl;
import org.apache.kafka.coordinator.group.modern.MemberSubscriptionAndAssignmentImpl;
import org.junit.jupiter.api.Test;

/**
 * The KIP-848 broker-side assignors against kafka-group-coordinator 4.1.1's own UniformAssignor and
 * RangeAssignor, on random groups and on sequences that carry the previous target assignment forward.
 * Kafka's result is a set of partitions per topic per member, so lists are compared sorted.
 */
class ServerAssignorOracleTest {
    static final int GROUPS = 600;
    static final int SEQUENCES = 100;
    static final int STEPS = 12;

    @Test
    void rangeEqualsKafkaOnRandomGroups() {
        for (int seed = 0; seed < GROUPS; seed++) {
            Random r = new Random(seed);
            Map<String, Integer> topics = KafkaOracle.randomTopics(r);
            List<MemberSubscription> members = ClassicAssignorOracleTest.randomGroup(r, topics, true);
            // the range result must not depend on topic ids: give the oracle random ones
            Map<String, Uuid> ids = new HashMap<>();
            for (String t : List.of("orders", "payments", "t0", "t1", "clicks", "ghost")) {
                ids.put(t, new Uuid(r.nextLong(), r.nextLong()));
            }
            compare(new RangeServerAssignor(), new org.apache.kafka.coordinator.group.assignor.RangeAssignor(),
                    ids::get, topics, members, "range, case seed " + seed);
        }
    }

    @Test
    void uniformEqualsKafkaOnRandomGroups() {
        for (int seed = 0; seed < GROUPS; seed++) {
            Random r = new Random(seed);
            Map<String, Integer> topics = KafkaOracle.randomTopics(r);
            List<MemberSubscription> members = ClassicAssignorOracleTest.randomGroup(r, topics, true);
            Map<String, List<TopicPartition>> got = compare(new UniformServerAssignor(),
                    new org.apache.kafka.coordinator.group.assignor.UniformAssignor(),
                    UniformServerAssignor::uuidOf, topics, members, "uniform, case seed " + seed);
            assertValid(got, topics, members, "uniform, case seed " + seed);
        }
    }

    @Test
    void rangeEqualsKafkaOverJoinsAndLeaves() {
        sequences(new RangeServerAssignor(), new org.apache.kafka.coordinator.group.assignor.RangeAssignor());
    }

    @Test
    void uniformEqualsKafkaOverJoinsAndLeaves() {
        sequences(new UniformServerAssignor(), new org.apache.kafka.coordinator.group.assignor.UniformAssignor());
    }

    @Test
    void uniformIsStickyWhenAMemberJoins() {
        Map<String, Integer> topics = Map.of("t", 6);
        List<String> t = List.of("t");
        List<TopicPartition> c1 = List.of(new TopicPartition("t", 0), new TopicPartition("t", 2), new TopicPartition("t", 4));
        List<TopicPartition> c2 = List.of(new TopicPartition("t", 1), new TopicPartition("t", 3), new TopicPartition("t", 5));
        Map<String, List<TopicPartition>> got = new UniformServerAssignor().assign(topics, List.of(
                new MemberSubscription("c1", t, c1, 1), new MemberSubscription("c2", t, c2, 1),
                MemberSubscription.newMember("c3", t)));
        assertEquals(List.of("c1", "c2", "c3"), new ArrayList<>(got.keySet()));
        assertEquals(2, got.get("c3").size());
        assertTrue(c1.containsAll(got.get("c1")) && got.get("c1").size() == 2, got.toString());
        assertTrue(c2.containsAll(got.get("c2")) && got.get("c2").size() == 2, got.toString());
    }

    @Test
    void assignorsByName() {
        assertEquals("uniform", Assignors.server(null).name());
        assertEquals("uniform", Assignors.server("org.apache.kafka.coordinator.group.assignor.UniformAssignor").name());
        assertEquals("range", Assignors.server("range").name());
    }

    private static void sequences(ServerAssignor ours, ConsumerGroupPartitionAssignor kafka) {
        int compared = 0;
        for (int seed = 0; seed < SEQUENCES; seed++) {
            long caseSeed = 2_000_000L + seed;
            Random r = new Random(caseSeed);
            Map<String, Integer> topics = new TreeMap<>(KafkaOracle.randomTopics(r));
            boolean homogeneous = r.nextBoolean();
            List<String> shared = KafkaOracle.randomSubscription(r, topics);
            List<MemberSubscription> members = new ArrayList<>();
            for (String id : KafkaOracle.randomMemberIds(r, 1 + r.nextInt(6))) {
                members.add(MemberSubscription.newMember(id, homogeneous ? shared : KafkaOracle.randomSubscription(r, topics)));
            }
            for (int step = 0; step < STEPS; step++) {
                String where = ours.name() + ", sequence seed " + caseSeed + ", step " + step;
                if (step > 0) {
                    members = change(r, members, topics, homogeneous, shared);
                }
                Map<String, List<TopicPartition>> target =
                        compare(ours, kafka, UniformServerAssignor::uuidOf, topics, members, where);
                assertValid(target, topics, members, where);
                compared++;
                List<MemberSubscription> next = new ArrayList<>();
                for (MemberSubscription m : members) {
                    next.add(new MemberSubscription(m.memberId(), m.topics(), target.get(m.memberId()), -1));
                }
                members = next;
            }
        }
        assertTrue(compared >= SEQUENCES * STEPS);
    }

    private static List<MemberSubscription> change(Random r, List<MemberSubscription> members,
                                                   Map<String, Integer> topics, boolean homogeneous, List<String> shared) {
        List<MemberSubscription> out = new ArrayList<>(members);
        int what = r.nextInt(10);
        if (what < 4 && out.size() < 12) {
            Set<String> taken = new HashSet<>();
            out.forEach(m -> taken.add(m.memberId()));
            String id;
            do {
                id = "c" + (1 + r.nextInt(15));
            } while (taken.contains(id));
            out.add(MemberSubscription.newMember(id, homogeneous ? shared : KafkaOracle.randomSubscription(r, topics)));
        } else if (what < 8 && out.size() > 1) {
            out.remove(r.nextInt(out.size()));
        } else if (what < 9 && !homogeneous) {
            int i = r.nextInt(out.size());
            MemberSubscription m = out.get(i);
            out.set(i, new MemberSubscription(m.memberId(), KafkaOracle.randomSubscription(r, topics),
                    m.ownedPartitions(), m.generation()));
        } else {
            String t = new ArrayList<>(topics.keySet()).get(r.nextInt(topics.size()));
            topics.put(t, Math.min(16, topics.get(t) + 1 + r.nextInt(3)));
        }
        return out;
    }

    private static Map<String, List<TopicPartition>> compare(ServerAssignor ours, ConsumerGroupPartitionAssignor kafka,
                                                             Function<String, Uuid> ids, Map<String, Integer> topics,
                                                             List<MemberSubscription> members, String where) {
        Map<String, List<TopicPartition>> got = ours.assign(topics, members);
        Map<String, List<TopicPartition>> expected = kafka(kafka, ids, topics, members);
        assertEquals(KafkaOracle.sorted(expected), got, where + ", topics " + topics + ", members " + members);
        List<String> order = new ArrayList<>();
        members.forEach(m -> order.add(m.memberId()));
        Collections.sort(order);
        assertEquals(order, new ArrayList<>(got.keySet()), where + ": every member, in member-id order");
        return got;
    }

    /** Each partition at most once, only to a subscriber, every partition with a subscriber assigned. */
    private static void assertValid(Map<String, List<TopicPartition>> result, Map<String, Integer> topics,
                                    List<MemberSubscription> members, String where) {
        Map<String, List<String>> subs = new HashMap<>();
        Set<String> subscribed = new HashSet<>();
        members.forEach(m -> {
            subs.put(m.memberId(), m.topics());
            subscribed.addAll(m.topics());
        });
        Set<TopicPartition> seen = new HashSet<>();
        result.forEach((id, list) -> list.forEach(tp -> {
            assertTrue(seen.add(tp), where + ": " + tp + " assigned twice");
            assertTrue(subs.get(id).contains(tp.topic()), where + ": " + id + " got " + tp + " unsubscribed");
        }));
        topics.forEach((t, n) -> {
            if (subscribed.contains(t)) {
                for (int p = 0; p < n; p++) {
                    assertTrue(seen.contains(new TopicPartition(t, p)), where + ": " + t + "-" + p + " unassigned");
                }
            }
        });
    }

    /**
     * Kafka's assignor run on the group as its TargetAssignmentBuilder presents it: a HashMap of members filled
     * in join order, each with its topic names (a HashSet, read through as ids, skipping unknown topics) and its
     * current target as an immutable Assignment, the inverted target, and the subscription type.
     */
    static Map<String, List<TopicPartition>> kafka(ConsumerGroupPartitionAssignor assignor, Function<String, Uuid> ids,
                                                   Map<String, Integer> topics, List<MemberSubscription> members) {
        Map<Uuid, String> names = new HashMap<>();
        topics.keySet().forEach(t -> names.put(ids.apply(t), t));
        Map<String, MemberSubscriptionAndAssignmentImpl> specs = new HashMap<>();
        Map<Uuid, Map<Integer, String>> inverted = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (MemberSubscription m : members) {
            Set<String> topicNames = new HashSet<>(m.topics());
            topicNames.forEach(t -> counts.merge(t, 1, Integer::sum));
            Set<Uuid> subscribedIds = new LinkedHashSet<>();
            for (String t : topicNames) {
                if (topics.containsKey(t)) {
                    subscribedIds.add(ids.apply(t));
                }
            }
            Map<Uuid, Set<Integer>> target = new HashMap<>();
            for (TopicPartition tp : m.ownedPartitions()) {
                Uuid id = ids.apply(tp.topic());
                names.putIfAbsent(id, tp.topic());
                target.computeIfAbsent(id, k -> new HashSet<>()).add(tp.partition());
                inverted.computeIfAbsent(id, k -> new HashMap<>()).put(tp.partition(), m.memberId());
            }
            specs.put(m.memberId(), new MemberSubscriptionAndAssignmentImpl(Optional.empty(), Optional.empty(),
                    subscribedIds, target.isEmpty() ? Assignment.EMPTY : new Assignment(target)));
        }
        boolean homogeneous = counts.values().stream().allMatch(c -> c == members.size());
        SubscribedTopicDescriber describer = new SubscribedTopicDescriber() {
            @Override
            public int numPartitions(Uuid topicId) {
                String t = names.get(topicId);
                return t == null || !topics.containsKey(t) ? -1 : topics.get(t);
            }

            @Override
            public Set<String> racksForPartition(Uuid topicId, int partition) {
                return Set.of();
            }
        };
        Map<String, List<TopicPartition>> out = new HashMap<>();
        members.forEach(m -> out.put(m.memberId(), new ArrayList<>()));
        assignor.assign(new GroupSpecImpl(Collections.unmodifiableMap(specs),
                        homogeneous ? SubscriptionType.HOMOGENEOUS : SubscriptionType.HETEROGENEOUS, inverted), describer)
                .members().forEach((id, a) -> a.partitions().forEach((topicId, ps) ->
                        ps.forEach(p -> out.get(id).add(new TopicPartition(names.get(topicId), p)))));
        return out;
    }
}
