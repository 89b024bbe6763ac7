package dev.kafkalab.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A consumer group as {@code kafka-consumer-groups --describe} shows it: protocol, state, members with
 * their assignments, committed offsets and lag per partition. Lag is the high watermark minus the owning
 * member's position, or minus the committed offset when no member reads the partition.
 *
 * @param protocol   {@code classic} or {@code consumer} (KIP-848)
 * @param generation the classic generation or the KIP-848 group epoch
 * @param members    member id -> assigned partitions, sorted by id
 * @param lag        partition -> lag, for every partition of the topics the group reads or committed
 */
public record GroupDescription(String id, String protocol, String assignor, int generation, String state,
                               Map<String, List<TopicPartition>> members, Map<TopicPartition, Long> committed,
                               Map<TopicPartition, Long> lag) {
    public GroupDescription {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        committed = Collections.unmodifiableMap(new LinkedHashMap<>(committed));
        lag = Collections.unmodifiableMap(new LinkedHashMap<>(lag));
    }

    /** The group as it is now, or null when the coordinator knows no such group. */
    public static GroupDescription of(Simulation sim, String groupId) {
        Map<String, List<TopicPartition>> members = new TreeMap<>();
        String protocol;
        String assignor;
        int generation;
        String state;
        ClassicGroup classic = sim.groupCoordinator().classicGroups().get(groupId);
        ConsumerGroup modern = sim.groupCoordinator().consumerGroups().get(groupId);
        if (classic != null) {
            protocol = "classic";
            assignor = classic.protocol();
            generation = classic.generation();
            state = classic.state().kafkaName();
            classic.members().forEach((id, m) -> members.put(id, List.copyOf(m.assignment())));
        } else if (modern != null) {
            protocol = "consumer";
            assignor = modern.assignor();
            generation = modern.groupEpoch();
            state = modern.state().kafkaName();
            modern.members().forEach((id, m) -> members.put(id, List.copyOf(m.assignment())));
        } else {
            return null;
        }
        TreeSet<String> topics = new TreeSet<>();
        for (String member : members.keySet()) {
            Consumer c = sim.consumer(member);
            if (c != null) {
                topics.addAll(c.subscription());
            }
        }
        Map<TopicPartition, Long> committed = sim.groupCoordinator().committed(groupId);
        committed.keySet().forEach(tp -> topics.add(tp.topic()));
        Map<TopicPartition, Long> lag = new LinkedHashMap<>();
        for (String t : topics) {
            Topic topic = sim.cluster().topic(t);
            if (topic == null) {
                continue;
            }
            for (Partition p : topic.partitions()) {
                TopicPartition tp = p.topicPartition();
                Long position = null;
                for (Map.Entry<String, List<TopicPartition>> e : members.entrySet()) {
                    Consumer c = sim.consumer(e.getKey());
                    if (e.getValue().contains(tp) && c != null && c.positions().containsKey(tp)) {
                        position = c.positions().get(tp);
                    }
                }
                if (position == null) {
                    position = committed.getOrDefault(tp, p.leaderLog().logStartOffset());
                }
                lag.put(tp, Math.max(0, p.highWatermark() - position));
            }
        }
        return new GroupDescription(groupId, protocol, assignor, generation, state, members, committed, lag);
    }

    /** True when no rebalance is in progress. */
    public boolean stable() {
        return state.equals("Stable");
    }

    /** Members that own no partition. */
    public long idleMembers() {
        return members.values().stream().filter(List::isEmpty).count();
    }

    /** The member that owns a partition, or null. */
    public String owner(TopicPartition tp) {
        for (Map.Entry<String, List<TopicPartition>> e : members.entrySet()) {
            if (e.getValue().contains(tp)) {
                return e.getKey();
            }
        }
        return null;
    }
}
