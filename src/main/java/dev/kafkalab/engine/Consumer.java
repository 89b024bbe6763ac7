package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A consumer that assigns itself partitions (as {@code KafkaConsumer.assign}), seeks, and polls
 * from partition leaders up to the high watermark. It keeps its own position per partition;
 * reading never removes anything from the log.
 */
public final class Consumer {
    private final Simulation sim;
    private final String id;
    private final Config config;
    private final List<TopicPartition> assignment = new ArrayList<>();
    private final Map<TopicPartition, Long> positions = new TreeMap<>();
    private long recordsConsumed;
    private int nextPartition;

    // group membership (null group: the consumer assigns itself partitions)
    private String group;
    private List<String> subscription = List.of();
    private boolean closed;
    private int generation = -1;
    private int memberEpoch;
    private int life;
    private boolean inGroup;
    private long nextAutoCommitMs;

    Consumer(Simulation sim, String id, Config config) {
        this.sim = sim;
        this.id = id;
        this.config = config;
    }

    public String id() {
        return id;
    }

    public Config config() {
        return config;
    }

    public List<TopicPartition> assignment() {
        return Collections.unmodifiableList(assignment);
    }

    /** The group this consumer is a member of, or null. */
    public String group() {
        return group;
    }

    public List<String> subscription() {
        return subscription;
    }

    /** Killed or left: it does nothing any more. */
    public boolean isClosed() {
        return closed;
    }

    private boolean classic() {
        return config.getString("group.protocol").equals("classic");
    }

    /** The assignor names this consumer supports, in preference order (protocol names). */
    List<String> protocols() {
        return dev.kafkalab.engine.group.Assignors.protocols(config.getList("partition.assignment.strategy"));
    }

