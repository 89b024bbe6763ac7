package dev.kafkalab.ui.model;

import dev.kafkalab.engine.Broker;
import dev.kafkalab.engine.Replica;
import dev.kafkalab.engine.TopicPartition;

import java.util.List;
import java.util.Map;

/**
 * What the canvas draws at one moment: an immutable copy of the cluster and its clients, taken right
 * after an engine event. Logs are cut to their newest {@link #TAIL} records so a snapshot stays small.
 */
public record ClusterSnapshot(long time, int controllerId, List<BrokerView> brokers, List<TopicView> topics,
                              List<ProducerView> producers, List<ConsumerView> consumers, List<GroupView> groups) {
    /** How many of the newest records of each replica a snapshot keeps. */
    public static final int TAIL = 24;

    public ClusterSnapshot {
        brokers = List.copyOf(brokers);
        topics = List.copyOf(topics);
        producers = List.copyOf(producers);
        consumers = List.copyOf(consumers);
        groups = List.copyOf(groups);
    }

    public BrokerView broker(int id) {
        return brokers.stream().filter(b -> b.id() == id).findFirst().orElse(null);
    }

    public TopicView topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    public PartitionView partition(String topic, int partition) {
        TopicView t = topic(topic);
        return t == null || partition < 0 || partition >= t.partitions().size() ? null : t.partitions().get(partition);
    }

    public ProducerView producer(String id) {
        return producers.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    public ConsumerView consumer(String id) {
        return consumers.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    public GroupView group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
    }

    /** A broker as the learner sees it; {@code fenced}: the controller no longer trusts it. */
    public record BrokerView(int id, Broker.State state, boolean fenced) {
        public boolean isUp() {
            return state == Broker.State.UP;
        }
    }

    /** A topic; {@code internal} topics (like __consumer_offsets) are drawn folded. */
    public record TopicView(String name, int replicationFactor, boolean compacted, boolean internal,
                            Map<String, Object> config, List<PartitionView> partitions) {
    }

    /** One stored record, as text. */
    public record RecordView(long offset, String key, String value, int sizeInBytes, long timestamp, int leaderEpoch,
                             Map<String, String> headers) {
    }

    /** One replica of a partition on one broker: its role, offsets and newest records. */
    public record ReplicaView(int broker, Replica.Role role, long logStartOffset, long logEndOffset,
                              long highWatermark, List<RecordView> tail, List<Long> segmentBaseOffsets) {
        public RecordView record(long offset) {
            for (RecordView r : tail) {
                if (r.offset() == offset) {
                    return r;
                }
            }
            return null;
        }
    }

    /** A partition as the controller knows it, with every replica. */
    public record PartitionView(String topic, int index, int leader, int leaderEpoch, List<Integer> replicas,
                                List<Integer> isr, List<Integer> elr, long highWatermark,
                                List<ReplicaView> replicaViews) {
        public TopicPartition topicPartition() {
            return new TopicPartition(topic, index);
        }

        public boolean hasLeader() {
            return leader >= 0;
        }

        public ReplicaView replica(int broker) {
            return replicaViews.stream().filter(r -> r.broker() == broker).findFirst().orElse(null);
        }

        /** The log the topic view shows: the leader's, or the longest when there is no leader. */
        public ReplicaView displayLog() {
            ReplicaView leaderView = replica(leader);
            if (leaderView != null) {
                return leaderView;
            }
            ReplicaView best = null;
            for (ReplicaView r : replicaViews) {
                if (best == null || r.logEndOffset() > best.logEndOffset()) {
                    best = r;
                }
            }
            return best;
        }

        public boolean inSync(int broker) {
            return isr.contains(broker);
        }
    }

    /** A record waiting in a producer's accumulator for its batch to be sent. */
    public record PendingRecord(String topic, int partition, String key, String value) {
    }

    /** A producer: settings that matter for the picture, its accumulator and delivery counts. */
    public record ProducerView(String id, String acks, String partitioner, List<PendingRecord> accumulator,
                               int acked, int failed, String lastError) {
    }

    /** A consumer: its group, its partitions and where it will read next. */
    public record ConsumerView(String id, String group, List<TopicPartition> assignment,
                               Map<TopicPartition, Long> positions, boolean closed, long recordsConsumed,
                               List<String> topics) {
    }

    /**
     * A consumer group: generation (or group epoch), state, who owns what, committed offsets, and lag per
     * partition as {@link dev.kafkalab.engine.GroupDescription} computes it (the high watermark minus the
     * owner's position, or minus the committed offset when nobody reads the partition).
     */
    public record GroupView(String id, String protocol, int generation, String state,
                            Map<String, List<TopicPartition>> assignment, Map<TopicPartition, Long> committed,
                            Map<TopicPartition, Long> lag) {
        /** The member owning {@code tp}, or null. */
        public String owner(TopicPartition tp) {
            for (Map.Entry<String, List<TopicPartition>> e : assignment.entrySet()) {
                if (e.getValue().contains(tp)) {
                    return e.getKey();
                }
            }
            return null;
        }
    }
}
