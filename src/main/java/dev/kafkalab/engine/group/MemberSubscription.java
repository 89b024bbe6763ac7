package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.util.List;
import java.util.Objects;

/**
 * What one group member tells the assignor: the topics it subscribes to, the partitions it owns now
 * (classic protocol) or its current target assignment (KIP-848 consumer protocol), and the generation in
 * which it got them ({@code -1} when unknown, e.g. a member that has never been in the group).
 */
public record MemberSubscription(String memberId, List<String> topics, List<TopicPartition> ownedPartitions,
                                 int generation) {

    public MemberSubscription {
        Objects.requireNonNull(memberId, "memberId");
        topics = List.copyOf(topics);
        ownedPartitions = List.copyOf(ownedPartitions);
    }

    /** A member that has just joined: it owns nothing and has no generation yet. */
    public static MemberSubscription newMember(String memberId, List<String> topics) {
        return new MemberSubscription(memberId, topics, List.of(), -1);
    }
}
