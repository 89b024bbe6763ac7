package dev.kafkalab.ui.anim;

import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.TopicPartition;
import dev.kafkalab.ui.canvas.ClusterCanvas;
import dev.kafkalab.ui.canvas.LogRow;
import dev.kafkalab.ui.canvas.Shapes;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.ui.model.ClusterSnapshot.PartitionView;
import dev.kafkalab.ui.model.ClusterSnapshot.RecordView;
import dev.kafkalab.ui.model.ClusterSnapshot.ReplicaView;
import dev.kafkalab.ui.model.HashingModel;
import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.ParallelTransition;
import javafx.animation.PauseTransition;
import javafx.animation.ScaleTransition;
import javafx.animation.SequentialTransition;
import javafx.animation.Timeline;
import javafx.animation.Transition;
import javafx.animation.TranslateTransition;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one engine event into one {@link Transition} on the canvas, which shows the cluster as it was
 * before the event. Moving shapes go on the canvas overlay; the player redraws the cluster as it is
 * after the event when the transition ends. Durations are for speed 1×; the player sets the rate.
 */
public final class Animator {
    /** A fly from one place to another at 1×. */
    public static final Duration FLY = Duration.millis(700);
    /** A short change in place (a badge, a line). */
    public static final Duration SHORT = Duration.millis(450);
    /** Events with nothing to move still take this long, so the caption can be read when stepping. */
    public static final Duration CAPTION = Duration.millis(220);
    /** The key-hashing panel reveals one step per this. */
    public static final Duration HASH_STEP = Duration.millis(220);
    /** At most this many records of one event are animated one by one. */
    static final int MAX_FLYING = 8;
    /** How far apart the diamonds of one flying batch are drawn: a bundle, overlapping. */
    static final double BUNDLE_STEP = 7;

    private final ClusterCanvas canvas;
    private final HashingModel hashing;

    public Animator(ClusterCanvas canvas, HashingModel hashing) {
        this.canvas = canvas;
        this.hashing = hashing;
    }

    /** The transition for {@code e}; {@code before} is what the canvas shows now. */
    public Transition animate(SimEvent e, ClusterSnapshot before, ClusterSnapshot after) {
        if (e instanceof SimEvent.RecordSent s) {
            return recordSent(s);
        } else if (e instanceof SimEvent.StickyPartitionChanged c) {
            hashing.stickyChanged(c);
            return caption();
        } else if (e instanceof SimEvent.BatchSent b) {
            return batchSent(b, before);
        } else if (e instanceof SimEvent.BatchAppended a) {
            return batchAppended(a, after);
        } else if (e instanceof SimEvent.RecordsReplicated r) {
            return replicated(r, before, after);
        } else if (e instanceof SimEvent.HighWatermarkAdvanced h) {
            return highWatermark(h);
        } else if (e instanceof SimEvent.FollowerHighWatermarkUpdated f) {
            return pulse(canvas.node(id("replica", f.topic(), f.partition(), f.broker())), SHORT);
        } else if (e instanceof SimEvent.LeaderElected l) {
            return leaderElected(l);
        } else if (e instanceof SimEvent.IsrChanged i) {
            return isrChanged(i, before);
        } else if (e instanceof SimEvent.BrokerCrashed b) {
            return brokerDown(b.broker(), "CRASHED");
        } else if (e instanceof SimEvent.BrokerShutDown b) {
            return brokerDown(b.broker(), "SHUT DOWN");
        } else if (e instanceof SimEvent.BrokerIsolated b) {
            return brokerDown(b.broker(), "ISOLATED");
        } else if (e instanceof SimEvent.BrokerRestarted b) {
            return brokerUp(b.broker(), "restarted");
        } else if (e instanceof SimEvent.BrokerHealed b) {
            return brokerUp(b.broker(), "reconnected");
        } else if (e instanceof SimEvent.BrokerFenced b) {
            return brokerLabel(b.broker(), "fenced by the controller", true);
        } else if (e instanceof SimEvent.BrokerUnfenced b) {
            return brokerLabel(b.broker(), "unfenced", false);
        } else if (e instanceof SimEvent.LogTruncated t) {
            return removeOffsets(t.topic(), t.partition(), t.broker(), offsetsFrom(t.toOffset(), before, t), "truncated");
        } else if (e instanceof SimEvent.SegmentsDeleted d) {
            return retention(d, before);
        } else if (e instanceof SimEvent.LogCompacted c) {
            return removeOffsets(c.topic(), c.partition(), c.broker(), c.removedOffsets(), "compacted");
        } else if (e instanceof SimEvent.RecordsPolled p) {
            return polled(p, before);
        } else if (e instanceof SimEvent.OffsetsCommitted c) {
            return committed(c, before);
        } else if (e instanceof SimEvent.PartitionsAssigned a) {
            return chips(a.consumer(), a.partitions(), true);
        } else if (e instanceof SimEvent.PartitionsRevoked r) {
            return chips(r.member(), r.partitions(), false);
        } else if (e instanceof SimEvent.RebalanceStarted r) {
            return pulse(canvas.node("group-" + r.group()), FLY);
        } else if (e instanceof SimEvent.SegmentRolled s) {
            return pulse(canvas.node(id("replica", s.topic(), s.partition(), s.broker())), SHORT);
        } else if (e instanceof SimEvent.RecordFailed f) {
            return pulse(canvas.node("producer-" + f.producer()), SHORT);
        } else if (e instanceof SimEvent.BatchAcknowledged a) {
            return pulse(canvas.node("producer-" + a.producer()), SHORT);
        }
        return caption();
    }

