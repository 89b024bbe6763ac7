package dev.kafkalab.ui.model;

import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.TopicPartition;
import dev.kafkalab.ui.model.CanvasTarget;
import dev.kafkalab.ui.model.ClusterSnapshot.BrokerView;
import dev.kafkalab.ui.model.ClusterSnapshot.ConsumerView;
import dev.kafkalab.ui.model.ClusterSnapshot.GroupView;
import dev.kafkalab.ui.model.ClusterSnapshot.PartitionView;
import dev.kafkalab.ui.model.ClusterSnapshot.ProducerView;
import dev.kafkalab.ui.model.ClusterSnapshot.RecordView;
import dev.kafkalab.ui.model.ClusterSnapshot.ReplicaView;
import dev.kafkalab.ui.model.ClusterSnapshot.TopicView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the inspector shows for a selection: a title and label/value rows, in words. Pure: built from
 * a snapshot and the event tracker, so it is tested without a screen.
 */
public record Inspection(String title, List<Row> rows) {
    public record Row(String label, String value) {
    }

    /** The row's value for {@code label}, or null. */
    public String value(String label) {
        return rows.stream().filter(r -> r.label().equals(label)).map(Row::value).findFirst().orElse(null);
    }

    public static Inspection of(CanvasTarget target, ClusterSnapshot s, EventTracker tracker) {
        if (target == null || s == null) {
            return new Inspection("Click a record, a partition, a broker or a group.", List.of());
        }
        if (target instanceof CanvasTarget.Record r) {
            return record(r, s, tracker);
        } else if (target instanceof CanvasTarget.Partition p) {
            return partition(s.partition(p.topic(), p.partition()), s);
        } else if (target instanceof CanvasTarget.Group g) {
            return group(s.group(g.id()), g.id());
        } else if (target instanceof CanvasTarget.Broker b) {
            return broker(s.broker(b.id()), s);
        } else if (target instanceof CanvasTarget.Topic t) {
            return topic(s.topic(t.name()));
        } else if (target instanceof CanvasTarget.Consumer c) {
            return consumer(s.consumer(c.id()));
        } else if (target instanceof CanvasTarget.Producer p) {
            return producer(s.producer(p.id()));
        }
        return new Inspection(target.toString(), List.of());
    }

