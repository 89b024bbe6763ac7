package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.nio.charset.StandardCharsets;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.coordinator.group.api.assignor.GroupAssignment;
import org.apache.kafka.coordinator.group.api.assignor.GroupSpec;
import org.apache.kafka.coordinator.group.api.assignor.MemberAssignment;
import org.apache.kafka.coordinator.group.api.assignor.SubscribedTopicDescriber;
import org.apache.kafka.coordinator.group.api.assignor.SubscriptionType;
import org.apache.kafka.coordinator.group.assignor.UniformAssignor;
import org.apache.kafka.coordinator.group.modern.Assignment;
import org.apache.kafka.coordinator.group.modern.GroupSpecImpl;
import org.apache.kafka.coordinator.group.modern.MemberSubscriptionAndAssignmentImpl;

/**
 * The broker's default KIP-848 assignor, {@code uniform}: balanced (sizes differ by at most one when all
 * members subscribe to the same topics) and sticky to the current target assignment.
 *
 * <p>This runs the group coordinator's own {@code org.apache.kafka.coordinator.group.assignor.UniformAssignor}
 * (kafka-group-coordinator 4.1.1) on a {@code GroupSpec} built the way its {@code TargetAssignmentBuilder}
 * builds one. Kafka's result depends on the iteration order of hash maps keyed by topic ids and member ids;
 * topics get a fixed id derived from their name ({@link #topicId}), and members enter the group's member map
 * in the order given (join order), so the same input always gives the same output.
 */
public final class UniformServerAssignor implements ServerAssignor {

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                                    List<MemberSubscription> members) {
        Results.sortedMemberIds(members); // rejects duplicate ids
        if (members.isEmpty()) {
            return Map.of();
        }
        TopicIds ids = new TopicIds(partitionsPerTopic);
        GroupAssignment result = new UniformAssignor().assign(groupSpec(ids, members), ids);
        Map<String, List<TopicPartition>> raw = new HashMap<>();
        result.members().forEach((member, assignment) -> raw.put(member, ids.partitions(assignment)));
        return Results.ordered(raw, members);
    }

    /**
     * The topic id this simulator gives a topic (Kafka's base64 form): a name-based UUID, so the same topic
     * name always gets the same id and the assignor's hash-ordered choices replay identically.
     */
    public static String topicId(String topic) {
        return uuidOf(topic).toString();
    }

    static Uuid uuidOf(String topic) {
        UUID u = UUID.nameUUIDFromBytes(("kafka-lab topic " + topic).getBytes(StandardCharsets.UTF_8));
        return new Uuid(u.getMostSignificantBits(), u.getLeastSignificantBits());
    }

    /** The group as the coordinator hands it to the assignor (see {@code TargetAssignmentBuilder.build}). */
    private static GroupSpec groupSpec(TopicIds ids, List<MemberSubscription> members) {
        Map<String, MemberSubscriptionAndAssignmentImpl> specs = new HashMap<>();
        Map<Uuid, Map<Integer, String>> owners = new HashMap<>();
        Map<String, Integer> subscriberCount = new HashMap<>();
        for (MemberSubscription m : members) {
            Set<String> names = new HashSet<>(m.topics()); // ConsumerGroupMember keeps its topic names in a HashSet
            names.forEach(t -> subscriberCount.merge(t, 1, Integer::sum));
            Map<Uuid, Set<Integer>> target = new HashMap<>();
            for (TopicPartition tp : m.ownedPartitions()) {
                Uuid id = ids.idOf(tp.topic());
                target.computeIfAbsent(id, k -> new HashSet<>()).add(tp.partition());
                owners.computeIfAbsent(id, k -> new HashMap<>()).put(tp.partition(), m.memberId());
            }
            Assignment assignment = target.isEmpty() ? Assignment.EMPTY : new Assignment(target);
            specs.put(m.memberId(), new MemberSubscriptionAndAssignmentImpl(Optional.empty(), Optional.empty(),
                    ids.subscribed(names), assignment));
        }
        // ModernGroup.subscriptionType: homogeneous when every subscribed topic has every member as subscriber
        SubscriptionType type = SubscriptionType.HOMOGENEOUS;
        for (int count : subscriberCount.values()) {
            if (count != members.size()) {
                type = SubscriptionType.HETEROGENEOUS;
                break;
            }
        }
        return new GroupSpecImpl(Collections.unmodifiableMap(specs), type, owners);
    }

    /** Topic names to ids and back, and the partition counts the assignor asks for. */
    static final class TopicIds implements SubscribedTopicDescriber {
        private final Map<String, Integer> partitionsPerTopic;
        private final Map<Uuid, String> names = new HashMap<>();

        TopicIds(Map<String, Integer> partitionsPerTopic) {
            this.partitionsPerTopic = partitionsPerTopic;
            partitionsPerTopic.keySet().forEach(this::idOf);
        }

        Uuid idOf(String topic) {
            Uuid id = uuidOf(topic);
            names.put(id, topic);
            return id;
        }

        @Override
        public int numPartitions(Uuid topicId) {
            String name = names.get(topicId);
            return name == null ? -1 : partitionsPerTopic.getOrDefault(name, -1);
        }

        @Override
        public Set<String> racksForPartition(Uuid topicId, int partition) {
            return Set.of();
        }

        /**
         * A member's subscribed topic ids like Kafka's {@code TopicIds} set: a view over the topic names that
         * iterates in the names' order and skips topics that do not exist.
         */
        Set<Uuid> subscribed(Set<String> topicNames) {
            return new AbstractSet<>() {
                @Override
                public Iterator<Uuid> iterator() {
                    Iterator<String> it = topicNames.iterator();
                    return new Iterator<>() {
                        private Uuid next = advance();

                        private Uuid advance() {
                            while (it.hasNext()) {
                                String t = it.next();
                                if (partitionsPerTopic.containsKey(t)) {
                                    return uuidOf(t);
                                }
                            }
                            return null;
                        }

                        @Override
                        public boolean hasNext() {
                            return next != null;
                        }

                        @Override
                        public Uuid next() {
                            if (next == null) {
                                throw new NoSuchElementException();
                            }
                            Uuid out = next;
                            next = advance();
                            return out;
                        }
                    };
                }

                @Override
                public int size() {
                    return topicNames.size();
                }

                @Override
                public boolean contains(Object o) {
                    String name = names.get(o);
                    return name != null && topicNames.contains(name);
                }
            };
        }

        List<TopicPartition> partitions(MemberAssignment assignment) {
            List<TopicPartition> out = new ArrayList<>();
            assignment.partitions().forEach((id, ps) -> ps.forEach(p -> out.add(new TopicPartition(names.get(id), p))));
            return out;
        }
    }
}
