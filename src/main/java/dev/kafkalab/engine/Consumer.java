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
        int limit = max != null ? max : config.getInt("max.poll.records");
        resetPositions();
        List<ConsumerRecord> out = new ArrayList<>();
        int n = assignment.size();
        for (int k = 0; k < n && out.size() < limit; k++) {
            TopicPartition tp = assignment.get((nextPartition + k) % n);
            Partition p = partition(tp);
            if (!p.hasLeader() || !sim.cluster().broker(p.leader()).isServing()) {
                continue;
            }
            long from = positions.get(tp);
            List<LogRecord> got = p.log(p.leader()).read(from, p.highWatermark(), limit - out.size());
            if (got.isEmpty()) {
                continue;
            }
            long next = got.get(got.size() - 1).offset() + 1;
            for (LogRecord r : got) {
                out.add(new ConsumerRecord(tp.topic(), tp.partition(), r));
            }
            positions.put(tp, next);
            sim.emit(new SimEvent.RecordsPolled(sim.now(), id, tp.topic(), tp.partition(), from, next));
            if (out.size() >= limit) {
                nextPartition = (nextPartition + k + 1) % n;
            }
        }
        recordsConsumed += out.size();
        return out;
    }

    private void resetPositions() {
        String policy = config.getString("auto.offset.reset");
        Map<TopicPartition, Long> outOfRange = new LinkedHashMap<>();
        List<TopicPartition> undefined = new ArrayList<>();
        for (TopicPartition tp : assignment) {
            Partition p = partition(tp);
            PartitionLog log = p.leaderLog();
            Long pos = positions.get(tp);
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
