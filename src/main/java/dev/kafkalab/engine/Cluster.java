package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brokers, topics and the KRaft controller's metadata decisions: topic creation with Kafka's
 * validation, replica placement, partition increases and config changes.
 */
public final class Cluster {
    /** The KRaft controller's node id, apart from the broker ids. */
    public static final int CONTROLLER_ID = 3000;
    public static final int MAX_BROKERS = 12;

    private final Simulation sim;
    private final List<Broker> brokers = new ArrayList<>();
    private final Map<String, Topic> topics = new TreeMap<>();
    private Config brokerConfig;

    Cluster(Simulation sim, int brokerCount, Config brokerConfig) {
        if (brokerCount < 1 || brokerCount > MAX_BROKERS) {
            throw new IllegalArgumentException("brokers must be 1.." + MAX_BROKERS + ", got " + brokerCount);
        }
        this.sim = sim;
        this.brokerConfig = brokerConfig;
        for (int i = 0; i < brokerCount; i++) {
            brokers.add(new Broker(i));
        }
    }

    public List<Broker> brokers() {
        return Collections.unmodifiableList(brokers);
    }

    public Broker broker(int id) {
        if (id < 0 || id >= brokers.size()) {
            throw new KafkaException("BrokerNotAvailableException", "Broker " + id + " does not exist.");
        }
        return brokers.get(id);
    }

    public Config brokerConfig() {
        return brokerConfig;
    }

    /** Topics by name, in name order. */
    public Map<String, Topic> topics() {
        return Collections.unmodifiableMap(topics);
    }

    public Topic topic(String name) {
        return topics.get(name);
    }

    public int controllerId() {
        return CONTROLLER_ID;
    }

    /**
     * Creates a topic as Kafka's controller does.
     *
     * @param partitions        null for the broker's {@code num.partitions}
     * @param replicationFactor null for {@code default.replication.factor}
     * @param assignment        explicit replicas per partition (first = preferred leader), or null
     * @throws KafkaException with Kafka's exception name and message when Kafka would refuse
     */
    public Topic createTopic(String name, Integer partitions, Integer replicationFactor,
                             Map<Integer, List<Integer>> assignment, Map<String, ?> config, boolean autoCreated) {
        TopicNames.validate(name);
        if (topics.containsKey(name)) {
            throw new KafkaException("TopicExistsException", "Topic '" + name + "' already exists.");
        }
        for (String existing : topics.keySet()) {
            if (TopicNames.hasCollision(name, existing)) {
                throw KafkaException.invalidTopic("Topic '" + name + "' collides with existing topic: " + existing);
            }
        }
        Config topicConfig = Config.parse(Configs.Scope.TOPIC, config, brokerConfig);
        List<List<Integer>> placement;
        if (assignment != null && !assignment.isEmpty()) {
            placement = explicitPlacement(assignment, partitions, replicationFactor);
        } else {
            int n = partitions != null ? partitions : brokerConfig.getInt("num.partitions");
            int rf = replicationFactor != null ? replicationFactor : brokerConfig.getInt("default.replication.factor");
            if (n <= 0) {
                throw new KafkaException("InvalidPartitionsException",
                        "Number of partitions was set to an invalid non-positive value.");
            }
            placement = place(n, rf, List.of());
        }
        Topic topic = new Topic(name, topicConfig);
        for (int p = 0; p < placement.size(); p++) {
            topic.addPartition(new Partition(topic, p, placement.get(p), sim.now()));
        }
        topics.put(name, topic);
        sim.emit(new SimEvent.TopicCreated(sim.now(), name, placement.size(), placement.get(0).size(), placement,
                topicConfig.explicitValues(), autoCreated));
        for (Partition p : topic.partitions()) {
            startPartition(p);
        }
        return topic;
    }

