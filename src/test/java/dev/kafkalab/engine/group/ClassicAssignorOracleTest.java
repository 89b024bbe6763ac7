package dev.kafkalab.engine.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.engine.TopicPartition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.junit.jupiter.api.Test;

/**
 * Our classic assignors against kafka-clients' own classes on random groups: 1-12 members with ids among
 * c1..c15 ("c10" sorts before "c2"), 1-4 topics of 1-12 partitions, homogeneous and mixed subscriptions
 * (sometimes to a topic that does not exist). Every case is built from its own seed, named on failure.
 */
class ClassicAssignorOracleTest {
    static final int GROUPS = 600;
    static final int SEQUENCES = 120;
    static final int STEPS = 12;

    /** A random group; for the sticky assignors members also bring random (consistent) prior ownership. */
    static List<MemberSubscription> randomGroup(Random r, Map<String, Integer> topics, boolean withOwnership) {
        int size = 1 + r.nextInt(12);
        List<String> ids = KafkaOracle.randomMemberIds(r, size);
        boolean homogeneous = r.nextBoolean();
        List<String> shared = KafkaOracle.randomSubscription(r, topics);
        Map<String, List<TopicPartition>> owned = KafkaOracle.randomOwnership(r, topics, ids);
        List<MemberSubscription> members = new ArrayList<>();
        for (String id : ids) {
            List<String> subs = homogeneous ? shared : KafkaOracle.randomSubscription(r, topics);
            boolean fresh = !withOwnership || r.nextInt(5) == 0;
            members.add(fresh ? MemberSubscription.newMember(id, subs)
                    : new MemberSubscription(id, subs, owned.get(id), 1 + r.nextInt(3)));
        }
        return members;
    }

    @Test
    void rangeEqualsKafka() {
        for (int seed = 0; seed < GROUPS; seed++) {
            Random r = new Random(seed);
            Map<String, Integer> topics = KafkaOracle.randomTopics(r);
            List<MemberSubscription> members = randomGroup(r, topics, false);
            Map<String, List<TopicPartition>> ours = new RangeAssignor().assign(topics, members);
            Map<String, List<TopicPartition>> kafka =
                    KafkaOracle.kafka(org.apache.kafka.clients.consumer.RangeAssignor::new, topics, members);
            // Kafka's per-member list follows the iteration order of a HashMap of topic names: not meaningful
            // (a consumer's assignment is a set), so compare sorted lists.
            assertEquals(KafkaOracle.sorted(kafka), ours, "range, case seed " + seed + ", members " + members);
            assertInMemberOrder(ours, members, "range seed " + seed);
        }
    }

    @Test
    void roundRobinEqualsKafka() {
        for (int seed = 0; seed < GROUPS; seed++) {
            Random r = new Random(seed);
            Map<String, Integer> topics = KafkaOracle.randomTopics(r);
            List<MemberSubscription> members = randomGroup(r, topics, false);
            Map<String, List<TopicPartition>> ours = new RoundRobinAssignor().assign(topics, members);
            Map<String, List<TopicPartition>> kafka =
                    KafkaOracle.kafka(org.apache.kafka.clients.consumer.RoundRobinAssignor::new, topics, members);
            // roundrobin deals partitions in (topic, partition) order, so Kafka's lists are compared as they are
            assertEquals(new java.util.TreeMap<>(kafka), ours, "roundrobin, case seed " + seed + ", members " + members);
            assertInMemberOrder(ours, members, "roundrobin seed " + seed);
        }
    }

    @Test
    void stickyEqualsKafkaOnRandomGroups() {
        randomGroupsWithOwnership(new StickyAssignor(), org.apache.kafka.clients.consumer.StickyAssignor::new);
    }

    @Test
    void cooperativeStickyEqualsKafkaOnRandomGroups() {
        randomGroupsWithOwnership(new CooperativeStickyAssignor(),
                org.apache.kafka.clients.consumer.CooperativeStickyAssignor::new);
    }

    @Test
    void stickyEqualsKafkaOverJoinsAndLeaves() {
        sequences(new StickyAssignor(), org.apache.kafka.clients.consumer.StickyAssignor::new);
    }

    @Test
    void cooperativeStickyEqualsKafkaOverJoinsAndLeaves() {
        sequences(new CooperativeStickyAssignor(), org.apache.kafka.clients.consumer.CooperativeStickyAssignor::new);
    }

    private static void randomGroupsWithOwnership(ClassicAssignor ours,
                                                  Supplier<? extends ConsumerPartitionAssignor> kafka) {
        for (int seed = 0; seed < GROUPS; seed++) {
            Random r = new Random(seed);
            Map<String, Integer> topics = KafkaOracle.randomTopics(r);
            List<MemberSubscription> members = randomGroup(r, topics, true);
            compare(ours, kafka, topics, members, ours.name() + ", case seed " + seed);
        }
    }

