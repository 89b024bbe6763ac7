package dev.kafkalab.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything that happens in the simulated cluster, named in the past tense. The app animates
 * these, the CLI prints them and tests assert on them. Each carries the virtual time it happened.
 */
public sealed interface SimEvent {
    long time();

    /** The event's type name as written to traces. */
    default String type() {
        return getClass().getSimpleName();
    }

    record BrokerStarted(long time, int broker) implements SimEvent {
    }

    record ControllerElected(long time, int controller) implements SimEvent {
    }

    record TopicCreated(long time, String topic, int partitions, int replicationFactor,
                        List<List<Integer>> assignment, Map<String, Object> config, boolean autoCreated)
            implements SimEvent {
    }

    record PartitionsAdded(long time, String topic, int oldCount, int newCount, List<List<Integer>> newAssignment)
            implements SimEvent {
    }

    record TopicConfigAltered(long time, String topic, Map<String, Object> config) implements SimEvent {
    }

    record BrokerConfigAltered(long time, Map<String, Object> config) implements SimEvent {
    }

    /** The controller chose a leader (-1 = none). {@code unclean}: an out-of-sync replica; data may be lost. */
    record LeaderElected(long time, String topic, int partition, int leader, int previousLeader, int leaderEpoch,
                         List<Integer> isr, List<Integer> elr, boolean unclean, String reason) implements SimEvent {
    }

    /** The controller committed a new ISR (and ELR) for a partition. */
    record IsrChanged(long time, String topic, int partition, List<Integer> isr, List<Integer> elr, String reason)
            implements SimEvent {
    }

    record BrokerCrashed(long time, int broker) implements SimEvent {
    }

    record BrokerShutDown(long time, int broker) implements SimEvent {
    }

    record BrokerRestarted(long time, int broker) implements SimEvent {
    }

    record BrokerIsolated(long time, int broker) implements SimEvent {
    }

    record BrokerHealed(long time, int broker) implements SimEvent {
    }

    record BrokerSlowed(long time, int broker, long fetchDelayMs) implements SimEvent {
    }

    /** The controller stopped trusting a broker (session expired or controlled shutdown). */
    record BrokerFenced(long time, int broker, String reason) implements SimEvent {
    }

    record BrokerUnfenced(long time, int broker) implements SimEvent {
    }

    /** A follower copied records [fromOffset, toOffset) from its leader. */
    record RecordsReplicated(long time, String topic, int partition, int broker, long fromOffset, long toOffset)
            implements SimEvent {
    }

    /** A follower learned the leader's high watermark from a fetch response. */
    record FollowerHighWatermarkUpdated(long time, String topic, int partition, int broker, long highWatermark)
            implements SimEvent {
    }

    /** A replica removed records the leader does not have: they are gone from this replica. */
    record LogTruncated(long time, String topic, int partition, int broker, long toOffset, List<String> removed)
            implements SimEvent {
    }

    /** A producer will send a batch again after a retriable error. */
    record BatchRetried(long time, String producer, String topic, int partition, int attempt, String error)
            implements SimEvent {
    }

    /** The leader recognised an idempotent producer's retried batch and did not write it again. */
    record DuplicateBatchDiscarded(long time, String topic, int partition, int broker, long producerId,
                                   int firstSequence, long baseOffset) implements SimEvent {
    }

    /** A request Kafka refused; nothing changed. */
    record RequestRefused(long time, String request, String error, String message) implements SimEvent {
    }

    record ProducerStarted(long time, String producer, Map<String, Object> config) implements SimEvent {
    }

    record ConsumerStarted(long time, String consumer, Map<String, Object> config) implements SimEvent {
    }

    /**
     * A producer chose a partition for a record and put it in its accumulator. {@code choice} says how
     * (explicit, key-hash, sticky, round-robin or legacy-round-robin); {@code hashing} holds the key
     * hashing steps for keyed records.
     */
    record RecordSent(long time, String producer, String topic, int partition, String key, String value,
                      long timestamp, String choice, Hashing hashing, int sizeInBytes) implements SimEvent {
    }

