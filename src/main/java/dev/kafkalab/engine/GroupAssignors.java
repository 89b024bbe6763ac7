package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The coordinator's bridge to the assignors in {@code dev.kafkalab.engine.group}. */
final class GroupAssignors {
    /** A member's subscription as the assignors need it. */
    record Subscriber(String memberId, List<String> topics, List<TopicPartition> owned, int generation) {
    }

    private GroupAssignors() {
    }

    /** The protocol every member supports that most members prefer (Kafka's {@code selectProtocol}). */
    static String selectProtocol(List<List<String>> preferences) {
        return preferences.get(0).get(0); // TEMPORARY until the assignors land
    }

    static Map<String, List<TopicPartition>> assignClassic(String protocol, Map<String, Integer> partitionsPerTopic,
                                                           Collection<ClassicGroup.Member> members) {
        throw new UnsupportedOperationException("TEMPORARY until the assignors land");
    }

    static Map<String, List<TopicPartition>> assignServer(String name, Map<String, Integer> partitionsPerTopic,
                                                          List<Subscriber> members) {
        throw new UnsupportedOperationException("TEMPORARY until the assignors land");
    }
}
