package dev.kafkalab.engine;

import dev.kafkalab.engine.group.Assignors;
import dev.kafkalab.engine.group.MemberSubscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The coordinator's bridge to the assignors in {@code dev.kafkalab.engine.group}. */
final class GroupAssignors {
    private GroupAssignors() {
    }

    /** The protocol every member supports that most members prefer (Kafka's {@code selectProtocol}). */
    static String selectProtocol(Collection<ClassicGroup.Member> membersInJoinOrder) {
        Map<String, List<String>> prefs = new java.util.LinkedHashMap<>();
        for (ClassicGroup.Member m : membersInJoinOrder) {
            prefs.put(m.id, m.protocols);
        }
        return Assignors.selectProtocol(prefs).orElseThrow(() -> new KafkaException(
                "InconsistentGroupProtocolException", "The group member's supported protocols are incompatible "
                        + "with those of existing members or first group member tried to join with empty protocol "
                        + "type or empty protocol list."));
    }

    static Map<String, List<TopicPartition>> assignClassic(String protocol, Map<String, Integer> partitionsPerTopic,
                                                           Collection<ClassicGroup.Member> members) {
        List<MemberSubscription> subs = new ArrayList<>();
        for (ClassicGroup.Member m : members) {
            subs.add(new MemberSubscription(m.id, m.topics, m.owned, m.ownedGeneration));
        }
        return Assignors.classic(protocol).assign(partitionsPerTopic, subs);
    }

    static Map<String, List<TopicPartition>> assignServer(String name, Map<String, Integer> partitionsPerTopic,
                                                          List<MemberSubscription> members) {
        return Assignors.server(name).assign(partitionsPerTopic, members);
    }
}
