package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.util.List;
import java.util.Map;

/**
 * Kafka's classic eager {@code sticky} assignor: balanced like roundrobin, but members keep as many of their
 * previous partitions as possible. Every member still revokes everything before each rebalance (eager protocol);
 * its previous assignment and generation reach the leader in the subscription's user data.
 *
 * <p>This runs kafka-clients' own {@code org.apache.kafka.clients.consumer.StickyAssignor} (deterministic for
 * the same input), so the result is Kafka's by construction.
 */
public final class StickyAssignor implements ClassicAssignor {

    @Override
    public String name() {
        return "sticky";
    }

    @Override
    public boolean cooperative() {
        return false;
    }

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                                    List<MemberSubscription> members) {
        return KafkaClients.assign(org.apache.kafka.clients.consumer.StickyAssignor::new, false,
                partitionsPerTopic, members);
    }
}