    static String id(String kind, Object... parts) {
        StringBuilder sb = new StringBuilder(kind);
        for (Object p : parts) {
            sb.append('-').append(p);
        }
        return sb.toString();
    }

    private static Transition caption() {
        return new PauseTransition(CAPTION);
    }

    private Node add(Node n) {
        n.getStyleClass().add("flying");
        // drawn once to a bitmap and moved as one: hundreds of shapes in flight stay cheap to paint
        n.setCache(true);
        canvas.overlay().getChildren().add(n);
        return n;
    }

    private static TranslateTransition fly(Node n, Point2D from, Point2D to, Duration d) {
        n.setLayoutX(from.getX());
        n.setLayoutY(from.getY());
        TranslateTransition t = new TranslateTransition(d, n);
        t.setFromX(0);
        t.setFromY(0);
        t.setToX(to.getX() - from.getX());
        t.setToY(to.getY() - from.getY());
        t.setInterpolator(Interpolator.EASE_BOTH);
        return t;
    }

    // ------------------------------------------------------------------ produce

    private Transition recordSent(SimEvent.RecordSent s) {
        hashing.show(s);
        int steps = s.hashing() != null ? HashingModel.STEPS : 2;
        Timeline reveal = new Timeline();
        for (int i = 1; i <= steps; i++) {
            reveal.getKeyFrames().add(new KeyFrame(HASH_STEP.multiply(i), new KeyValue(hashing.revealedProperty(), i,
                    Interpolator.DISCRETE)));
        }
        Point2D port = canvas.producerPort(s.producer());
        Polygon d = Shapes.diamond(9, s.key());
        add(d);
        d.setLayoutX(port.getX() - 20);
        d.setLayoutY(port.getY());
        d.setScaleX(0);
        d.setScaleY(0);
        ScaleTransition grow = new ScaleTransition(HASH_STEP.multiply(2), d);
        grow.setToX(1);
        grow.setToY(1);
        return new ParallelTransition(reveal, grow);
    }

    private Transition batchSent(SimEvent.BatchSent b, ClusterSnapshot before) {
        ParallelTransition all = new ParallelTransition();
        Point2D from = canvas.producerPort(b.producer());
        LogRow row = canvas.partitionRow(b.topic(), b.partition());
        PartitionView p = before.partition(b.topic(), b.partition());
        List<String> keys = new ArrayList<>();
        ClusterSnapshot.ProducerView pv = before.producer(b.producer());
        if (pv != null) {
            for (ClusterSnapshot.PendingRecord r : pv.accumulator()) {
                if (r.topic().equals(b.topic()) && r.partition() == b.partition() && keys.size() < b.records()) {
                    keys.add(r.key());
                }
            }
        }
        int n = Math.min(MAX_FLYING, Math.max(1, b.records()));
        long leo = p == null || p.displayLog() == null ? 0 : p.displayLog().logEndOffset();
        // a batch travels as one request: its diamonds fly together as one bundle to the log end, where
        // the append then puts each record at its own offset
        Group bundle = new Group();
        for (int i = 0; i < n; i++) {
            Polygon d = Shapes.diamond(10, i < keys.size() ? keys.get(i) : null);
            d.setLayoutX(i * BUNDLE_STEP);
            bundle.getChildren().add(d);
        }
        add(bundle);
        Point2D to = row == null ? from : new Point2D(row.slotCenter(leo), row.centerY());
        all.getChildren().add(fly(bundle, from, to, FLY));
        return all;
    }