    /**
     * Kafka's refusal of settings that the chosen group protocol does not allow, or null
     * (e.g. {@code session.timeout.ms cannot be set when group.protocol=CONSUMER}).
     */
    public static String configProblem(Config config) {
        if (config.getString("group.protocol").equals("consumer")) {
            for (String k : List.of("partition.assignment.strategy", "session.timeout.ms", "heartbeat.interval.ms")) {
                if (config.explicitValues().containsKey(k)) {
                    return k + " cannot be set when group.protocol=CONSUMER";
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- group membership

    /** Joins {@code group} subscribed to {@code topics}; the coordinator assigns partitions. */
    public void subscribe(String groupId, List<String> topics) {
        requireOpen();
        if (group != null && !group.equals(groupId)) {
            throw new KafkaException("IllegalStateException", "Consumer " + id + " is already in group " + group);
        }
        group = groupId;
        subscription = List.copyOf(topics);
        sim.groupCoordinator().coordinatorFor(groupId);
        if (inGroup) {
            return;
        }
        inGroup = true;
        int l = ++life;
        nextAutoCommitMs = sim.now() + config.getInt("auto.commit.interval.ms");
        if (classic()) {
            sim.groupCoordinator().classicGroup(groupId);
            sendJoin();
            classicHeartbeatLoop(l);
        } else {
            sim.groupCoordinator().consumerGroup(groupId);
            memberEpoch = 0;
            consumerHeartbeat(l);
            consumerHeartbeatLoop(l);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new KafkaException("IllegalStateException", "This consumer has already been closed.");
        }
    }

    private boolean alive(int l) {
        return !closed && inGroup && life == l;
    }

    private void toCoordinator(String what, Runnable r) {
        int node;
        try {
            node = sim.groupCoordinator().coordinatorFor(group);
        } catch (KafkaException e) {
            return; // no coordinator now: the next heartbeat tries again
        }
        sim.network().send(Network.CLIENT, node, what, false, () -> {
            if (!closed) {
                r.run();
            }
        });
    }

    private void fromCoordinator(String what, Runnable r) {
        int node;
        try {
            node = sim.groupCoordinator().coordinatorFor(group);
        } catch (KafkaException e) {
            return;
        }
        sim.network().send(node, Network.CLIENT, what, false, () -> {
            if (!closed) {
                r.run();
            }
        });
    }

    // classic protocol

    private void sendJoin() {
        List<TopicPartition> owned = List.copyOf(assignment);
        int ownedGeneration = generation;
        toCoordinator("JoinGroup", () -> sim.groupCoordinator().classicGroup(group).join(this, subscription,
                protocols(), owned, ownedGeneration, config.getInt("session.timeout.ms"),
                config.getInt("max.poll.interval.ms")));
    }

    private void classicHeartbeatLoop(int l) {
        sim.scheduler().scheduleBackground(config.getInt("heartbeat.interval.ms"), id + " heartbeat", () -> {
            if (!alive(l)) {
                return;
            }
            toCoordinator("Heartbeat", () -> {
                String error = sim.groupCoordinator().classicGroup(group).heartbeat(id);
                fromCoordinator("Heartbeat response", () -> {
                    if (!alive(l)) {
                        return;
                    }
                    if ("REBALANCE_IN_PROGRESS".equals(error)) {
                        prepareToRejoin();
                        sendJoin();
                    } else if ("UNKNOWN_MEMBER_ID".equals(error)) {
                        generation = -1;
                        losePartitions();
                        sendJoin();
                    }
                });
            });
            classicHeartbeatLoop(l);
        });
    }

    /** Before rejoining: commit what was read; eager assignors give every partition up now. */
    private void prepareToRejoin() {
        autoCommit();
        if (!cooperativeChosen) {
            revoke(new ArrayList<>(assignment));
        }
    }

    private boolean cooperativeChosen;

    /** The SyncGroup answer: this member's share for the new generation. */
    void onClassicAssignment(String groupId, int gen, String protocol, List<TopicPartition> parts) {
        if (!groupId.equals(group) || !inGroup) {
            return;
        }
        generation = gen;
        cooperativeChosen = "cooperative-sticky".equals(protocol);
        List<TopicPartition> revoked = new ArrayList<>();
        for (TopicPartition tp : assignment) {
            if (!parts.contains(tp)) {
                revoked.add(tp);
            }
        }
        if (!revoked.isEmpty()) {
            autoCommit();
            revoke(revoked);
        }
        setAssignment(parts);
        if (cooperativeChosen && !revoked.isEmpty()) {
            // cooperative: partitions given up are handed out in a follow-up rebalance
            sendJoin();
        }
    }

    private void revoke(List<TopicPartition> parts) {
        if (parts.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (TopicPartition tp : parts) {
            names.add(tp.toString());
            positions.remove(tp);
        }
        assignment.removeAll(parts);
        sim.emit(new SimEvent.PartitionsRevoked(sim.now(), group, id, names));
    }

    /** Partitions lost without a chance to commit (the group dropped this member). */
    private void losePartitions() {
        positions.clear();
        assignment.clear();
    }

    private void setAssignment(List<TopicPartition> parts) {
        for (TopicPartition tp : new ArrayList<>(positions.keySet())) {
            if (!parts.contains(tp)) {
                positions.remove(tp);
            }
        }
        assignment.clear();
        assignment.addAll(parts);
        Collections.sort(assignment);
        List<String> names = new ArrayList<>();
        for (TopicPartition tp : assignment) {
            names.add(tp.toString());
        }
        sim.emit(new SimEvent.PartitionsAssigned(sim.now(), id, names));
    }

    // KIP-848 protocol

    private void consumerHeartbeatLoop(int l) {
        int interval = sim.cluster().brokerConfig().getInt("group.consumer.heartbeat.interval.ms");
        sim.scheduler().scheduleBackground(interval, id + " heartbeat", () -> {
            if (alive(l)) {
                consumerHeartbeat(l);
                consumerHeartbeatLoop(l);
            }
        });
    }

    private void consumerHeartbeat(int l) {
        List<TopicPartition> owned = List.copyOf(assignment);
        int epoch = memberEpoch;
        String remote = config.getString("group.remote.assignor");
        toCoordinator("ConsumerGroupHeartbeat", () -> {
            ConsumerGroup g = sim.groupCoordinator().consumerGroup(group);
            List<TopicPartition> next = g.heartbeat(this, epoch, subscription, owned, remote);
            ConsumerGroup.Member me = g.members().get(id);
            int newEpoch = me == null ? 0 : me.memberEpoch();
            fromCoordinator("ConsumerGroupHeartbeat response", () -> {
                if (!alive(l)) {
                    return;
                }
                if (next == null) {
                    memberEpoch = 0;
                    losePartitions();
                    consumerHeartbeat(l);
                    return;
                }
                memberEpoch = Math.max(newEpoch, 1);
                List<TopicPartition> revoked = new ArrayList<>();
                for (TopicPartition tp : assignment) {
                    if (!next.contains(tp)) {
                        revoked.add(tp);
                    }
                }
                if (!revoked.isEmpty()) {
                    autoCommit();
                    revoke(revoked);
                    toCoordinator("ConsumerGroupHeartbeat", () ->
                            sim.groupCoordinator().consumerGroup(group).confirm(id, List.copyOf(assignment)));
                    // tell the coordinator at once, so the partitions can move on
                    consumerHeartbeat(l);
                } else if (!new java.util.HashSet<>(assignment).equals(new java.util.HashSet<>(next))) {
                    setAssignment(next);
                    toCoordinator("ConsumerGroupHeartbeat", () ->
                            sim.groupCoordinator().consumerGroup(group).confirm(id, List.copyOf(assignment)));
                }
            });
        });
    }

    // leaving

    /**
     * Leaves the group cleanly, as {@code close()} does: commits what was read, sends LeaveGroup at
     * once, and closes. A later {@code join} with the same id starts a new consumer.
     */
    public void leave() {
        requireOpen();
        if (group == null || !inGroup) {
            throw new KafkaException("IllegalStateException", "Consumer " + id + " is not in a group.");
        }
        autoCommit();
        revoke(new ArrayList<>(assignment));
        inGroup = false;
        life++;
        String g = group;
        if (classic()) {
            toCoordinator("LeaveGroup", () -> sim.groupCoordinator().classicGroup(g).leave(id));
        } else {
            toCoordinator("ConsumerGroupHeartbeat leave", () ->
                    sim.groupCoordinator().consumerGroup(g).heartbeat(this, -1, subscription, List.of(), ""));
        }
        generation = -1;
        memberEpoch = 0;
    }

    void closeQuietly() {
        closed = true;
        life++;
    }

    /** The process dies: no commit, no goodbye. The group notices when the session times out. */
    public void kill() {
        requireOpen();
        closed = true;
        life++;
    }

    // ---------------------------------------------------------------- offsets

    /**
     * Commits offsets (the next record to read) for the group: the given ones, or every position.
     *
     * @throws KafkaException InvalidGroupIdException without a group
     */
    public void commit(Map<TopicPartition, Long> offsets) {
        requireOpen();
        if (group == null) {
            throw new KafkaException("InvalidGroupIdException", "To use the group management or offset commit "
                    + "APIs, you must provide a valid group.id in the consumer configuration.");
        }
        Map<TopicPartition, Long> toCommit = offsets != null ? new TreeMap<>(offsets) : new TreeMap<>(positions);
        sim.groupCoordinator().commit(group, id, toCommit, false);
    }

    private void autoCommit() {
        if (group != null && config.getBoolean("enable.auto.commit") && !positions.isEmpty()) {
            sim.groupCoordinator().commit(group, id, new TreeMap<>(positions), true);
            nextAutoCommitMs = sim.now() + config.getInt("auto.commit.interval.ms");
        }
    }

    /** Next offset to read per assigned partition that has one. */
    public Map<TopicPartition, Long> positions() {
        return Collections.unmodifiableMap(positions);
    }

    public long recordsConsumed() {
        return recordsConsumed;
    }

    /** Replaces the assignment; positions of partitions kept stay where they were. */
    public void assign(List<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            partition(tp);
        }
        assignment.clear();
        assignment.addAll(partitions);
        positions.keySet().retainAll(partitions);
        List<String> names = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            names.add(tp.toString());
        }
        sim.emit(new SimEvent.PartitionsAssigned(sim.now(), id, names));
    }

    /** Assigns every partition of the given topics, in topic order. */
    public void assignTopics(List<String> topics) {
        List<TopicPartition> all = new ArrayList<>();
        for (String t : topics) {
            Topic topic = sim.cluster().topic(t);
            if (topic == null) {
                throw new KafkaException("UnknownTopicOrPartitionException",
                        "This server does not host this topic-partition.");
            }
            for (Partition p : topic.partitions()) {
                all.add(p.topicPartition());
            }
        }
        assign(all);
    }

    public void seek(TopicPartition tp, long offset) {
        requireOpen();
        if (!assignment.contains(tp)) {
            throw new KafkaException("IllegalStateException", "No current assignment for partition " + tp);
        }
        if (offset < 0) {
            throw new KafkaException("IllegalArgumentException", "seek offset must not be a negative number");
        }
        positions.put(tp, offset);
        sim.emit(new SimEvent.ConsumerSeeked(sim.now(), id, tp.topic(), tp.partition(), offset));
    }

    private Partition partition(TopicPartition tp) {
        Topic topic = sim.cluster().topic(tp.topic());
        if (topic == null || tp.partition() < 0 || tp.partition() >= topic.partitionCount()) {
            throw new KafkaException("UnknownTopicOrPartitionException",
                    "This server does not host this topic-partition.");
        }
        return topic.partition(tp.partition());
    }

    /**
     * Reads up to {@code max} records (null = {@code max.poll.records}) from the assigned partitions,
     * each from its position up to the high watermark, starting where the last poll stopped.
     *
     * @throws KafkaException NoOffsetForPartitionException or OffsetOutOfRangeException when a
     *                        position is missing or out of range and {@code auto.offset.reset} is none
     */
    public List<ConsumerRecord> poll(Integer max) {
        requireOpen();
        int limit = max != null ? max : config.getInt("max.poll.records");
        if (group != null && config.getBoolean("enable.auto.commit") && sim.now() >= nextAutoCommitMs) {
            autoCommit();
        }
        resetPositions();
        List<ConsumerRecord> out = new ArrayList<>(Math.max(0, Math.min(limit, available(limit))));
        int n = assignment.size();
        for (int k = 0; k < n && out.size() < limit; k++) {
            TopicPartition tp = assignment.get((nextPartition + k) % n);
            Partition p = partition(tp);
            if (!p.hasLeader() || !sim.cluster().broker(p.leader()).isServing()) {
                continue;
            }
            long from = positions.get(tp);
            long next = p.log(p.leader()).fetchInto(from, p.highWatermark(), limit - out.size(), tp, out);
            if (next < 0) {
                continue;
            }
            positions.put(tp, next);
            if (sim.observed()) {
                sim.emit(new SimEvent.RecordsPolled(sim.now(), id, tp.topic(), tp.partition(), from, next));
            }
            if (out.size() >= limit) {
                nextPartition = (nextPartition + k + 1) % n;
            }
        }
        recordsConsumed += out.size();
        return out;
    }

    /** How many records a poll could return at most (up to {@code cap}), to size its list once. */
    private int available(int cap) {
        long total = 0;
        for (TopicPartition tp : assignment) {
            Long pos = positions.get(tp);
            if (pos != null) {
                total += Math.max(0, partition(tp).highWatermark() - pos);
                if (total >= cap) {
                    return cap;
                }
            }
        }
        return (int) total;
    }

    private void resetPositions() {
        String policy = config.getString("auto.offset.reset");
        Map<TopicPartition, Long> outOfRange = new LinkedHashMap<>();
        List<TopicPartition> undefined = new ArrayList<>();
        for (TopicPartition tp : assignment) {
            Partition p = partition(tp);
            PartitionLog log = p.leaderLog();
            Long pos = positions.get(tp);
            if (pos == null && group != null) {
                pos = sim.groupCoordinator().committed(group).get(tp);
                if (pos != null) {
                    positions.put(tp, pos);
                }
            }
            if (pos == null) {
                undefined.add(tp);
            } else if (pos < log.logStartOffset() || pos > log.logEndOffset()) {
                outOfRange.put(tp, pos);
            }
        }
        if (policy.equals("none")) {
            if (!undefined.isEmpty()) {
                throw new KafkaException("NoOffsetForPartitionException",
                        "Undefined offset with no reset policy for partitions: " + undefined);
            }
            if (!outOfRange.isEmpty()) {
                throw new KafkaException("OffsetOutOfRangeException",
                        "Offsets out of range with no configured reset policy for partitions: " + outOfRange);
            }
            return;
        }
        List<TopicPartition> reset = new ArrayList<>(undefined);
        reset.addAll(outOfRange.keySet());
        for (TopicPartition tp : reset) {
            Partition p = partition(tp);
            long offset = policy.equals("earliest") ? p.leaderLog().logStartOffset() : p.highWatermark();
            positions.put(tp, offset);
            sim.emit(new SimEvent.OffsetReset(sim.now(), id, tp.topic(), tp.partition(), policy, offset));
        }
    }
}
