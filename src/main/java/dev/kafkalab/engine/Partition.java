package dev.kafkalab.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition. The controller's view (replica assignment, leader, leader epoch, ISR, ELR, as in
 * Kafka's {@code PartitionRegistration}) and one {@link Replica} per assigned broker, each with its
 * own log and its own beliefs.
 */
public final class Partition {
    private final Topic topic;
    private final int index;
    private final TopicPartition topicPartition;
    private final List<Integer> replicas;
    private final Map<Integer, Replica> replicaStates = new LinkedHashMap<>();
    private int leader;
    private int leaderEpoch;
    private int partitionEpoch;
    private List<Integer> isr;
    private List<Integer> elr = List.of();

    Partition(Topic topic, int index, List<Integer> replicas, long nowMs) {
        this.topic = topic;
        this.index = index;
        this.topicPartition = new TopicPartition(topic.name(), index);
        this.replicas = List.copyOf(replicas);
        for (int b : replicas) {
            replicaStates.put(b, new Replica(this, b, nowMs));
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
        return topicPartition;
    }

    /** Replica broker ids in assignment order; the first is the preferred leader. */
    public List<Integer> replicas() {
        return replicas;
    }

    /** The leader's broker id as the controller knows it, or -1 when the partition has none. */
    public int leader() {
        return leader;
    }

    public boolean hasLeader() {
        return leader >= 0;
    }

    public int leaderEpoch() {
        return leaderEpoch;
    }

    public int partitionEpoch() {
        return partitionEpoch;
    }

    public List<Integer> isr() {
        return isr;
    }

    /** Eligible leader replicas (KIP-966): out of the ISR, but known to hold every committed record. */
    public List<Integer> elr() {
        return elr;
    }

    public Replica replica(int broker) {
        Replica r = replicaStates.get(broker);
        if (r == null) {
            throw new IllegalArgumentException("broker " + broker + " holds no replica of " + topicPartition());
        }
        return r;
    }

    public Map<Integer, Replica> replicaStates() {
        return Collections.unmodifiableMap(replicaStates);
    }

    /** The high watermark consumers see: the leader replica's own. 0 while there is no leader. */
    public long highWatermark() {
        return leader >= 0 ? replicaStates.get(leader).highWatermark() : 0;
    }

    /** The log of the replica on {@code broker}. */
    public PartitionLog log(int broker) {
        return replica(broker).log();
    }

    /** The leader's log, or the most up-to-date replica's when there is no leader. */
    public PartitionLog leaderLog() {
        if (leader >= 0) {
            return replicaStates.get(leader).log();
        }
        PartitionLog best = null;
        for (Replica r : replicaStates.values()) {
            if (best == null || r.log().logEndOffset() > best.logEndOffset()) {
                best = r.log();
            }
        }
        return best;
    }

    /** Log end offset per replica, in assignment order. */
    public Map<Integer, Long> logEndOffsets() {
        Map<Integer, Long> m = new LinkedHashMap<>();
        for (Map.Entry<Integer, Replica> e : replicaStates.entrySet()) {
            m.put(e.getKey(), e.getValue().log().logEndOffset());
        }
        return Collections.unmodifiableMap(m);
    }

    void initialize(int newLeader, List<Integer> newIsr) {
        leader = newLeader;
        isr = List.copyOf(newIsr);
        topic.leadershipChanged();
    }

    /** The controller records a change; the leader epoch rises whenever the leader changes. */
    void applyChange(int newLeader, List<Integer> newIsr, List<Integer> newElr) {
        if (newLeader != leader) {
            leaderEpoch++;
        }
        leader = newLeader;
        isr = List.copyOf(newIsr);
        elr = List.copyOf(newElr);
        partitionEpoch++;
        topic.leadershipChanged();
    }
}
