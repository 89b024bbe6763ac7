package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition: its replica assignment, leader, leader epoch, ISR and ELR, a log per replica,
 * and the high watermark. Mirrors the state Kafka keeps in {@code PartitionRegistration}
 * plus each replica's {@code UnifiedLog}.
 */
public final class Partition {
    private final Topic topic;
    private final int index;
    private final List<Integer> replicas;
    private final Map<Integer, PartitionLog> logs = new LinkedHashMap<>();
    private int leader;
    private int leaderEpoch;
    private List<Integer> isr;
    private List<Integer> elr = List.of();
    private long highWatermark;

    Partition(Topic topic, int index, List<Integer> replicas, long nowMs) {
        this.topic = topic;
        this.index = index;
        this.replicas = List.copyOf(replicas);
        for (int b : replicas) {
            logs.put(b, new PartitionLog(nowMs));
        }
        this.isr = List.copyOf(replicas);
        this.leader = replicas.get(0);
    }

    public Topic topic() {
        return topic;
    }

    public int index() {
        return index;
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic.name(), index);
    }

    /** Replica broker ids in assignment order; the first is the preferred leader. */
    public List<Integer> replicas() {
        return replicas;
    }

    /** The leader's broker id, or -1 when the partition has none. */
    public int leader() {
        return leader;
    }

    public boolean hasLeader() {
        return leader >= 0;
    }

    public int leaderEpoch() {
        return leaderEpoch;
    }

    public List<Integer> isr() {
        return isr;
    }

    public List<Integer> elr() {
        return elr;
    }

    public long highWatermark() {
        return highWatermark;
    }

    /** The log of the replica on {@code broker}. */
    public PartitionLog log(int broker) {
        PartitionLog log = logs.get(broker);
        if (log == null) {
            throw new IllegalArgumentException("broker " + broker + " holds no replica of " + topicPartition());
        }
        return log;
    }

    /** The leader's log, or the most up-to-date replica's when there is no leader. */
    public PartitionLog leaderLog() {
        if (leader >= 0) {
            return logs.get(leader);
        }
        PartitionLog best = null;
        for (PartitionLog l : logs.values()) {
            if (best == null || l.logEndOffset() > best.logEndOffset()) {
                best = l;
            }
        }
        return best;
    }

    /** Log end offset per replica, in assignment order. */
    public Map<Integer, Long> logEndOffsets() {
        Map<Integer, Long> m = new LinkedHashMap<>();
        for (Map.Entry<Integer, PartitionLog> e : logs.entrySet()) {
            m.put(e.getKey(), e.getValue().logEndOffset());
        }
        return Collections.unmodifiableMap(m);
    }

    void setLeader(int leader, int leaderEpoch, List<Integer> isr) {
        this.leader = leader;
        this.leaderEpoch = leaderEpoch;
        this.isr = List.copyOf(isr);
    }

    /**
     * Kafka's rule: HW = min LEO over the leader and the ISR, never moving back, and frozen while
     * the ISR is smaller than min.insync.replicas. Returns true when it advanced.
     */
    boolean maybeAdvanceHighWatermark(int minInsyncReplicas) {
        if (leader < 0 || isr.size() < minInsyncReplicas) {
            return false;
        }
        long min = logs.get(leader).logEndOffset();
        for (int b : isr) {
            min = Math.min(min, logs.get(b).logEndOffset());
        }
        if (min > highWatermark) {
            highWatermark = min;
            return true;
        }
        return false;
    }

    List<Integer> followers() {
        List<Integer> f = new ArrayList<>(replicas);
        f.remove(Integer.valueOf(leader));
        return f;
    }
}
