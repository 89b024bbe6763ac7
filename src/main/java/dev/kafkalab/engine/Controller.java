package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The KRaft controller: broker heartbeats and fencing, leader election, ISR/ELR changes and their
 * propagation to brokers. Election mirrors Kafka's {@code PartitionChangeBuilder}: keep a valid
 * leader; else the first alive ISR member in replica order; else (empty ISR) the first alive ELR
 * member; else, only when allowed, any alive replica (unclean).
 */
final class Controller {
    private final Simulation sim;
    private final TreeSet<Integer> fenced = new TreeSet<>();
    private final Map<Integer, Long> lastHeartbeat = new HashMap<>();

    Controller(Simulation sim) {
        this.sim = sim;
    }

    boolean isFenced(int broker) {
        return fenced.contains(broker);
    }

    /**
     * How often KRaft's controller looks for leaderless partitions it may now elect uncleanly (its internal
     * {@code unclean.leader.election.interval.ms}, 5 minutes): enabling unclean.leader.election.enable on a
     * topic whose partition is already offline takes effect at this check, not at once.
     */
    static final long UNCLEAN_ELECTION_INTERVAL_MS = 5 * 60 * 1000;

    /** Starts the periodic work: automatic preferred-leader elections and unclean elections. */
    void start() {
        scheduleAutoRebalance();
        scheduleUncleanElections();
    }

    private void scheduleUncleanElections() {
        sim.scheduler().scheduleBackground(UNCLEAN_ELECTION_INTERVAL_MS, "unclean leader election", () -> {
            for (Topic t : sim.cluster().topics().values()) {
                for (Partition p : t.partitions()) {
                    if (!p.hasLeader() && t.config().getBoolean("unclean.leader.election.enable")) {
                        change(p, p.isr(), "periodic check for leaderless partitions");
                    }
                }
            }
            scheduleUncleanElections();
        });
    }

    private void scheduleAutoRebalance() {
        long interval = sim.cluster().brokerConfig().getLong("leader.imbalance.check.interval.seconds") * 1000;
        sim.scheduler().scheduleBackground(interval, "auto leader rebalance", () -> {
            if (sim.cluster().brokerConfig().getBoolean("auto.leader.rebalance.enable")) {
                electPreferredLeaders();
            }
            scheduleAutoRebalance();
        });
    }

    // ---- heartbeats and fencing ----

    void onHeartbeat(int broker) {
        lastHeartbeat.put(broker, sim.now());
        if (fenced.contains(broker)) {
            fenced.remove(broker);
            sim.emit(new SimEvent.BrokerUnfenced(sim.now(), broker));
            electLeadersForOfflinePartitions();
        }
        long timeout = sim.cluster().brokerConfig().getInt("broker.session.timeout.ms");
        sim.scheduler().scheduleBackground(timeout, "session check " + broker, () -> {
            Long last = lastHeartbeat.get(broker);
            if (!fenced.contains(broker) && last != null && sim.now() - last >= timeout) {
                fence(broker, "no heartbeat for broker.session.timeout.ms (" + timeout + " ms)");
            }
        });
    }

    /** The broker is out: removed from every ISR, and its partitions get new leaders. */
    void fence(int broker, String reason) {
        if (!fenced.add(broker)) {
            return;
        }
        sim.emit(new SimEvent.BrokerFenced(sim.now(), broker, reason));
        for (Topic t : sim.cluster().topics().values()) {
            for (Partition p : t.partitions()) {
                if (p.replicas().contains(broker)) {
                    List<Integer> isr = new ArrayList<>(p.isr());
                    isr.remove(Integer.valueOf(broker));
                    change(p, isr, "broker " + broker + " fenced: " + reason);
                }
            }
        }
    }

    /** Marks a broker that just started as fenced until its first heartbeat arrives. */
    void registerRestarting(int broker) {
        fenced.add(broker);
    }

    // ---- elections ----

    private void electLeadersForOfflinePartitions() {
        for (Topic t : sim.cluster().topics().values()) {
            for (Partition p : t.partitions()) {
                if (!p.hasLeader()) {
                    change(p, p.isr(), "a replica came back");
                }
            }
        }
    }

