package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's classic {@code cooperative-sticky} assignor (incremental cooperative rebalancing, KIP-429): sticky
 * and balanced, and members keep their partitions during a rebalance. A partition that must move to another
 * member is not handed over in the same generation: kafka-clients' class already leaves it out of the new
 * owner's assignment ({@code CooperativeStickyAssignor.adjustAssignment}), the old owner sees it missing and
 * revokes it, and rejoins; the follow-up rebalance gives it to the new owner. Example:
 * {@code c3 joins {c1=[0,2,4], c2=[1,3,5]} -> gen 2: c1=[0,2] c2=[1,3] c3=[] -> gen 3: c3=[4,5]}.
 *
 * <p>This runs kafka-clients' own {@code org.apache.kafka.clients.consumer.CooperativeStickyAssignor}, so the
 * result is Kafka's by construction.
 */
public final class CooperativeStickyAssignor implements ClassicAssignor {

    @Override
    public String name() {
        return "cooperative-sticky";
    }

    @Override
    public boolean cooperative() {
        return true;
    }

    /**
     * The assignment of this generation, exactly as Kafka's class returns it: partitions still owned by
     * another member (which must revoke them first) are already left out.
     */
    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                                    List<MemberSubscription> members) {
        return KafkaClients.assign(org.apache.kafka.clients.consumer.CooperativeStickyAssignor::new, true,
                partitionsPerTopic, members);
    }

    /**
     * What each member may take in this generation under the cooperative protocol: its entry in the target
     * assignment minus the partitions another member currently owns (that owner must revoke them first; they
     * come in a follow-up rebalance). Kafka's cooperative assignor applies this itself, so it changes nothing
     * on {@link #assign}'s result; use it on a target computed elsewhere (e.g. to show target vs. now).
     */
    public static Map<String, List<TopicPartition>> withoutPartitionsStillOwnedByOthers(
            Map<String, List<TopicPartition>> target, List<MemberSubscription> members) {
        Map<TopicPartition, String> ownerNow = new HashMap<>();
        for (MemberSubscription m : members) {
            m.ownedPartitions().forEach(tp -> ownerNow.put(tp, m.memberId()));
        }
        Map<String, List<TopicPartition>> out = new LinkedHashMap<>();
        target.forEach((member, partitions) -> {
            List<TopicPartition> mayTake = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                String owner = ownerNow.get(tp);
                if (owner == null || owner.equals(member)) {
                    mayTake.add(tp);
                }
            }
            out.put(member, List.copyOf(mayTake));
        });
        return out;
    }
}
