package dev.kafkalab.engine.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkalab.engine.TopicPartition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of the spec (section "Consumers and groups"), checked on our assignors and on Kafka's. */
class ClassicAssignorExamplesTest {

    static TopicPartition tp(String topic, int p) {
        return new TopicPartition(topic, p);
    }

    static List<TopicPartition> p(String topic, int... partitions) {
        List<TopicPartition> out = new ArrayList<>();
        for (int x : partitions) {
            out.add(tp(topic, x));
        }
        return out;
    }

    static List<MemberSubscription> members(List<String> topics, String... ids) {
        List<MemberSubscription> out = new ArrayList<>();
        for (String id : ids) {
            out.add(MemberSubscription.newMember(id, topics));
        }
        return out;
    }

    static Map<String, List<TopicPartition>> expected(Object... idThenPartitions) {
        Map<String, List<TopicPartition>> out = new LinkedHashMap<>();
        for (int i = 0; i < idThenPartitions.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<TopicPartition> l = (List<TopicPartition>) idThenPartitions[i + 1];
            out.put((String) idThenPartitions[i], l);
        }
        return out;
    }

    @Test
    void range6PartitionsOver4Members() {
        Map<String, Integer> topics = Map.of("payments", 6);
        List<MemberSubscription> group = members(List.of("payments"), "c1", "c2", "c3", "c4");
        Map<String, List<TopicPartition>> want = expected(
                "c1", p("payments", 0, 1), "c2", p("payments", 2, 3), "c3", p("payments", 4), "c4", p("payments", 5));
        assertThat(new RangeAssignor().assign(topics, group)).containsExactlyEntriesOf(want);
        assertThat(KafkaOracle.sorted(KafkaOracle.kafka(org.apache.kafka.clients.consumer.RangeAssignor::new,
                topics, group))).isEqualTo(want);
        assertThat(new RangeAssignor().explain(topics, group)).containsExactly(
                "payments: 6 partitions / 4 members = 1 each, first 2 members get one extra"
                        + " -> c1=[0..1], c2=[2..3], c3=[4], c4=[5]");
    }

    @Test
    void rangeTwoTopicsOfThreeOverTwoMembers() {
        Map<String, Integer> topics = Map.of("t0", 3, "t1", 3);
        List<MemberSubscription> group = members(List.of("t0", "t1"), "c0", "c1");
        List<TopicPartition> c0 = new ArrayList<>(p("t0", 0, 1));
        c0.addAll(p("t1", 0, 1));
        List<TopicPartition> c1 = List.of(tp("t0", 2), tp("t1", 2));
        assertThat(new RangeAssignor().assign(topics, group)).containsExactlyEntriesOf(expected("c0", c0, "c1", c1));
    }

    @Test
    void roundRobinTwoTopicsOfThreeOverTwoMembers() {
        Map<String, Integer> topics = Map.of("t0", 3, "t1", 3);
        List<MemberSubscription> group = members(List.of("t0", "t1"), "c0", "c1");
        Map<String, List<TopicPartition>> want = expected(
                "c0", List.of(tp("t0", 0), tp("t0", 2), tp("t1", 1)),
                "c1", List.of(tp("t0", 1), tp("t1", 0), tp("t1", 2)));
        assertThat(new RoundRobinAssignor().assign(topics, group)).containsExactlyEntriesOf(want);
        assertThat(KafkaOracle.kafka(org.apache.kafka.clients.consumer.RoundRobinAssignor::new, topics, group))
                .isEqualTo(want);
    }

    @Test
    void membersSortAsStringsAndIdleMembersAreListed() {
        Map<String, Integer> topics = Map.of("t", 2);
        List<MemberSubscription> group = members(List.of("t"), "c2", "c10", "c1");
        Map<String, List<TopicPartition>> got = new RangeAssignor().assign(topics, group);
        assertThat(got).containsExactlyEntriesOf(expected("c1", p("t", 0), "c10", p("t", 1), "c2", List.of()));
        assertThat(new RangeAssignor().explain(topics, group)).containsExactly(
                "t: 2 partitions / 3 members = 0 each, first 2 members get one extra (1 idle)"
                        + " -> c1=[0], c10=[1], c2=[]");
    }

    /** c3 joins {c1=[0,2,4], c2=[1,3,5]} -> gen 2 c1=[0,2] c2=[1,3] c3=[] -> gen 3 c3=[4,5]. */
    @Test
    void cooperativeStickyRevokesFirstAndAssignsInAFollowUpRebalance() {
        Map<String, Integer> topics = Map.of("t", 6);
        List<String> t = List.of("t");
        List<MemberSubscription> gen1 = List.of(
                new MemberSubscription("c1", t, p("t", 0, 2, 4), 1),
                new MemberSubscription("c2", t, p("t", 1, 3, 5), 1),
                MemberSubscription.newMember("c3", t));
        CooperativeStickyAssignor assignor = new CooperativeStickyAssignor();

        Map<String, List<TopicPartition>> gen2 = assignor.assign(topics, gen1);
        assertThat(gen2).containsExactlyEntriesOf(expected("c1", p("t", 0, 2), "c2", p("t", 1, 3), "c3", List.of()));
        assertThat(KafkaOracle.sorted(KafkaOracle.kafka(
                org.apache.kafka.clients.consumer.CooperativeStickyAssignor::new, topics, gen1))).isEqualTo(gen2);

        // c1 and c2 revoke 4 and 5 and rejoin: the follow-up rebalance hands them to c3
        List<MemberSubscription> afterRevoking = List.of(
                new MemberSubscription("c1", t, gen2.get("c1"), 2),
                new MemberSubscription("c2", t, gen2.get("c2"), 2),
                new MemberSubscription("c3", t, gen2.get("c3"), 2));
        Map<String, List<TopicPartition>> gen3 = assignor.assign(topics, afterRevoking);
        assertThat(gen3).containsExactlyEntriesOf(expected("c1", p("t", 0, 2), "c2", p("t", 1, 3), "c3", p("t", 4, 5)));

        // the helper: from the target (c3 would get 4 and 5) c3 may take nothing yet, as c1 and c2 still own them
        Map<String, List<TopicPartition>> target = expected("c1", p("t", 0, 2), "c2", p("t", 1, 3), "c3", p("t", 4, 5));
        assertThat(CooperativeStickyAssignor.withoutPartitionsStillOwnedByOthers(target, gen1))
                .containsExactlyEntriesOf(gen2);
        assertThat(CooperativeStickyAssignor.withoutPartitionsStillOwnedByOthers(target, afterRevoking))
                .containsExactlyEntriesOf(gen3);
    }

    @Test
    void eagerStickyHandsOverAtOnce() {
        Map<String, Integer> topics = Map.of("t", 6);
        List<String> t = List.of("t");
        List<MemberSubscription> group = List.of(
                new MemberSubscription("c1", t, p("t", 0, 2, 4), 1),
                new MemberSubscription("c2", t, p("t", 1, 3, 5), 1),
                MemberSubscription.newMember("c3", t));
        Map<String, List<TopicPartition>> got = new StickyAssignor().assign(topics, group);
        assertThat(got).containsExactlyEntriesOf(expected("c1", p("t", 0, 2), "c2", p("t", 1, 3), "c3", p("t", 4, 5)));
    }
}
