package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A topic: a name, its settings and its partitions. */
public final class Topic {
    private final String name;
    private Config config;
    /** min.insync.replicas of {@link #config}, read on every produce and fetch. */
    private int minInsyncReplicas;
    private final List<Partition> partitions = new ArrayList<>();
    /** Bumped whenever a partition is added or its leader may have changed (producers cache who leads). */
    private int leadershipVersion;

    Topic(String name, Config config) {
        this.name = name;
        setConfig(config);
    }

    public String name() {
        return name;
    }

    /** The topic's min.insync.replicas. */
    int minInsyncReplicas() {
        return minInsyncReplicas;
    }

    public Config config() {
        return config;
    }

    void setConfig(Config config) {
        this.config = config;
        this.minInsyncReplicas = config.getInt("min.insync.replicas");
    }

    public List<Partition> partitions() {
        return Collections.unmodifiableList(partitions);
    }

    public Partition partition(int index) {
        return partitions.get(index);
    }

    public int partitionCount() {
        return partitions.size();
    }

    void addPartition(Partition p) {
        partitions.add(p);
        leadershipVersion++;
    }

    int leadershipVersion() {
        return leadershipVersion;
    }

    void leadershipChanged() {
        leadershipVersion++;
    }

    public int replicationFactor() {
        return partitions.isEmpty() ? 0 : partitions.get(0).replicas().size();
    }

    public boolean isCompacted() {
        return config.getList("cleanup.policy").contains("compact");
    }
}