    private List<List<Integer>> explicitPlacement(Map<Integer, List<Integer>> assignment, Integer partitions,
                                                  Integer replicationFactor) {
        if (partitions != null && partitions != assignment.size()) {
            throw new KafkaException("InvalidRequestException",
                    "Both partitions and an explicit assignment were given, and they disagree: " + partitions
                            + " partition(s) but " + assignment.size() + " assigned.");
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int p = 0; p < assignment.size(); p++) {
            List<Integer> replicas = assignment.get(p);
            if (replicas == null) {
                throw new KafkaException("InvalidReplicaAssignmentException",
                        "Partitions must be numbered 0 to " + (assignment.size() - 1) + "; partition " + p
                                + " has no assignment.");
            }
            if (replicas.isEmpty()) {
                throw new KafkaException("InvalidReplicaAssignmentException", "The manual partition assignment "
                        + "includes an empty replica list.");
            }
            if (replicas.stream().distinct().count() != replicas.size()) {
                throw new KafkaException("InvalidReplicaAssignmentException", "The manual partition assignment "
                        + "includes the broker " + firstDuplicate(replicas) + " more than once.");
            }
            for (int b : replicas) {
                if (b < 0 || b >= brokers.size()) {
                    throw new KafkaException("InvalidReplicaAssignmentException", "The manual partition assignment "
                            + "includes broker " + b + ", but no such broker is registered.");
                }
            }
            if (!out.isEmpty() && out.get(0).size() != replicas.size()) {
                throw new KafkaException("InvalidReplicaAssignmentException", "The manual partition assignment "
                        + "includes a partition with " + replicas.size() + " replica(s), but this is not consistent "
                        + "with previous partitions, which have " + out.get(0).size() + " replica(s).");
            }
            if (replicationFactor != null && replicationFactor != replicas.size()) {
                throw new KafkaException("InvalidReplicaAssignmentException", "Partition " + p + " lists "
                        + replicas.size() + " replica(s) but the replication factor is " + replicationFactor + ".");
            }
            out.add(List.copyOf(replicas));
        }
        return out;
    }

    private static int firstDuplicate(List<Integer> l) {
        for (int i = 0; i < l.size(); i++) {
            if (l.lastIndexOf(l.get(i)) != i) {
                return l.get(i);
            }
        }
        return -1;
    }

    private List<List<Integer>> place(int n, int rf, List<List<Integer>> existing) {
        List<Integer> up = new ArrayList<>();
        List<Integer> fenced = new ArrayList<>();
        for (Broker b : brokers) {
            (b.isUp() ? up : fenced).add(b.id());
        }
        return ReplicaPlacer.place(sim.random(), up, fenced, n, rf, existing);
    }

