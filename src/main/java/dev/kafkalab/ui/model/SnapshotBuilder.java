package dev.kafkalab.ui.model;

import dev.kafkalab.engine.Broker;
import dev.kafkalab.engine.Config;
import dev.kafkalab.engine.Consumer;
import dev.kafkalab.engine.GroupDescription;
import dev.kafkalab.engine.LogRecord;
import dev.kafkalab.engine.LogSegment;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.PartitionLog;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.Replica;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.Topic;
import dev.kafkalab.engine.TopicNames;
import dev.kafkalab.engine.TopicPartition;
import dev.kafkalab.ui.model.ClusterSnapshot.BrokerView;
import dev.kafkalab.ui.model.ClusterSnapshot.ConsumerView;
import dev.kafkalab.ui.model.ClusterSnapshot.GroupView;
import dev.kafkalab.ui.model.ClusterSnapshot.PartitionView;
import dev.kafkalab.ui.model.ClusterSnapshot.PendingRecord;
import dev.kafkalab.ui.model.ClusterSnapshot.ProducerView;
import dev.kafkalab.ui.model.ClusterSnapshot.RecordView;
import dev.kafkalab.ui.model.ClusterSnapshot.ReplicaView;
import dev.kafkalab.ui.model.ClusterSnapshot.TopicView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Copies the engine's state into a {@link ClusterSnapshot}. Replica logs that did not change since the
 * previous snapshot share its record lists, so a snapshot after every event stays cheap.
 */
public final class SnapshotBuilder {
    private final Map<TopicPartition, Map<Integer, ReplicaView>> previous = new HashMap<>();

    public ClusterSnapshot build(Simulation sim, EventTracker tracker, SimEvent cause) {
        List<BrokerView> brokers = new ArrayList<>();
        for (Broker b : sim.cluster().brokers()) {
            brokers.add(new BrokerView(b.id(), b.state(), tracker.isFenced(b.id())));
        }
        List<TopicView> topics = new ArrayList<>();
        for (Topic t : sim.cluster().topics().values()) {
            boolean internal = TopicNames.GROUP_METADATA_TOPIC_NAME.equals(t.name()) || t.name().startsWith("__");
            List<PartitionView> parts = new ArrayList<>();
            for (Partition p : t.partitions()) {
                parts.add(partition(p, internal, rewrites(cause, t.name(), p.index())));
            }
            topics.add(new TopicView(t.name(), t.replicationFactor(), t.isCompacted(), internal,
                    t.config().explicitValues(), parts));
        }
        List<ProducerView> producers = new ArrayList<>();
        for (Producer p : sim.producers().values()) {
            List<PendingRecord> acc = new ArrayList<>();
            for (SimEvent.RecordSent s : tracker.accumulator(p.id())) {
                acc.add(new PendingRecord(s.topic(), s.partition(), s.key(), s.value()));
            }
            producers.add(new ProducerView(p.id(), String.valueOf(p.config().get("acks")), p.partitionerName(), acc,
                    tracker.acked(p.id()), tracker.failed(p.id()), tracker.lastError(p.id())));
        }
        List<ConsumerView> consumers = new ArrayList<>();
        for (Consumer c : sim.consumers().values()) {
            consumers.add(new ConsumerView(c.id(), c.group(), List.copyOf(c.assignment()),
                    new TreeMap<>(c.positions()), c.isClosed(), c.recordsConsumed(), List.copyOf(c.subscription())));
        }
        return new ClusterSnapshot(sim.now(), sim.cluster().controllerId(), brokers, topics, producers, consumers,
                groups(sim));
    }

    private static boolean rewrites(SimEvent e, String topic, int partition) {
        if (e instanceof SimEvent.LogTruncated t) {
            return t.topic().equals(topic) && t.partition() == partition;
        }
        if (e instanceof SimEvent.LogCompacted c) {
            return c.topic().equals(topic) && c.partition() == partition;
        }
        if (e instanceof SimEvent.SegmentsDeleted d) {
            return d.topic().equals(topic) && d.partition() == partition;
        }
        return e instanceof SimEvent.BrokerRestarted;
    }

    private PartitionView partition(Partition p, boolean internal, boolean rewritten) {
        TopicPartition tp = p.topicPartition();
        Map<Integer, ReplicaView> before = previous.computeIfAbsent(tp, k -> new HashMap<>());
        List<ReplicaView> replicas = new ArrayList<>();
        for (int b : p.replicas()) {
            Replica r = p.replica(b);
            if (r == null) {
                continue;
            }
            PartitionLog log = r.log();
            long start = log.logStartOffset();
            long end = log.logEndOffset();
            int segments = log.segments().size();
            ReplicaView old = before.get(b);
            List<RecordView> tail;
            List<Long> bases;
            if (old != null && !rewritten && old.logStartOffset() == start && old.logEndOffset() == end
                    && old.segmentBaseOffsets().size() == segments) {
                tail = old.tail();
                bases = old.segmentBaseOffsets();
            } else {
                tail = internal ? List.of() : tail(log);
                bases = new ArrayList<>();
                for (LogSegment s : log.segments()) {
                    bases.add(s.baseOffset());
                }
                bases = List.copyOf(bases);
            }
            ReplicaView view = new ReplicaView(b, r.role(), start, end, r.highWatermark(), tail, bases);
            before.put(b, view);
            replicas.add(view);
        }
        return new PartitionView(tp.topic(), tp.partition(), p.leader(), p.leaderEpoch(), List.copyOf(p.replicas()),
                List.copyOf(p.isr()), List.copyOf(p.elr()), p.highWatermark(), replicas);
    }

    private static List<RecordView> tail(PartitionLog log) {
        long end = log.logEndOffset();
        long from = Math.max(log.logStartOffset(), end - ClusterSnapshot.TAIL);
        List<RecordView> out = new ArrayList<>();
        for (LogRecord r : log.read(from, end, ClusterSnapshot.TAIL)) {
            out.add(new RecordView(r.offset(), r.keyString(), printable(r.valueString()), r.sizeInBytes(), r.timestamp(),
                    r.leaderEpoch(), r.headers()));
        }
        return List.copyOf(out);
    }

    /**
     * A value as text a person can read: binary values (Avro, Protobuf) decoded as UTF-8 have control
     * characters and replacement characters, shown as "·" so labels keep one line.
     */
    static String printable(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(Character.isISOControl(c) || c == '\uFFFD' ? '·' : c);
        }
        return sb.toString();
    }

    private static List<GroupView> groups(Simulation sim) {
        List<GroupView> out = new ArrayList<>();
        for (String id : sim.groupCoordinator().groupIds()) {
            GroupDescription g = GroupDescription.of(sim, id);
            if (g != null) {
                out.add(new GroupView(id, g.protocol(), g.generation(), g.state(), g.members(),
                        new TreeMap<>(g.committed()), g.lag()));
            }
        }
        return out;
    }

    /** Forgets the shared record lists (after the simulation was rebuilt). */
    public void clear() {
        previous.clear();
    }

    static String acks(Config config) {
        return String.valueOf(config.get("acks"));
    }
}
