package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.util.List;
import java.util.Map;

/**
 * A partition assignor of the classic group protocol ({@code partition.assignment.strategy}); in Kafka it
 * runs on the group leader's client. Implementations give exactly what kafka-clients' class of the same
 * name gives for the same group.
 */
public interface ClassicAssignor {

    /** The protocol name members send in their JoinGroup request: range, roundrobin, sticky, cooperative-sticky. */
    String name();

    /** True when the assignor follows the cooperative (incremental) rebalance protocol. */
    boolean cooperative();

    /**
     * The assignment of this generation.
     *
     * @param partitionsPerTopic partition count of every existing topic (subscribed topics missing here are skipped)
     * @param members            the group's members in the order they joined; ownedPartitions and generation
     *                           matter to the sticky assignors, and so does the order, but only to break ties
     *                           between members whose ids share a bucket of Kafka's member HashMap
     * @return an entry for every member, in Kafka's member-id order ("c10" before "c2"); idle members get an
     *         empty list; each list is sorted by topic, then partition
     */
    Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic, List<MemberSubscription> members);
}
