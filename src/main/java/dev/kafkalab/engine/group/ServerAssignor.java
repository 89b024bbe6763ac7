package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.util.List;
import java.util.Map;

/**
 * A broker-side assignor of the KIP-848 consumer group protocol ({@code group.protocol=consumer}): the group
 * coordinator computes the group's target assignment; members then reconcile towards it.
 */
public interface ServerAssignor {

    /** uniform (the broker's default) or range. */
    String name();

    /**
     * The new target assignment.
     *
     * @param partitionsPerTopic partition count of every existing topic
     * @param members            the group's members in the order they joined; {@code ownedPartitions} is each
     *                           member's current target assignment (empty for a new member)
     * @return an entry for every member, in member-id order; each list sorted by topic, then partition
     */
    Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic, List<MemberSubscription> members);
}