    private Transition batchAppended(SimEvent.BatchAppended a, ClusterSnapshot after) {
        ParallelTransition all = new ParallelTransition();
        PartitionView p = after.partition(a.topic(), a.partition());
        ReplicaView leader = p == null ? null : p.replica(a.broker());
        LogRow row = canvas.partitionRow(a.topic(), a.partition());
        LogRow replicaRow = canvas.replicaRow(a.topic(), a.partition(), a.broker());
        int count = 0;
        for (long o = a.baseOffset(); o <= a.lastOffset() && count < MAX_FLYING; o++, count++) {
            RecordView r = leader == null ? null : leader.record(o);
            String key = r == null ? null : r.key();
            if (row != null) {
                all.getChildren().add(pop(Shapes.diamond(11, key), row.slotCenter(o), row.centerY()));
                Text off = Shapes.centred(Long.toString(o), row.slotCenter(o), row.centerY() - 15, "offset-label",
                        "anim-label");
                add(off);
            }
            if (replicaRow != null) {
                all.getChildren().add(pop(Shapes.diamond(5.5, key), replicaRow.slotCenter(o), replicaRow.centerY()));
            }
        }
        return all.getChildren().isEmpty() ? caption() : all;
    }

    private Transition pop(Node n, double x, double y) {
        add(n);
        n.setLayoutX(x);
        n.setLayoutY(y);
        n.setScaleX(0.2);
        n.setScaleY(0.2);
        ScaleTransition s = new ScaleTransition(SHORT, n);
        s.setFromX(0.2);
        s.setFromY(0.2);
        s.setToX(1);
        s.setToY(1);
        s.setInterpolator(Interpolator.EASE_OUT);
        return s;
    }

    // ------------------------------------------------------------------ replication

    private Transition replicated(SimEvent.RecordsReplicated r, ClusterSnapshot before, ClusterSnapshot after) {
        PartitionView p = after.partition(r.topic(), r.partition());
        PartitionView pb = before.partition(r.topic(), r.partition());
        int leaderId = pb != null && pb.hasLeader() ? pb.leader() : p == null ? -1 : p.leader();
        LogRow from = canvas.replicaRow(r.topic(), r.partition(), leaderId);
        LogRow to = canvas.replicaRow(r.topic(), r.partition(), r.broker());
        ReplicaView copy = p == null ? null : p.replica(r.broker());
        ParallelTransition all = new ParallelTransition();
        if (from == null || to == null) {
            return caption();
        }
        long first = Math.max(r.fromOffset(), r.toOffset() - MAX_FLYING);
        for (long o = first; o < r.toOffset(); o++) {
            RecordView rec = copy == null ? null : copy.record(o);
            Polygon d = Shapes.diamond(6.5, rec == null ? null : rec.key());
            add(d);
            TranslateTransition t = fly(d, new Point2D(from.slotCenter(o), from.centerY()),
                    new Point2D(to.slotCenter(o), to.centerY()), FLY);
            t.setDelay(Duration.millis(30 * (o - first)));
            all.getChildren().add(t);
        }
        return all;
    }

    private Transition highWatermark(SimEvent.HighWatermarkAdvanced h) {
        Node line = canvas.node(id("hw", h.topic(), h.partition()));
        LogRow row = canvas.partitionRow(h.topic(), h.partition());
        if (line == null || row == null) {
            return caption();
        }
        TranslateTransition t = new TranslateTransition(SHORT, line);
        t.setFromX(0);
        t.setToX(row.boundary(h.highWatermark()) - line.getLayoutX());
        t.setInterpolator(Interpolator.EASE_BOTH);
        return t;
    }

    // ------------------------------------------------------------------ leaders and ISR