    /**
     * Sequences of at least 12 rebalances: members join, leave, change subscriptions, topics grow; each member
     * carries the partitions it got and the generation into the next round. A cooperative group rebalances
     * again (next generation) until nothing is withheld any more, as its members rejoin after revoking.
     */
    private static void sequences(ClassicAssignor ours, Supplier<? extends ConsumerPartitionAssignor> kafka) {
        int compared = 0;
        for (int seed = 0; seed < SEQUENCES; seed++) {
            Random r = new Random(1_000_000L + seed);
            Map<String, Integer> topics = new java.util.TreeMap<>(KafkaOracle.randomTopics(r));
            boolean homogeneous = r.nextBoolean();
            List<String> shared = KafkaOracle.randomSubscription(r, topics);
            List<MemberSubscription> members = new ArrayList<>();
            for (String id : KafkaOracle.randomMemberIds(r, 1 + r.nextInt(6))) {
                members.add(MemberSubscription.newMember(id,
                        homogeneous ? shared : KafkaOracle.randomSubscription(r, topics)));
            }
            int generation = 0;
            for (int step = 0; step < STEPS; step++) {
                String where = ours.name() + ", sequence seed " + (1_000_000L + seed) + ", step " + step;
                if (step > 0) {
                    members = change(r, members, topics, homogeneous, shared);
                }
                for (int round = 0; round < 4; round++) {
                    generation++;
                    Map<String, List<TopicPartition>> result =
                            compare(ours, kafka, topics, members, where + ", generation " + generation);
                    compared++;
                    List<MemberSubscription> next = new ArrayList<>();
                    boolean changed = false;
                    for (MemberSubscription m : members) {
                        List<TopicPartition> got = result.get(m.memberId());
                        changed |= !new HashSet<>(got).equals(new HashSet<>(m.ownedPartitions()));
                        next.add(new MemberSubscription(m.memberId(), m.topics(), got, generation));
                    }
                    members = next;
                    if (!ours.cooperative() || !changed) {
                        break;
                    }
                }
            }
        }
        assertTrue(compared >= SEQUENCES * STEPS, "compared " + compared);
    }

    private static List<MemberSubscription> change(Random r, List<MemberSubscription> members,
                                                   Map<String, Integer> topics, boolean homogeneous,
                                                   List<String> shared) {
        List<MemberSubscription> out = new ArrayList<>(members);
        int what = r.nextInt(10);
        if (what < 4 && out.size() < 12) { // a member joins
            Set<String> taken = new HashSet<>();
            out.forEach(m -> taken.add(m.memberId()));
            String id;
            do {
                id = "c" + (1 + r.nextInt(15));
            } while (taken.contains(id));
            out.add(MemberSubscription.newMember(id, homogeneous ? shared : KafkaOracle.randomSubscription(r, topics)));
        } else if (what < 8 && out.size() > 1) { // a member leaves
            out.remove(r.nextInt(out.size()));
        } else if (what < 9 && !homogeneous) { // a member changes its subscription
            int i = r.nextInt(out.size());
            MemberSubscription m = out.get(i);
            out.set(i, new MemberSubscription(m.memberId(), KafkaOracle.randomSubscription(r, topics),
                    m.ownedPartitions(), m.generation()));
        } else { // a topic gets more partitions
            String t = new ArrayList<>(topics.keySet()).get(r.nextInt(topics.size()));
            topics.put(t, Math.min(16, topics.get(t) + 1 + r.nextInt(3)));
        }
        return out;
    }

    private static Map<String, List<TopicPartition>> compare(ClassicAssignor ours,
                                                             Supplier<? extends ConsumerPartitionAssignor> kafka,
                                                             Map<String, Integer> topics,
                                                             List<MemberSubscription> members, String where) {
        Map<String, List<TopicPartition>> got = ours.assign(topics, members);
        Map<String, List<TopicPartition>> expected = KafkaOracle.kafka(kafka, topics, members);
        // the sticky assignors' list order is an artefact of their internal maps: compare sorted lists
        assertEquals(KafkaOracle.sorted(expected), got, where + ", topics " + topics + ", members " + members);
        assertInMemberOrder(got, members, where);
        if (ours.cooperative()) {
            assertEquals(got, CooperativeStickyAssignor.withoutPartitionsStillOwnedByOthers(got, members),
                    where + ": Kafka's cooperative result already withholds partitions owned by others");
        }
        return got;
    }

    private static void assertInMemberOrder(Map<String, List<TopicPartition>> result,
                                            List<MemberSubscription> members, String where) {
        List<String> ids = new ArrayList<>();
        members.forEach(m -> ids.add(m.memberId()));
        java.util.Collections.sort(ids);
        assertEquals(ids, new ArrayList<>(result.keySet()), where + ": every member, in member-id order");
    }
}
