package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A consumer group on the classic rebalance protocol, as the coordinator sees it (mirrors Kafka's
 * {@code ClassicGroup}): members join, the group picks a protocol every member supports, the
 * assignor splits the partitions, and every member syncs its share. A new member, a clean leave or
 * an expired session starts a rebalance; other members learn of it at their next heartbeat.
 */
public final class ClassicGroup {
    /** The states a learner sees in Kafka's tools. */
    public enum State {
        EMPTY("Empty"), PREPARING_REBALANCE("PreparingRebalance"), COMPLETING_REBALANCE("CompletingRebalance"),
        STABLE("Stable");

        private final String kafkaName;

        State(String kafkaName) {
            this.kafkaName = kafkaName;
        }

        public String kafkaName() {
            return kafkaName;
        }
    }

    /** One member as the coordinator knows it. */
    public static final class Member {
        final String id;
        final Consumer client;
        List<String> topics;
        List<String> protocols;
        List<TopicPartition> owned = List.of();
        int ownedGeneration = -1;
        boolean joined;
        long lastHeartbeatMs;
        int sessionTimeoutMs;
        List<TopicPartition> assignment = List.of();

        Member(String id, Consumer client) {
            this.id = id;
            this.client = client;
        }

        public String id() {
            return id;
        }

        public List<TopicPartition> assignment() {
            return assignment;
        }
    }

    private final Simulation sim;
    private final GroupCoordinator coordinator;
    private final String id;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private State state = State.EMPTY;
    private int generation;
    private String protocol;
    private String leaderId;
    private int round;
    private long joinDeadlineMs;

    ClassicGroup(Simulation sim, GroupCoordinator coordinator, String id) {
        this.sim = sim;
        this.coordinator = coordinator;
        this.id = id;
    }

    public String id() {
        return id;
    }

    public State state() {
        return state;
    }

    public int generation() {
        return generation;
    }

    /** The chosen assignor's protocol name (range, roundrobin, sticky, cooperative-sticky), or null. */
    public String protocol() {
        return protocol;
    }

    public String leaderId() {
        return leaderId;
    }