    private static Inspection record(CanvasTarget.Record t, ClusterSnapshot s, EventTracker tracker) {
        PartitionView p = s.partition(t.topic(), t.partition());
        List<Row> rows = new ArrayList<>();
        String title = "Record " + t.topic() + "-" + t.partition() + " @ offset " + t.offset();
        if (p == null) {
            return new Inspection(title, rows);
        }
        RecordView r = p.displayLog() == null ? null : p.displayLog().record(t.offset());
        if (r != null) {
            rows.add(new Row("key", r.key() == null ? "(no key)" : '"' + r.key() + '"'));
            rows.add(new Row("value", r.value() == null ? "null (tombstone)" : '"' + shorten(r.value()) + '"'));
            if (!r.headers().isEmpty()) {
                rows.add(new Row("headers", r.headers().toString()));
            }
            rows.add(new Row("size", r.sizeInBytes() + " bytes"));
            rows.add(new Row("timestamp", r.timestamp() + " ms"));
        }
        EventTracker.Lineage l = tracker == null ? null : tracker.lineage(new TopicPartition(t.topic(), t.partition()),
                t.offset());
        if (l != null && l.sent() != null) {
            SimEvent.RecordSent sent = l.sent();
            rows.add(new Row("sent by", "producer " + sent.producer() + " at " + sent.time() + " ms"));
            rows.add(new Row("partitioner", partitioner(sent)));
        }
        if (l != null) {
            rows.add(new Row("written", "by leader broker " + l.leader() + " (epoch " + l.leaderEpoch() + ") at "
                    + l.appendedAt() + " ms"));
        }
        List<String> holders = new ArrayList<>();
        for (ReplicaView rv : p.replicaViews()) {
            if (t.offset() >= rv.logStartOffset() && t.offset() < rv.logEndOffset()) {
                holders.add("b" + rv.broker() + (rv.broker() == p.leader() ? " (leader)" : ""));
            }
        }
        rows.add(new Row("replicas holding it", holders.isEmpty() ? "none" : String.join(", ", holders)));
        if (l != null && !l.replicatedAt().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<Integer, Long> e : l.replicatedAt().entrySet()) {
                sb.append(sb.length() == 0 ? "" : ", ").append('b').append(e.getKey()).append(" at ").append(e.getValue())
                        .append(" ms");
            }
            rows.add(new Row("copied to", sb.toString()));
        }
        if (t.offset() < p.highWatermark()) {
            rows.add(new Row("committed", l != null && l.committedAt() >= 0 ? "HW passed it at " + l.committedAt()
                    + " ms" : "yes, below HW " + p.highWatermark()));
        } else {
            rows.add(new Row("committed", "not yet: HW is " + p.highWatermark() + ", consumers cannot read it"));
        }
        if (l != null && !l.truncatedOn().isEmpty()) {
            rows.add(new Row("truncated on", l.truncatedOn().toString()));
        }
        StringBuilder readers = new StringBuilder();
        if (l != null) {
            for (Map.Entry<String, Long> e : l.polledAt().entrySet()) {
                readers.append(readers.length() == 0 ? "" : ", ").append(e.getKey()).append(" at ").append(e.getValue())
                        .append(" ms");
            }
        }
        rows.add(new Row("read by", readers.length() == 0 ? "nobody yet" : readers.toString()));
        return new Inspection(title, rows);
    }

    static String partitioner(SimEvent.RecordSent sent) {
        SimEvent.Hashing h = sent.hashing();
        if (h != null) {
            return "murmur2 " + h.murmur2() + " → toPositive " + h.positive() + " → mod " + h.numPartitions() + " = "
                    + sent.partition();
        }
        return switch (sent.choice()) {
            case "sticky" -> "no key: sticky partitioner chose " + sent.partition();
            case "explicit" -> "partition given with the record";
            default -> sent.choice() + " chose " + sent.partition();
        };
    }

    private static Inspection partition(PartitionView p, ClusterSnapshot s) {
        if (p == null) {
            return new Inspection("(gone)", List.of());
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("leader", p.hasLeader() ? "broker " + p.leader() : "none"));
        rows.add(new Row("leader epoch", Integer.toString(p.leaderEpoch())));
        rows.add(new Row("replicas", p.replicas().toString()));
        rows.add(new Row("ISR", p.isr().toString()));
        if (!p.elr().isEmpty()) {
            rows.add(new Row("ELR", p.elr().toString()));
        }
        rows.add(new Row("high watermark", Long.toString(p.highWatermark())));
        for (ReplicaView r : p.replicaViews()) {
            rows.add(new Row("b" + r.broker() + " " + r.role().name().toLowerCase(), "LEO " + r.logEndOffset()
                    + ", start " + r.logStartOffset() + ", HW " + r.highWatermark() + ", " + r.segmentBaseOffsets().size()
                    + " segment(s)"));
        }
        for (GroupView g : s.groups()) {
            Long c = g.committed().get(p.topicPartition());
            Long lag = g.lag().get(p.topicPartition());
            String owner = g.owner(p.topicPartition());
            if (c != null || owner != null) {
                rows.add(new Row("group " + g.id(), (owner == null ? "no owner" : "owned by " + owner)
                        + (c == null ? "" : ", committed " + c) + (lag == null ? "" : ", lag " + lag)));
            }
        }
        return new Inspection("Partition " + p.topic() + "-" + p.index(), rows);
    }

    private static Inspection group(GroupView g, String id) {
        if (g == null) {
            return new Inspection("Group " + id + " (not formed yet)", List.of());
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("protocol", g.protocol()));
        rows.add(new Row("classic".equals(g.protocol()) ? "generation" : "group epoch", Integer.toString(g.generation())));
        rows.add(new Row("state", g.state()));
        for (Map.Entry<String, List<TopicPartition>> e : g.assignment().entrySet()) {
            rows.add(new Row("member " + e.getKey(), e.getValue().isEmpty() ? "nothing" : e.getValue().toString()));
        }
        long total = 0;
        for (Map.Entry<TopicPartition, Long> e : g.lag().entrySet()) {
            Long c = g.committed().get(e.getKey());
            total += e.getValue();
            rows.add(new Row(e.getKey().toString(), (c == null ? "nothing committed" : "committed " + c) + ", lag "
                    + e.getValue()));
        }
        rows.add(new Row("total lag", Long.toString(total)));
        return new Inspection("Group " + g.id(), rows);
    }

    private static Inspection broker(BrokerView b, ClusterSnapshot s) {
        if (b == null) {
            return new Inspection("(gone)", List.of());
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("state", b.state().name() + (b.fenced() ? ", fenced by the controller" : "")));
        int leaders = 0;
        int replicas = 0;
        for (TopicView t : s.topics()) {
            for (PartitionView p : t.partitions()) {
                if (p.replicas().contains(b.id())) {
                    replicas++;
                    leaders += p.leader() == b.id() ? 1 : 0;
                }
            }
        }
        rows.add(new Row("replicas", Integer.toString(replicas)));
        rows.add(new Row("leaders", Integer.toString(leaders)));
        rows.add(new Row("actions", "right-click: crash, shut down, restart, isolate, heal"));
        return new Inspection("Broker " + b.id(), rows);
    }

    private static Inspection topic(TopicView t) {
        if (t == null) {
            return new Inspection("(gone)", List.of());
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("partitions", Integer.toString(t.partitions().size())));
        rows.add(new Row("replication factor", Integer.toString(t.replicationFactor())));
        for (Map.Entry<String, Object> e : t.config().entrySet()) {
            rows.add(new Row(e.getKey(), String.valueOf(e.getValue())));
        }
        return new Inspection("Topic " + t.name(), rows);
    }

    private static Inspection consumer(ConsumerView c) {
        if (c == null) {
            return new Inspection("(gone)", List.of());
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("group", c.group() == null ? "none (assigns itself)" : c.group()));
        rows.add(new Row("state", c.closed() ? "closed" : "running"));
        rows.add(new Row("records read", Long.toString(c.recordsConsumed())));
        for (Map.Entry<TopicPartition, Long> e : c.positions().entrySet()) {
            rows.add(new Row("position " + e.getKey(), Long.toString(e.getValue())));
        }
        return new Inspection("Consumer " + c.id(), rows);
    }

    private static Inspection producer(ProducerView p) {
        if (p == null) {
            return new Inspection("(gone)", List.of());
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("acks", p.acks()));
        rows.add(new Row("partitioner", p.partitioner()));
        rows.add(new Row("acknowledged", Integer.toString(p.acked())));
        rows.add(new Row("failed", Integer.toString(p.failed())));
        if (p.lastError() != null) {
            rows.add(new Row("last error", p.lastError()));
        }
        rows.add(new Row("in its accumulator", Integer.toString(p.accumulator().size())));
        return new Inspection("Producer " + p.id(), rows);
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "… (" + s.length() + " chars)" : s;
    }
}