    /** The numbers of the key-hashing pipeline: key bytes -> murmur2 -> toPositive -> mod N. */
    record Hashing(String keyBytesHex, int murmur2, int positive, int numPartitions) {
    }

    /** The uniform sticky partitioner moved on to another partition for keyless records. */
    record StickyPartitionChanged(long time, String producer, String topic, int from, int to,
                                  long producedBytes, String reason) implements SimEvent {
    }

    record BatchSent(long time, String producer, String topic, int partition, int broker, int records,
                     int sizeInBytes) implements SimEvent {
    }

    record BatchAppended(long time, String topic, int partition, int broker, long baseOffset, long lastOffset,
                         int sizeInBytes, int leaderEpoch) implements SimEvent {
    }

    record SegmentRolled(long time, String topic, int partition, int broker, long baseOffset, String fileName)
            implements SimEvent {
    }

    /**
     * A broker deleted whole segments of one replica's log, oldest first (retention by time or size, or
     * segments below the log start offset). {@code reason} tells which limit and its numbers.
     */
    record SegmentsDeleted(long time, String topic, int partition, int broker, List<String> files,
                           long newLogStartOffset, String reason) implements SimEvent {
    }

    /**
     * The log cleaner compacted one replica's log: it removed these offsets (older values of a key, and
     * tombstones past delete.retention.ms); offsets are not renumbered, gaps stay.
     */
    record LogCompacted(long time, String topic, int partition, int broker, List<Long> removedOffsets,
                        int tombstonesRemoved) implements SimEvent {
    }

    record HighWatermarkAdvanced(long time, String topic, int partition, int broker, long highWatermark)
            implements SimEvent {
    }

    /** Records of one batch were acknowledged: offsets baseOffset..baseOffset+records-1, or -1 with acks=0. */
    record BatchAcknowledged(long time, String producer, String topic, int partition, long baseOffset, int records)
            implements SimEvent {
    }

    record RecordFailed(long time, String producer, String topic, int partition, String key, String error,
                        String message) implements SimEvent {
    }

    record PartitionsAssigned(long time, String consumer, List<String> partitions) implements SimEvent {
    }

    record OffsetReset(long time, String consumer, String topic, int partition, String policy, long offset)
            implements SimEvent {
    }

    record ConsumerSeeked(long time, String consumer, String topic, int partition, long offset) implements SimEvent {
    }

    /** A consumer read records [fromOffset, toOffset) of a partition; the log keeps them. */
    record RecordsPolled(long time, String consumer, String topic, int partition, long fromOffset, long toOffset)
            implements SimEvent {
    }

    record TimeAdvanced(long time, long ms) implements SimEvent {
    }

    /** A consumer asked to join a group (classic JoinGroup, or a first KIP-848 heartbeat). */
    record MemberJoined(long time, String group, String member, List<String> topics, List<String> protocols)
            implements SimEvent {
    }

    /** A member left its group: cleanly, or because its session expired. */
    record MemberLeft(long time, String group, String member, String reason) implements SimEvent {
    }

    /** The group started a rebalance (classic), or bumped its epoch (KIP-848). */
    record RebalanceStarted(long time, String group, int generation, String reason) implements SimEvent {
    }

    /** The coordinator handed out a new assignment: member -> partitions. */
    record GroupAssignmentCompleted(long time, String group, int generation, String assignor,
                                    Map<String, List<String>> assignment) implements SimEvent {
    }

    record GroupStateChanged(long time, String group, String state) implements SimEvent {
    }

    /** A member gave partitions up (eager: all of them; cooperative and KIP-848: only those that move). */
    record PartitionsRevoked(long time, String group, String member, List<String> partitions) implements SimEvent {
    }

    /** Committed offsets (the next record to read) were written to __consumer_offsets. */
    record OffsetsCommitted(long time, String group, String member, Map<String, Long> offsets, int offsetsPartition,
                            boolean auto) implements SimEvent {
    }
}