    /** Members by id, in the order Kafka sorts member ids. */
    public Map<String, Member> members() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(members));
    }

    private void setState(State s) {
        if (s != state) {
            state = s;
            sim.emit(new SimEvent.GroupStateChanged(sim.now(), id, s.kafkaName()));
        }
    }

    /** A JoinGroup request arrives. */
    void join(Consumer client, List<String> topics, List<String> protocols, List<TopicPartition> owned,
              int ownedGeneration, int sessionTimeoutMs, int rebalanceTimeoutMs) {
        String memberId = client.id();
        Member m = members.get(memberId);
        boolean isNew = m == null;
        if (isNew) {
            m = new Member(memberId, client);
            members.put(memberId, m);
            if (leaderId == null) {
                leaderId = memberId;
            }
            sim.emit(new SimEvent.MemberJoined(sim.now(), id, memberId, topics, protocols));
        }
        m.topics = List.copyOf(topics);
        m.protocols = List.copyOf(protocols);
        m.owned = List.copyOf(owned);
        m.ownedGeneration = ownedGeneration;
        m.sessionTimeoutMs = sessionTimeoutMs;
        m.joined = true;
        heartbeatFrom(m);
        if (state == State.EMPTY) {
            // the group's first rebalance waits group.initial.rebalance.delay.ms for more members (KIP-134)
            setState(State.PREPARING_REBALANCE);
            int delay = sim.cluster().brokerConfig().getInt("group.initial.rebalance.delay.ms");
            joinDeadlineMs = sim.now() + delay;
            int r = ++round;
            sim.emit(new SimEvent.RebalanceStarted(sim.now(), id, generation + 1, "first member joined; waiting "
                    + delay + " ms (group.initial.rebalance.delay.ms) for others"));
            scheduleInitialCompletion(r, delay, rebalanceTimeoutMs);
        } else if (state == State.PREPARING_REBALANCE) {
            if (isNew && sim.now() < joinDeadlineMs) {
                int delay = sim.cluster().brokerConfig().getInt("group.initial.rebalance.delay.ms");
                joinDeadlineMs = Math.min(sim.now() + delay, joinDeadlineMs + rebalanceTimeoutMs);
            }
            maybeCompleteJoin();
        } else {
            prepareRebalance(isNew ? "member " + memberId + " joined" : "member " + memberId + " rejoined",
                    rebalanceTimeoutMs);
            maybeCompleteJoin();
        }
    }

    private void scheduleInitialCompletion(int r, long delay, int rebalanceTimeoutMs) {
        sim.scheduler().schedule(delay, "initial rebalance delay " + id, () -> {
            if (round != r || state != State.PREPARING_REBALANCE) {
                return;
            }
            if (sim.now() < joinDeadlineMs) {
                scheduleInitialCompletion(r, joinDeadlineMs - sim.now(), rebalanceTimeoutMs);
                return;
            }
            joinDeadlineMs = 0;
            maybeCompleteJoin();
        });
    }

    /** Starts a rebalance: every member must join again (they learn it from their heartbeats). */
    void prepareRebalance(String reason, int rebalanceTimeoutMs) {
        if (state == State.PREPARING_REBALANCE) {
            return;
        }
        for (Member m : members.values()) {
            m.joined = false;
        }
        setState(State.PREPARING_REBALANCE);
        int r = ++round;
        joinDeadlineMs = 0;
        sim.emit(new SimEvent.RebalanceStarted(sim.now(), id, generation + 1, reason));
        // members that never rejoin within the rebalance timeout (max.poll.interval.ms) are dropped
        sim.scheduler().scheduleBackground(rebalanceTimeoutMs, "rebalance timeout " + id, () -> {
            if (round == r && state == State.PREPARING_REBALANCE) {
                members.values().removeIf(m -> {
                    if (!m.joined) {
                        sim.emit(new SimEvent.MemberLeft(sim.now(), id, m.id,
                                "did not rejoin within max.poll.interval.ms"));
                    }
                    return !m.joined;
                });
                completeJoin();
            }
        });
    }

    private void maybeCompleteJoin() {
        if (state != State.PREPARING_REBALANCE || joinDeadlineMs > sim.now()) {
            return;
        }
        for (Member m : members.values()) {
            if (!m.joined) {
                return;
            }
        }
        completeJoin();
    }

    private void completeJoin() {
        if (members.isEmpty()) {
            generation++;
            protocol = null;
            leaderId = null;
            setState(State.EMPTY);
            return;
        }
        generation++;
        if (leaderId == null || !members.containsKey(leaderId)) {
            leaderId = members.keySet().iterator().next();
        }
        protocol = GroupAssignors.selectProtocol(members.values());
        setState(State.COMPLETING_REBALANCE);
        Map<String, List<TopicPartition>> assignment = GroupAssignors.assignClassic(protocol,
                coordinator.partitionsPerTopic(topicsOfMembers()), members.values());
        Map<String, List<String>> shown = new TreeMap<>();
        for (Map.Entry<String, List<TopicPartition>> e : assignment.entrySet()) {
            List<String> names = new ArrayList<>();
            e.getValue().forEach(tp -> names.add(tp.toString()));
            shown.put(e.getKey(), names);
        }
        sim.emit(new SimEvent.GroupAssignmentCompleted(sim.now(), id, generation, protocol, shown));
        int gen = generation;
        int r = round;
        for (Member m : members.values()) {
            m.assignment = List.copyOf(assignment.getOrDefault(m.id, List.of()));
            List<TopicPartition> mine = m.assignment;
            // JoinGroup response, then SyncGroup request and response
            sim.network().send(sim.groupCoordinatorNode(id), Network.CLIENT, "sync " + m.id, false,
                    () -> m.client.onClassicAssignment(id, gen, protocol, mine));
        }
        sim.scheduler().schedule(2 * Simulation.NETWORK_DELAY_MS, "group stable " + id, () -> {
            if (round == r && state == State.COMPLETING_REBALANCE) {
                setState(State.STABLE);
            }
        });
    }

    private List<List<String>> topicsOfMembers() {
        List<List<String>> out = new ArrayList<>();
        for (Member m : members.values()) {
            out.add(m.topics);
        }
        return out;
    }

    private void heartbeatFrom(Member m) {
        m.lastHeartbeatMs = sim.now();
        long expiresAt = m.lastHeartbeatMs + m.sessionTimeoutMs;
        sim.scheduler().scheduleBackground(m.sessionTimeoutMs, "session " + m.id, () -> {
            if (members.get(m.id) == m && m.lastHeartbeatMs + m.sessionTimeoutMs <= sim.now()
                    && expiresAt <= sim.now()) {
                remove(m.id, "session timed out after " + m.sessionTimeoutMs + " ms (session.timeout.ms)");
            }
        });
    }

    /**
     * A heartbeat arrives. Returns the error Kafka would answer: null (fine), "REBALANCE_IN_PROGRESS"
     * (join again) or "UNKNOWN_MEMBER_ID" (the group dropped this member).
     */
    String heartbeat(String memberId) {
        Member m = members.get(memberId);
        if (m == null) {
            return "UNKNOWN_MEMBER_ID";
        }
        heartbeatFrom(m);
        if (state == State.PREPARING_REBALANCE && !m.joined) {
            return "REBALANCE_IN_PROGRESS";
        }
        return null;
    }

    /** A LeaveGroup request: the member goes at once and a rebalance starts. */
    void leave(String memberId) {
        remove(memberId, "left the group");
    }

    private void remove(String memberId, String reason) {
        Member m = members.remove(memberId);
        if (m == null) {
            return;
        }
        sim.emit(new SimEvent.MemberLeft(sim.now(), id, memberId, reason));
        if (memberId.equals(leaderId)) {
            leaderId = members.isEmpty() ? null : members.keySet().iterator().next();
        }
        if (state == State.PREPARING_REBALANCE) {
            maybeCompleteJoin();
        } else {
            prepareRebalance("member " + memberId + " " + reason, 300_000);
            maybeCompleteJoin();
        }
    }
}
