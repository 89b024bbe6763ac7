package dev.kafkalab.ui;

import dev.kafkalab.engine.Broker;
import dev.kafkalab.engine.Cluster;
import dev.kafkalab.engine.Delivery;
import dev.kafkalab.engine.LogRecord;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.PartitionLog;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.Topic;

import java.util.List;
import java.util.Map;

/**
 * Plain-text views of the simulated cluster for the first app window. Pure functions of the engine's
 * state, so they are testable without a screen. Lines stay short enough for a narrow window.
 */
public final class ClusterText {
    /** How many of the newest records of each partition's leader log are listed. */
    public static final int RECORDS_PER_PARTITION = 20;

    private ClusterText() {
    }

    /** The whole cluster: controller, brokers, and every partition with its leader log's newest records. */
    public static String describe(Simulation sim) {
        Cluster cluster = sim.cluster();
        StringBuilder sb = new StringBuilder();
        sb.append("Virtual time ").append(sim.now()).append(" ms\n");
        sb.append("Controller: node ").append(cluster.controllerId()).append(" (KRaft)\n");
        sb.append("Brokers:\n");
        for (Broker b : cluster.brokers()) {
            sb.append("  broker ").append(b.id()).append("  ").append(b.state()).append('\n');
        }
        if (cluster.topics().isEmpty()) {
            sb.append("\n(no topics)\n");
        }
        for (Topic t : cluster.topics().values()) {
            sb.append('\n').append("Topic ").append(t.name()).append(": ").append(t.partitionCount())
                    .append(" partitions, replication factor ").append(t.replicationFactor()).append('\n');
            for (Partition p : t.partitions()) {
                describePartition(sb, p);
            }
        }
        return sb.toString();
    }

    private static void describePartition(StringBuilder sb, Partition p) {
        sb.append('\n');
        sb.append("  partition ").append(p.index()).append("  (").append(p.topic().name()).append('-')
                .append(p.index()).append(")\n");
        sb.append("    leader ").append(p.hasLeader() ? "broker " + p.leader() : "none")
                .append(", leader epoch ").append(p.leaderEpoch()).append('\n');
        sb.append("    replicas ").append(p.replicas()).append(", ISR ").append(p.isr()).append('\n');
        PartitionLog log = p.leaderLog();
        sb.append("    log start ").append(log.logStartOffset())
                .append(", high watermark ").append(p.highWatermark()).append('\n');
        sb.append("    log end offsets ").append(logEndOffsets(p.logEndOffsets())).append('\n');
        List<LogRecord> records = log.records();
        if (records.isEmpty()) {
            sb.append("    (no records)\n");
            return;
        }
        int from = Math.max(0, records.size() - RECORDS_PER_PARTITION);
        if (from > 0) {
            sb.append("    ... ").append(from).append(from == 1 ? " older record" : " older records")
                    .append(" not shown\n");
        }
        for (LogRecord r : records.subList(from, records.size())) {
            sb.append("    offset ").append(r.offset()).append("  key ").append(quote(r.keyString()))
                    .append("  value ").append(quote(r.valueString())).append('\n');
        }
    }

    private static String logEndOffsets(Map<Integer, Long> leos) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Integer, Long> e : leos.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('b').append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /** Records held by all partition leaders together. */
    public static long recordCount(Simulation sim) {
        long n = 0;
        for (Topic t : sim.cluster().topics().values()) {
            for (Partition p : t.partitions()) {
                n += p.leaderLog().recordCount();
            }
        }
        return n;
    }

    /**
     * One line saying how a record found its partition and what became of it, e.g.
     * {@code key "user-1": murmur2 1404122828 -> toPositive 1404122828 -> 1404122828 % 6 = partition 2
     * -> acked at offset 0}.
     *
     * @param sent          the producer's RecordSent event, or null when the record never got that far
     * @param stickyChange  a StickyPartitionChanged event caused by this send, or null
     * @param delivery      the delivery result, or null when still pending
     */
    public static String sendResult(SimEvent.RecordSent sent, SimEvent.StickyPartitionChanged stickyChange,
                                    Delivery delivery) {
        StringBuilder sb = new StringBuilder();
        if (sent == null) {
            sb.append(delivery == null || delivery.key() == null ? "no key" : "key " + quote(delivery.key()))
                    .append(": not sent");
        } else {
            SimEvent.Hashing h = sent.hashing();
            String choice = sent.choice();
            if (h != null) {
                sb.append("key ").append(quote(sent.key())).append(": murmur2 ").append(h.murmur2())
                        .append(" -> toPositive ").append(h.positive()).append(" -> ").append(h.positive())
                        .append(" % ").append(h.numPartitions()).append(" = partition ").append(sent.partition());
            } else if ("sticky".equals(choice)) {
                sb.append(sent.key() == null ? "no key" : "key " + quote(sent.key()))
                        .append(": the sticky partitioner chose partition ").append(sent.partition());
            } else {
                sb.append(sent.key() == null ? "no key" : "key " + quote(sent.key())).append(": ").append(choice)
                        .append(" chose partition ").append(sent.partition());
            }
        }
        if (delivery == null) {
            sb.append(" -> still waiting for the acknowledgement");
        } else if (delivery.acked()) {
            sb.append(delivery.offset() >= 0 ? " -> acked at offset " + delivery.offset()
                    : " -> sent (acks=0: no offset comes back)");
        } else {
            sb.append(" -> failed: ").append(delivery.error()).append(": ").append(delivery.message());
        }
        if (stickyChange != null) {
            sb.append(" (keyless records now stick to partition ").append(stickyChange.to()).append(')');
        }
        return sb.toString();
    }

    /** One event log line: virtual time, then the event with its fields. */
    public static String eventLine(SimEvent e) {
        // the time is in front already, so it is dropped from the fields
        String fields = e.toString().replaceFirst("\\[time=-?\\d+(, )?", "[");
        return String.format("%6d ms  %s", e.time(), fields);
    }

    static String quote(String s) {
        return s == null ? "null" : '"' + s + '"';
    }
}
