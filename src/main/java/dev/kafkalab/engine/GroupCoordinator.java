package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The group coordinator: consumer groups of both protocols and their committed offsets. A group's
 * coordinator is the leader of the {@code __consumer_offsets} partition its id hashes to; commits
 * are written there as records. Mirrors Kafka's {@code GroupCoordinatorService} in outline.
 */
public final class GroupCoordinator {
    private final Simulation sim;
    private final Map<String, ClassicGroup> classicGroups = new TreeMap<>();
    private final Map<String, ConsumerGroup> consumerGroups = new TreeMap<>();
    private final Map<String, Map<TopicPartition, Long>> committed = new TreeMap<>();

    GroupCoordinator(Simulation sim) {
        this.sim = sim;
    }

    public Map<String, ClassicGroup> classicGroups() {
        return java.util.Collections.unmodifiableMap(classicGroups);
    }

    public Map<String, ConsumerGroup> consumerGroups() {
        return java.util.Collections.unmodifiableMap(consumerGroups);
    }

    /** All groups' ids, in order. */
    public List<String> groupIds() {
        List<String> ids = new ArrayList<>(classicGroups.keySet());
        for (String id : consumerGroups.keySet()) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        java.util.Collections.sort(ids);
        return ids;
    }

    /** Kafka's {@code Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions}. */
    public int offsetsPartitionFor(String group) {
        int h = group.hashCode();
        int positive = h == Integer.MIN_VALUE ? 0 : Math.abs(h);
        return positive % sim.cluster().brokerConfig().getInt("offsets.topic.num.partitions");
    }

    /**
     * The broker coordinating {@code group}: the leader of its __consumer_offsets partition, creating
     * that internal topic on first use as Kafka does.
     *
     * @throws KafkaException CoordinatorNotAvailableException when the topic cannot be created or has no leader
     */
    int coordinatorFor(String group) {
        Topic offsets = sim.cluster().topic(TopicNames.GROUP_METADATA_TOPIC_NAME);
        if (offsets == null) {
            Config cfg = sim.cluster().brokerConfig();
            int rf = cfg.getInt("offsets.topic.replication.factor");
            int alive = 0;
            for (Broker b : sim.cluster().brokers()) {
                if (b.isUp()) {
                    alive++;
                }
            }
            if (alive < rf) {
                throw new KafkaException("CoordinatorNotAvailableException", "The coordinator is not available. "
                        + "(Number of alive brokers '" + alive + "' does not meet the required replication factor '"
                        + rf + "' for the offsets topic (configured via 'offsets.topic.replication.factor').)");
            }
            offsets = sim.cluster().createTopic(TopicNames.GROUP_METADATA_TOPIC_NAME,
                    cfg.getInt("offsets.topic.num.partitions"), rf, null, Map.of("cleanup.policy", "compact"), true);
        }
        int leader = offsets.partition(offsetsPartitionFor(group)).leader();
        if (leader < 0) {
            throw new KafkaException("CoordinatorNotAvailableException", "The coordinator is not available.");
        }
        return leader;
    }

    // ---------------------------------------------------------------- offsets

    public Map<TopicPartition, Long> committed(String group) {
        return java.util.Collections.unmodifiableMap(committed.getOrDefault(group, Map.of()));
    }

    /** Stores committed offsets and writes them to the group's __consumer_offsets partition. */
    void commit(String group, String member, Map<TopicPartition, Long> offsets, boolean auto) {
        if (offsets.isEmpty()) {
            return;
        }
        int coordinator = coordinatorFor(group);
        committed.computeIfAbsent(group, g -> new TreeMap<>()).putAll(offsets);
        int p = offsetsPartitionFor(group);
        List<PartitionLog.Append> records = new ArrayList<>();
        Map<String, Long> shown = new LinkedHashMap<>();
        for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
            String key = group + "," + e.getKey().topic() + "," + e.getKey().partition();
            records.add(new PartitionLog.Append(ProducerRecord.utf8(key), ProducerRecord.utf8(e.getValue().toString()),
                    Map.of(), sim.now()));
            shown.put(e.getKey().toString(), e.getValue());
        }
        sim.replicaManager().produce(coordinator, new TopicPartition(TopicNames.GROUP_METADATA_TOPIC_NAME, p),
                records, "1", 30_000, result -> { });
        sim.emit(new SimEvent.OffsetsCommitted(sim.now(), group, member, shown, p, auto));
    }

    // ---------------------------------------------------------------- groups

    ClassicGroup classicGroup(String id) {
        if (consumerGroups.containsKey(id)) {
            throw new KafkaException("InconsistentGroupProtocolException", "The group member's supported protocols "
                    + "are incompatible with those of existing members or first group member tried to join with "
                    + "empty protocol type or empty protocol list.");
        }
        return classicGroups.computeIfAbsent(id, g -> new ClassicGroup(sim, this, g));
    }

    ConsumerGroup consumerGroup(String id) {
        if (classicGroups.containsKey(id) && !classicGroups.get(id).members().isEmpty()) {
            throw new KafkaException("GroupIdNotFoundException", "Group " + id + " is not a consumer group.");
        }
        classicGroups.remove(id);
        return consumerGroups.computeIfAbsent(id, g -> new ConsumerGroup(sim, g));
    }

    /** Partitions of the subscribed topics that exist, per topic, in topic order. */
    Map<String, Integer> partitionsPerTopic(java.util.Collection<List<String>> subscriptions) {
        Map<String, Integer> out = new TreeMap<>();
        for (List<String> topics : subscriptions) {
            for (String t : topics) {
                Topic topic = sim.cluster().topic(t);
                if (topic != null) {
                    out.put(t, topic.partitionCount());
                }
            }
        }
        return out;
    }
}
