package dev.kafkalab.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One replica of a partition on one broker, with what that broker believes: its role, the leader
 * epoch, its own high watermark and, when leading, what it knows of each follower. Mirrors the
 * broker-side state of Kafka's {@code Partition} and {@code Replica}.
 */
public final class Replica {
    /** What the broker believes this replica is. */
    public enum Role { LEADER, FOLLOWER, OFFLINE }

    /** What a leader knows of one follower (Kafka's {@code ReplicaState}). */
    static final class FollowerState {
        long logEndOffset;
        long lastCaughtUpTimeMs;
        long lastFetchLeaderLogEndOffset;
        long lastFetchTimeMs;

        FollowerState(long nowMs) {
            this.lastCaughtUpTimeMs = nowMs;
            this.lastFetchTimeMs = nowMs;
        }
    }

    /** A produce request waiting until the high watermark passes its last offset (acks=all). */
    record DelayedProduce(long requiredOffset, java.util.function.Consumer<KafkaException> complete) {
    }

    /** A follower's fetch parked at the leader until data arrives or the wait ends. */
    record PendingFetch(int follower, Runnable retry) {
    }

    /** Sequence numbers an idempotent producer used for one batch, and where it was written. */
    record BatchSequence(int firstSequence, int lastSequence, long baseOffset) {
    }

    private final Partition partition;
    private final int broker;
    private final PartitionLog log;
    Role role = Role.FOLLOWER;
    int leaderEpoch;
    int leaderId = -1;
    List<Integer> isr = List.of();
    long highWatermark;
    final Map<Integer, FollowerState> followers = new TreeMap<>();
    final List<DelayedProduce> delayedProduces = new ArrayList<>();
    final List<PendingFetch> pendingFetches = new ArrayList<>();
    final Map<Long, Deque<BatchSequence>> producerSequences = new HashMap<>();
    /** Bumped whenever the fetch loop must stop (new role, new leader, broker down). */
    int fetchSession;
    int fetchRound;
    int answeredRound;
    boolean alterPartitionInFlight;

    Replica(Partition partition, int broker, long nowMs) {
        this.partition = partition;
        this.broker = broker;
        this.log = new PartitionLog(nowMs);
    }

    public int broker() {
        return broker;
    }

    public PartitionLog log() {
        return log;
    }

    public Role role() {
        return role;
    }

    /** The leader epoch this broker knows. */
    public int leaderEpoch() {
        return leaderEpoch;
    }

    /** This replica's high watermark: the leader's own, or what a follower learned from its last fetch. */
    public long highWatermark() {
        return highWatermark;
    }

    Partition partition() {
        return partition;
    }

    TopicPartition topicPartition() {
        return partition.topicPartition();
    }

    /** Remembers an idempotent producer's batch (Kafka keeps the last 5 per producer). */
    void rememberSequence(long producerId, int firstSeq, int lastSeq, long baseOffset) {
        if (producerId < 0) {
            return;
        }
        Deque<BatchSequence> d = producerSequences.computeIfAbsent(producerId, k -> new ArrayDeque<>());
        d.addLast(new BatchSequence(firstSeq, lastSeq, baseOffset));
        while (d.size() > 5) {
            d.removeFirst();
        }
    }

    /** The batch already written with exactly these sequences, or null. */
    BatchSequence duplicateOf(long producerId, int firstSeq, int lastSeq) {
        Deque<BatchSequence> d = producerSequences.get(producerId);
        if (d == null) {
            return null;
        }
        for (BatchSequence b : d) {
            if (b.firstSequence() == firstSeq && b.lastSequence() == lastSeq) {
                return b;
            }
        }
        return null;
    }

    /** Rebuilds producer sequence state from the log (after truncation). */
    void rebuildProducerState() {
        producerSequences.clear();
        rememberBatches(log.slice(log.logStartOffset(), Long.MAX_VALUE, Integer.MAX_VALUE));
    }

    /** Remembers the idempotent batches that start in {@code records} (one pass; batches end at the next start). */
    void rememberBatches(PartitionLog.Slice records) {
        long start = -1;
        long pid = -1;
        int first = -1;
        int last = -1;
        for (int k = 0; k < records.size(); k++) {
            if (records.batchStart(k)) {
                if (pid >= 0) {
                    rememberSequence(pid, first, last, start);
                }
                start = records.offset(k);
                pid = records.producerId(k);
                first = records.sequence(k);
            }
            last = records.sequence(k);
        }
        if (pid >= 0) {
            rememberSequence(pid, first, last, start);
        }
    }
}