    /** Grows a topic to {@code newTotal} partitions; partitions never shrink. */
    public void addPartitions(String name, int newTotal) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw new KafkaException("UnknownTopicOrPartitionException",
                    "This server does not host this topic-partition.");
        }
        int current = topic.partitionCount();
        if (newTotal < current) {
            throw new KafkaException("InvalidPartitionsException", "The topic " + name + " currently has " + current
                    + " partition(s); " + newTotal + " would not be an increase.");
        }
        if (newTotal == current) {
            throw new KafkaException("InvalidPartitionsException", "Topic already has " + current + " partition(s).");
        }
        List<List<Integer>> existing = new ArrayList<>();
        for (Partition p : topic.partitions()) {
            existing.add(p.replicas());
        }
        List<List<Integer>> added = place(newTotal - current, topic.replicationFactor(), existing);
        for (List<Integer> replicas : added) {
            topic.addPartition(new Partition(topic, topic.partitionCount(), replicas, sim.now()));
        }
        sim.emit(new SimEvent.PartitionsAdded(sim.now(), name, current, newTotal, added));
        for (int p = current; p < newTotal; p++) {
            startPartition(topic.partition(p));
        }
    }

    /**
     * A new partition: the controller makes the first alive replica in the ISR the leader, and the
     * replicas take their roles at once (so records sent right after creation are not refused).
     */
    private void startPartition(Partition p) {
        List<Integer> alive = new ArrayList<>();
        for (int b : p.replicas()) {
            if (!sim.controller().isFenced(b)) {
                alive.add(b);
            }
        }
        int leader = alive.isEmpty() ? -1 : alive.get(0);
        p.initialize(leader, alive);
        sim.emit(new SimEvent.LeaderElected(sim.now(), p.topic().name(), p.index(), leader, -1, p.leaderEpoch(),
                p.isr(), p.elr(), false, "new partition: the first alive replica leads"));
        for (int b : p.replicas()) {
            if (broker(b).isServing()) {
                sim.replicaManager().onMetadata(p.replica(b), leader, p.leaderEpoch(), p.partitionEpoch(), p.isr());
            }
        }
    }

    // ---- broker failures ----

    /** Hard crash: the broker stops at once; the controller notices only when its session expires. */
    public void crash(int id) {
        Broker b = requireRunning(id, "crash");
        b.setState(Broker.State.CRASHED);
        sim.network().newIncarnation(id);
        sim.replicaManager().stopReplicas(id);
        sim.emit(new SimEvent.BrokerCrashed(sim.now(), id));
        sim.brokerWentDown(id);
    }

    /** Controlled shutdown: the controller moves leadership away at once, then the broker stops. */
    public void shutdown(int id) {
        Broker b = requireRunning(id, "shutdown");
        sim.controller().fence(id, "controlled shutdown");
        b.setState(Broker.State.SHUTDOWN);
        sim.network().newIncarnation(id);
        sim.replicaManager().stopReplicas(id);
        sim.emit(new SimEvent.BrokerShutDown(sim.now(), id));
        sim.brokerWentDown(id);
    }

    /** Starts a crashed or shut-down broker again; it recovers its log as written before. */
    public void restart(int id) {
        Broker b = broker(id);
        if (b.isServing()) {
            throw new KafkaException("IllegalStateException", "Broker " + id + " is already running.");
        }
        sim.controller().registerRestarting(id);
        b.setState(Broker.State.UP);
        b.setFetchDelayMs(0);
        sim.emit(new SimEvent.BrokerRestarted(sim.now(), id));
        sim.startBroker(id);
        sim.replicaManager().resumeReplicas(id);
    }

    /** Cuts the broker off from the controller and the other brokers; clients still reach it. */
    public void isolate(int id) {
        Broker b = broker(id);
        if (b.state() != Broker.State.UP) {
            throw new KafkaException("IllegalStateException", "Broker " + id + " is not up (it is "
                    + b.state().name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        b.setState(Broker.State.ISOLATED);
        sim.emit(new SimEvent.BrokerIsolated(sim.now(), id));
    }

    /** Reconnects an isolated broker: it hears the current metadata and catches up. */
    public void heal(int id) {
        Broker b = broker(id);
        if (b.state() != Broker.State.ISOLATED) {
            throw new KafkaException("IllegalStateException", "Broker " + id + " is not isolated.");
        }
        b.setState(Broker.State.UP);
        sim.emit(new SimEvent.BrokerHealed(sim.now(), id));
        sim.replicaManager().resumeReplicas(id);
    }

    /** Makes the broker's follower fetches wait {@code ms} first. */
    public void slow(int id, long ms) {
        Broker b = broker(id);
        b.setFetchDelayMs(ms);
        sim.emit(new SimEvent.BrokerSlowed(sim.now(), id, ms));
    }

    private Broker requireRunning(int id, String action) {
        Broker b = broker(id);
        if (!b.isServing()) {
            throw new KafkaException("IllegalStateException", "Broker " + id + " is not running (it is "
                    + b.state().name().toLowerCase(java.util.Locale.ROOT) + "); cannot " + action + " it.");
        }
        return b;
    }

    public void alterTopicConfig(String name, Map<String, ?> changes) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw new KafkaException("UnknownTopicOrPartitionException",
                    "This server does not host this topic-partition.");
        }
        topic.setConfig(topic.config().with(changes));
        sim.emit(new SimEvent.TopicConfigAltered(sim.now(), name, new LinkedHashMap<>(changes)));
    }

    public void alterBrokerConfig(Map<String, ?> changes) {
        brokerConfig = brokerConfig.with(changes);
        // topics fall back to the new broker values for what they do not set themselves
        for (Topic t : topics.values()) {
            t.setConfig(Config.parse(Configs.Scope.TOPIC, t.config().explicitValues(), brokerConfig));
        }
        sim.emit(new SimEvent.BrokerConfigAltered(sim.now(), new LinkedHashMap<>(changes)));
    }
}
