package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.util.List;
import java.util.Map;

/**
 * The KIP-848 broker-side {@code range} assignor. In Kafka 4.1 it does the same arithmetic as the classic
 * range assignor: per topic, the subscribed members sorted by member id (static members by instance id first;
 * the simulator has none) each get {@code partitions / members} consecutive partitions and the first
 * {@code partitions % members} one more. It does not look at the current target assignment. Equal to
 * kafka-group-coordinator's {@code RangeAssignor}, as {@code ServerAssignorOracleTest} checks.
 */
public final class RangeServerAssignor implements ServerAssignor {
    private final RangeAssignor range = new RangeAssignor();

    @Override
    public String name() {
        return "range";
    }

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                                    List<MemberSubscription> members) {
        return range.assign(partitionsPerTopic, members);
    }

    /** Per-topic lines of how the partitions are split (see {@link RangeAssignor#explain}). */
    public List<String> explain(Map<String, Integer> partitionsPerTopic, List<MemberSubscription> members) {
        return range.explain(partitionsPerTopic, members);
    }
}
