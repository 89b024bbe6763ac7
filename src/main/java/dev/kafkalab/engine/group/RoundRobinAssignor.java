package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Kafka's classic {@code roundrobin} assignor: all partitions of all subscribed topics, sorted by topic then
 * partition, are dealt one by one to the members sorted by member id, going round in a circle; a member not
 * subscribed to a partition's topic is skipped for it. Equal to kafka-clients' {@code RoundRobinAssignor},
 * as {@code ClassicAssignorOracleTest} checks.
 */
public final class RoundRobinAssignor implements ClassicAssignor {

    @Override
    public String name() {
        return "roundrobin";
    }

    @Override
    public boolean cooperative() {
        return false;
    }

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                                    List<MemberSubscription> members) {
        List<String> circle = Results.sortedMemberIds(members);
        Map<String, List<String>> topicsOf = new HashMap<>();
        TreeSet<String> topics = new TreeSet<>();
        for (MemberSubscription m : members) {
            topicsOf.put(m.memberId(), m.topics());
            topics.addAll(m.topics());
        }

        Map<String, List<TopicPartition>> assignment = new HashMap<>();
        int next = 0; // whose turn it is
        for (String topic : topics) {
            int partitions = partitionsPerTopic.getOrDefault(topic, 0);
            for (int p = 0; p < partitions; p++) {
                while (!topicsOf.get(circle.get(next)).contains(topic)) {
                    next = (next + 1) % circle.size(); // skip members not subscribed to this topic
                }
                assignment.computeIfAbsent(circle.get(next), k -> new ArrayList<>()).add(new TopicPartition(topic, p));
                next = (next + 1) % circle.size();
            }
        }
        return Results.ordered(assignment, members);
    }
}