    /** Moves leadership back to each partition's first replica where it is alive and in sync. */
    void electPreferredLeaders() {
        for (Topic t : sim.cluster().topics().values()) {
            for (Partition p : t.partitions()) {
                int preferred = p.replicas().get(0);
                if (p.leader() != preferred && isAlive(preferred) && p.isr().contains(preferred)) {
                    apply(p, preferred, p.isr(), p.elr(), false, "preferred leader election");
                }
            }
        }
    }

    private boolean isAlive(int broker) {
        return !fenced.contains(broker);
    }

    /**
     * Applies a new ISR to a partition and re-runs the election rules. Returns whether anything changed.
     */
    boolean change(Partition p, List<Integer> targetIsr, String reason) {
        int minIsr = p.topic().config().getInt("min.insync.replicas");
        List<Integer> isr = new ArrayList<>();
        for (int b : p.replicas()) {
            if (targetIsr.contains(b)) {
                isr.add(b);
            }
        }
        List<Integer> elr = targetElr(p, isr, minIsr);
        int leader = p.leader();
        boolean unclean = false;
        if (leader < 0 || !isAlive(leader) || !isr.contains(leader)) {
            leader = -1;
            for (int b : p.replicas()) {
                if (isr.contains(b) && isAlive(b)) {
                    leader = b;
                    break;
                }
            }
            if (leader < 0 && isr.isEmpty()) {
                for (int b : p.replicas()) {
                    if (elr.contains(b) && isAlive(b)) {
                        leader = b;
                        isr = new ArrayList<>(List.of(b));
                        elr = new ArrayList<>(elr);
                        elr.remove(Integer.valueOf(b));
                        break;
                    }
                }
            }
            if (leader < 0 && p.topic().config().getBoolean("unclean.leader.election.enable")) {
                for (int b : p.replicas()) {
                    if (isAlive(b)) {
                        leader = b;
                        unclean = true;
                        isr = new ArrayList<>(List.of(b));
                        elr = new ArrayList<>();
                        break;
                    }
                }
            }
        }
        return apply(p, leader, isr, elr, unclean, reason);
    }

    /** KIP-966: replicas leaving the ISR while it is below min.insync.replicas keep every committed record. */
    private static List<Integer> targetElr(Partition p, List<Integer> isr, int minIsr) {
        if (isr.size() >= minIsr) {
            return List.of();
        }
        List<Integer> elr = new ArrayList<>();
        for (int b : p.replicas()) {
            boolean wasInSync = p.elr().contains(b) || p.isr().contains(b);
            if (wasInSync && !isr.contains(b)) {
                elr.add(b);
            }
        }
        return elr;
    }

    private boolean apply(Partition p, int leader, List<Integer> isr, List<Integer> elr, boolean unclean,
                          String reason) {
        boolean leaderChanged = leader != p.leader();
        boolean isrChanged = !isr.equals(p.isr()) || !elr.equals(p.elr());
        if (!leaderChanged && !isrChanged) {
            return false;
        }
        int previous = p.leader();
        p.applyChange(leader, isr, elr);
        String topic = p.topic().name();
        if (leaderChanged) {
            sim.emit(new SimEvent.LeaderElected(sim.now(), topic, p.index(), leader, previous, p.leaderEpoch(),
                    p.isr(), p.elr(), unclean, unclean
                            ? reason + "; unclean election: records the new leader lacks are lost" : reason));
        } else {
            sim.emit(new SimEvent.IsrChanged(sim.now(), topic, p.index(), p.isr(), p.elr(), reason));
        }
        publish(p);
        return true;
    }

    /** Sends the partition's new state to every replica's broker. */
    void publish(Partition p) {
        int leader = p.leader();
        int epoch = p.leaderEpoch();
        int partitionEpoch = p.partitionEpoch();
        List<Integer> isr = p.isr();
        for (int b : p.replicas()) {
            sim.network().send(Cluster.CONTROLLER_ID, b, "metadata to " + b, false,
                    () -> sim.replicaManager().onMetadata(p.replica(b), leader, epoch, partitionEpoch, isr));
        }
    }

    /** A leader asks to change the ISR (Kafka's AlterPartition). Refused when its view is stale. */
    boolean alterPartition(Partition p, int fromLeader, int leaderEpoch, List<Integer> newIsr, String reason) {
        if (p.leader() != fromLeader || p.leaderEpoch() != leaderEpoch) {
            return false;
        }
        for (int b : newIsr) {
            if (!p.isr().contains(b) && !isAlive(b)) {
                return false;
            }
        }
        return change(p, newIsr, reason);
    }
}
