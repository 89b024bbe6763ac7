package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A consumer group on the KIP-848 protocol ({@code group.protocol=consumer}), as the coordinator sees
 * it (mirrors Kafka's {@code ConsumerGroup}): the broker computes a target assignment with a server
 * assignor whenever membership changes (a new group epoch), and each member reconciles towards its
 * target on its heartbeats: it first gives up what it must, and receives a partition only once its
 * previous owner has released it.
 */
public final class ConsumerGroup {
    /** Kafka's states for consumer groups. */
    public enum State {
        EMPTY("Empty"), ASSIGNING("Assigning"), RECONCILING("Reconciling"), STABLE("Stable");

        private final String kafkaName;

        State(String kafkaName) {
            this.kafkaName = kafkaName;
        }

        public String kafkaName() {
            return kafkaName;
        }
    }

    /** One member: what it owns now, and its epoch. */
    public static final class Member {
        final String id;
        final Consumer client;
        List<String> topics;
        int memberEpoch;
        List<TopicPartition> owned = List.of();
        long lastHeartbeatMs;

        Member(String id, Consumer client) {
            this.id = id;
            this.client = client;
        }

        public String id() {
            return id;
        }

        /** The partitions the member owns now (not its target). */
        public List<TopicPartition> assignment() {
            return owned;
        }

        public int memberEpoch() {
            return memberEpoch;
        }
    }

    private final Simulation sim;
    private final String id;
    private final Map<String, Member> members = new java.util.LinkedHashMap<>();
    private Map<String, List<TopicPartition>> target = new TreeMap<>();
    private int groupEpoch;
    private int assignmentEpoch;
    private String assignor = "uniform";
    private State state = State.EMPTY;

    ConsumerGroup(Simulation sim, String id) {
        this.sim = sim;
        this.id = id;
    }

    public String id() {
        return id;
    }

    public int groupEpoch() {
        return groupEpoch;
    }

    public String assignor() {
        return assignor;
    }

    public State state() {
        return state;
    }

    public Map<String, Member> members() {
        return java.util.Collections.unmodifiableMap(members);
    }

    public Map<String, List<TopicPartition>> targetAssignment() {
        return java.util.Collections.unmodifiableMap(target);
    }

    /**
     * A ConsumerGroupHeartbeat: epoch 0 joins, -1 leaves; {@code owned} is what the member owns now.
     * Returns the member's new assignment (what it may own), or null when it left or is unknown.
     */
    List<TopicPartition> heartbeat(Consumer client, int memberEpoch, List<String> topics,
                                   List<TopicPartition> owned, String remoteAssignor) {
        String memberId = client.id();
        Member m = members.get(memberId);
        if (memberEpoch == -1) {
            if (m != null) {
                remove(memberId, "left the group");
            }
            return null;
        }
        if (m == null) {
            if (memberEpoch != 0) {
                return null;
            }
            m = new Member(memberId, client);
            m.topics = List.copyOf(topics);
            members.put(memberId, m);
            assignor = remoteAssignor;
            sim.emit(new SimEvent.MemberJoined(sim.now(), id, memberId, topics, List.of(remoteAssignor)));
            bumpEpoch("member " + memberId + " joined");
        } else if (!m.topics.equals(topics)) {
            m.topics = List.copyOf(topics);
            bumpEpoch("member " + memberId + " changed its subscription");
        }
        m.owned = List.copyOf(owned);
        touch(m);
        List<TopicPartition> next = reconcile(m);
        updateState();
        return next;
    }

    /** What the member may own now: it keeps what stays, drops what moves, and gains what is free. */
    private List<TopicPartition> reconcile(Member m) {
        List<TopicPartition> goal = target.getOrDefault(m.id, List.of());
        List<TopicPartition> kept = new ArrayList<>();
        for (TopicPartition tp : m.owned) {
            if (goal.contains(tp)) {
                kept.add(tp);
            }
        }
        if (kept.size() < m.owned.size()) {
            // revoke first; new partitions come once the member confirms on its next heartbeat
            return kept;
        }
        Set<TopicPartition> ownedByOthers = new LinkedHashSet<>();
        for (Member other : members.values()) {
            if (other != m) {
                ownedByOthers.addAll(other.owned);
            }
        }
        List<TopicPartition> next = new ArrayList<>(kept);
        for (TopicPartition tp : goal) {
            if (!next.contains(tp) && !ownedByOthers.contains(tp)) {
                next.add(tp);
            }
        }
        java.util.Collections.sort(next);
        if (next.containsAll(goal)) {
            m.memberEpoch = assignmentEpoch;
        }
        return next;
    }

    /** The member took the answer: it now owns exactly {@code owned}. */
    void confirm(String memberId, List<TopicPartition> owned) {
        Member m = members.get(memberId);
        if (m != null) {
            m.owned = List.copyOf(owned);
            updateState();
        }
    }

    private void bumpEpoch(String reason) {
        groupEpoch++;
        sim.emit(new SimEvent.RebalanceStarted(sim.now(), id, groupEpoch, reason));
        List<dev.kafkalab.engine.group.MemberSubscription> subs = new ArrayList<>();
        for (Member m : members.values()) {
            subs.add(new dev.kafkalab.engine.group.MemberSubscription(m.id, m.topics,
                    target.getOrDefault(m.id, List.of()), -1));
        }
        List<List<String>> topics = new ArrayList<>();
        members.values().forEach(m -> topics.add(m.topics));
        target = new TreeMap<>(GroupAssignors.assignServer(assignor,
                sim.groupCoordinator().partitionsPerTopic(topics), subs));
        assignmentEpoch = groupEpoch;
        Map<String, List<String>> shown = new TreeMap<>();
        for (Map.Entry<String, List<TopicPartition>> e : target.entrySet()) {
            List<String> names = new ArrayList<>();
            e.getValue().forEach(tp -> names.add(tp.toString()));
            shown.put(e.getKey(), names);
        }
        sim.emit(new SimEvent.GroupAssignmentCompleted(sim.now(), id, groupEpoch, assignor, shown));
        updateState();
    }

    private void updateState() {
        State s;
        if (members.isEmpty()) {
            s = State.EMPTY;
        } else {
            s = State.STABLE;
            for (Member m : members.values()) {
                List<TopicPartition> goal = target.getOrDefault(m.id, List.of());
                if (m.memberEpoch != assignmentEpoch || !new LinkedHashSet<>(m.owned).equals(new LinkedHashSet<>(goal))) {
                    s = State.RECONCILING;
                }
            }
        }
        if (s != state) {
            state = s;
            sim.emit(new SimEvent.GroupStateChanged(sim.now(), id, s.kafkaName()));
        }
    }

    private void touch(Member m) {
        m.lastHeartbeatMs = sim.now();
        int timeout = sim.cluster().brokerConfig().getInt("group.consumer.session.timeout.ms");
        long at = m.lastHeartbeatMs;
        sim.scheduler().scheduleBackground(timeout, "session " + m.id, () -> {
            if (members.get(m.id) == m && m.lastHeartbeatMs == at) {
                remove(m.id, "session timed out after " + timeout + " ms (group.consumer.session.timeout.ms)");
            }
        });
    }

    private void remove(String memberId, String reason) {
        members.remove(memberId);
        target.remove(memberId);
        sim.emit(new SimEvent.MemberLeft(sim.now(), id, memberId, reason));
        bumpEpoch("member " + memberId + " " + reason);
    }
}