    private Transition leaderElected(SimEvent.LeaderElected l) {
        Node badge = canvas.node(id("leader-badge", l.topic(), l.partition()));
        LogRow target = l.leader() >= 0 ? canvas.replicaRow(l.topic(), l.partition(), l.leader()) : null;
        ParallelTransition all = new ParallelTransition();
        LogRow row = canvas.partitionRow(l.topic(), l.partition());
        if (row != null) {
            Text epoch = Shapes.text(l.leader() >= 0 ? "leader b" + l.leader() + " · epoch " + l.leaderEpoch()
                    : "no leader · epoch " + l.leaderEpoch(), row.x0() - 130, row.top() + 80, "box-title",
                    l.leader() >= 0 ? "anim-label" : "anim-warning");
            epoch.setLayoutY(-28);
            add(epoch);
            all.getChildren().add(popIn(epoch));
        }
        LogRow source = canvas.replicaRow(l.topic(), l.partition(), l.previousLeader());
        if (badge != null && target != null && source != null) {
            // badge centres sit a fixed distance left of each replica row's log
            TranslateTransition t = new TranslateTransition(FLY, badge);
            t.setFromX(0);
            t.setFromY(0);
            t.setToX(target.x0() - source.x0());
            t.setToY(target.centerY() - source.centerY());
            t.setInterpolator(Interpolator.EASE_BOTH);
            all.getChildren().add(t);
        } else if (badge != null) {
            FadeTransition f = new FadeTransition(FLY, badge);
            f.setToValue(0.1);
            all.getChildren().add(f);
        }
        return all.getChildren().isEmpty() ? caption() : all;
    }

    private Transition popIn(Node n) {
        n.setScaleX(0.3);
        n.setScaleY(0.3);
        ScaleTransition s = new ScaleTransition(SHORT, n);
        s.setToX(1);
        s.setToY(1);
        return s;
    }

    private Transition isrChanged(SimEvent.IsrChanged i, ClusterSnapshot before) {
        PartitionView p = before.partition(i.topic(), i.partition());
        ParallelTransition all = new ParallelTransition();
        List<Integer> was = p == null ? List.of() : p.isr();
        for (int b : was) {
            if (!i.isr().contains(b)) {
                all.getChildren().add(flag(i.topic(), i.partition(), b, "left the ISR", true));
            }
        }
        for (int b : i.isr()) {
            if (!was.contains(b)) {
                all.getChildren().add(flag(i.topic(), i.partition(), b, "joined the ISR", false));
            }
        }
        return all.getChildren().isEmpty() ? caption() : all;
    }

    private Transition flag(String topic, int partition, int broker, String words, boolean bad) {
        LogRow row = canvas.replicaRow(topic, partition, broker);
        if (row == null) {
            return caption();
        }
        Text t = Shapes.text(words, row.x0(), row.centerY() + 4, "marker-label", bad ? "anim-warning" : "anim-label");
        add(t);
        t.setOpacity(0);
        FadeTransition f = new FadeTransition(SHORT, t);
        f.setFromValue(0);
        f.setToValue(1);
        return new SequentialTransition(f, new PauseTransition(SHORT));
    }

    // ------------------------------------------------------------------ brokers

    private Transition brokerDown(int broker, String words) {
        Bounds b = canvas.box("broker-" + broker);
        if (b == null) {
            return caption();
        }
        Rectangle veil = new Rectangle(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        veil.getStyleClass().add("grey-veil");
        veil.setArcWidth(10);
        veil.setArcHeight(10);
        veil.setOpacity(0);
        add(veil);
        Text label = Shapes.centred(words, b.getMinX() + b.getWidth() / 2, b.getMinY() + Math.min(b.getHeight() / 2, 60),
                "zone-title", "anim-warning");
        add(label);
        FadeTransition f = new FadeTransition(FLY, veil);
        f.setFromValue(0);
        f.setToValue(0.55);
        return new ParallelTransition(f, popIn(label));
    }

    private Transition brokerUp(int broker, String words) {
        Bounds b = canvas.box("broker-" + broker);
        if (b == null) {
            return caption();
        }
        Rectangle veil = new Rectangle(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        veil.getStyleClass().add("grey-veil");
        veil.setOpacity(0.55);
        add(veil);
        Text label = Shapes.centred(words, b.getMinX() + b.getWidth() / 2, b.getMinY() + Math.min(b.getHeight() / 2, 60),
                "zone-title", "anim-label");
        add(label);
        FadeTransition f = new FadeTransition(FLY, veil);
        f.setFromValue(0.55);
        f.setToValue(0);
        return new ParallelTransition(f, popIn(label));
    }

    private Transition brokerLabel(int broker, String words, boolean bad) {
        Bounds b = canvas.box("broker-" + broker);
        if (b == null) {
            return caption();
        }
        Text label = Shapes.text(words, b.getMinX() + 100, b.getMinY() + 21, "marker-label",
                bad ? "anim-warning" : "anim-label");
        add(label);
        return popIn(label);
    }

    private Transition pulse(Node n, Duration d) {
        if (n == null) {
            return caption();
        }
        ScaleTransition s = new ScaleTransition(d.divide(2), n);
        s.setFromX(1);
        s.setFromY(1);
        s.setToX(1.04);
        s.setToY(1.04);
        s.setAutoReverse(true);
        s.setCycleCount(2);
        return s;
    }

    // ------------------------------------------------------------------ removal: truncation, retention, compaction

    private static List<Long> offsetsFrom(long from, ClusterSnapshot before, SimEvent.LogTruncated t) {
        List<Long> out = new ArrayList<>();
        PartitionView p = before.partition(t.topic(), t.partition());
        ReplicaView r = p == null ? null : p.replica(t.broker());
        long end = r == null ? from + t.removed().size() : r.logEndOffset();
        for (long o = from; o < end; o++) {
            out.add(o);
        }
        return out;
    }

    private static List<Long> offsetsBelow(SimEvent.SegmentsDeleted d, ClusterSnapshot before) {
        List<Long> out = new ArrayList<>();
        PartitionView p = before.partition(d.topic(), d.partition());
        ReplicaView r = p == null ? null : p.replica(d.broker());
        long start = r == null ? d.newLogStartOffset() : r.logStartOffset();
        for (long o = start; o < d.newLogStartOffset(); o++) {
            out.add(o);
        }
        return out;
    }

    /**
     * Retention: the deleted segments' stretch of the topic's log is shaded and fades out with its
     * diamonds and segment dividers, labelled with the reason; the replica's own diamonds fade too.
     */
    private Transition retention(SimEvent.SegmentsDeleted d, ClusterSnapshot before) {
        List<Long> offsets = offsetsBelow(d, before);
        Transition removal = removeOffsets(d.topic(), d.partition(), d.broker(), offsets, "retention");
        PartitionView p = canvas.snapshot() == null ? null : canvas.snapshot().partition(d.topic(), d.partition());
        LogRow row = canvas.partitionRow(d.topic(), d.partition());
        if (p == null || row == null || p.displayLog() == null || p.displayLog().broker() != d.broker()) {
            return removal;
        }
        ReplicaView log = p.displayLog();
        long from = Math.max(row.start(), log.logStartOffset());
        long to = Math.min(row.end(), d.newLogStartOffset());
        ParallelTransition all = new ParallelTransition(removal);
        for (long base : log.segmentBaseOffsets()) {
            Node divider = base < d.newLogStartOffset() ? canvas.node(id("segment", d.topic(), d.partition(), base))
                    : null;
            if (divider != null) {
                FadeTransition f = new FadeTransition(FLY, divider);
                f.setToValue(0);
                all.getChildren().add(f);
            }
        }
        if (to > from) {
            double left = row.boundary(from);
            double width = row.boundary(to) - left;
            Rectangle band = new Rectangle(left, row.centerY() - 18, width, 36);
            band.getStyleClass().add("retention-band");
            band.setArcWidth(6);
            band.setArcHeight(6);
            add(band);
            band.toBack();
            int colon = d.reason().indexOf(':');
            String by = colon > 0 ? d.reason().substring(0, colon) : d.reason();
            Text why = Shapes.text("retention by " + by + ": segment deleted", left + 2, row.centerY() + 30, "marker-label",
                    "anim-warning");
            add(why);
            FadeTransition in = new FadeTransition(SHORT, band);
            in.setFromValue(0);
            in.setToValue(0.8);
            FadeTransition out = new FadeTransition(SHORT, band);
            out.setToValue(0);
            all.getChildren().addAll(new SequentialTransition(in, out), popIn(why));
        }
        return all;
    }

    private Transition removeOffsets(String topic, int partition, int broker, List<Long> offsets, String words) {
        ParallelTransition all = new ParallelTransition();
        PartitionView p = canvas.snapshot() == null ? null : canvas.snapshot().partition(topic, partition);
        boolean shownInTopic = p != null && p.displayLog() != null && p.displayLog().broker() == broker;
        for (long o : offsets) {
            List<Node> victims = new ArrayList<>();
            victims.add(canvas.node(id("replica-diamond", topic, partition, broker, o)));
            if (shownInTopic) {
                victims.add(canvas.node(id("diamond", topic, partition, o)));
            }
            for (Node n : victims) {
                if (n == null) {
                    continue;
                }
                FadeTransition f = new FadeTransition(FLY, n);
                f.setToValue(0);
                ScaleTransition s = new ScaleTransition(FLY, n);
                s.setToX(0.2);
                s.setToY(0.2);
                all.getChildren().addAll(f, s);
            }
        }
        LogRow row = canvas.replicaRow(topic, partition, broker);
        if (row != null) {
            Text t = Shapes.text(words, row.right() + 2, row.top() - 2, "marker-label", "anim-warning");
            add(t);
            all.getChildren().add(popIn(t));
        }
        return all.getChildren().isEmpty() ? caption() : all;
    }

    // ------------------------------------------------------------------ consumers and groups

    private Transition polled(SimEvent.RecordsPolled p, ClusterSnapshot before) {
        LogRow row = canvas.partitionRow(p.topic(), p.partition());
        PartitionView pv = before.partition(p.topic(), p.partition());
        ReplicaView log = pv == null ? null : pv.displayLog();
        Point2D to = canvas.consumerPort(p.consumer());
        ParallelTransition all = new ParallelTransition();
        if (row == null) {
            return caption();
        }
        long first = Math.max(p.fromOffset(), p.toOffset() - MAX_FLYING);
        for (long o = first; o < p.toOffset(); o++) {
            RecordView r = log == null ? null : log.record(o);
            Polygon copy = Shapes.diamond(9, r == null ? null : r.key());
            add(copy);
            TranslateTransition t = fly(copy, new Point2D(row.slotCenter(o), row.centerY()), to, FLY);
            t.setDelay(Duration.millis(40 * (o - first)));
            all.getChildren().add(t);
        }
        return all.getChildren().isEmpty() ? caption() : all;
    }

    private Transition committed(SimEvent.OffsetsCommitted c, ClusterSnapshot before) {
        ParallelTransition all = new ParallelTransition();
        ClusterSnapshot.GroupView g = before.group(c.group());
        for (Map.Entry<String, Long> e : c.offsets().entrySet()) {
            TopicPartition tp = parse(e.getKey());
            if (tp == null) {
                continue;
            }
            LogRow row = canvas.partitionRow(tp.topic(), tp.partition());
            if (row == null) {
                continue;
            }
            Long was = g == null ? null : g.committed().get(tp);
            double fromX = row.boundary(was == null ? row.start() : was);
            double toX = row.boundary(e.getValue());
            Text flag = Shapes.text("⚑" + c.group(), 0, 0, "marker-label", "anim-label");
            add(flag);
            all.getChildren().add(fly(flag, new Point2D(fromX + 4, row.top() + row.height() - 14),
                    new Point2D(toX + 4, row.top() + row.height() - 14), SHORT));
        }
        return all.getChildren().isEmpty() ? caption() : all;
    }

    /** "payments-3" -> payments, 3 (the last dash splits: topic names may hold dashes). */
    static TopicPartition parse(String s) {
        int dash = s.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            return new TopicPartition(s.substring(0, dash), Integer.parseInt(s.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Transition chips(String consumer, List<String> partitions, boolean assigned) {
        ParallelTransition all = new ParallelTransition();
        Point2D port = canvas.consumerPort(consumer);
        int i = 0;
        for (String s : partitions) {
            TopicPartition tp = parse(s);
            LogRow row = tp == null ? null : canvas.partitionRow(tp.topic(), tp.partition());
            if (row == null || i >= MAX_FLYING) {
                continue;
            }
            Point2D edge = new Point2D(row.right() + 40, row.centerY());
            Text chip = Shapes.text((assigned ? "" : "✗ ") + "P" + tp.partition(), 0, 0, "marker-label",
                    assigned ? "anim-label" : "anim-warning");
            add(chip);
            TranslateTransition t = assigned ? fly(chip, edge, port, FLY) : fly(chip, port, edge, FLY);
            t.setDelay(Duration.millis(50 * i++));
            all.getChildren().add(t);
            if (!assigned) {
                FadeTransition f = new FadeTransition(FLY, chip);
                f.setToValue(0.1);
                all.getChildren().add(f);
            }
        }
        return all.getChildren().isEmpty() ? caption() : all;
    }

    /** For tests: the overlay's shapes. */
    public List<Node> overlayNodes() {
        return List.copyOf(canvas.overlay().getChildren());
    }

}
