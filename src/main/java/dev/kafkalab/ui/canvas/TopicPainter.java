package dev.kafkalab.ui.canvas;

import dev.kafkalab.ui.model.CanvasTarget;
import dev.kafkalab.engine.TopicPartition;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.ui.model.ClusterSnapshot.GroupView;
import dev.kafkalab.ui.model.ClusterSnapshot.PartitionView;
import dev.kafkalab.ui.model.ClusterSnapshot.RecordView;
import dev.kafkalab.ui.model.ClusterSnapshot.ReplicaView;
import dev.kafkalab.ui.model.ClusterSnapshot.TopicView;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws a topic as a rectangle divided into partition rows; each row is an append-only log of
 * diamonds numbered left to right, with the log start, the high watermark line, every replica's log
 * end offset and each group's committed offset marked. Only the newest offsets that fit are drawn.
 */
final class TopicPainter {
    static final double TITLE_H = 30;
    static final double LABEL_W = 86;
    static final double EARLIER_W = 50;
    static final double SLOT_W = 46;
    static final double RADIUS = 11;
    static final double ROW_H = 94;
    static final double ROW_GAP = 6;
    static final int MAX_SLOTS = 16;
    /** With more partitions than this (all topics together), topics get compact rows in columns. */
    static final int COMPACT_ABOVE = 12;
    static final double COMPACT_ROW_H = 46;
    static final double COMPACT_LABEL_W = 66;
    static final double COMPACT_EARLIER_W = 40;
    static final double COMPACT_SLOT_W = 28;
    static final double COMPACT_RADIUS = 9;
    /** A column of compact rows is at least this wide; a wide topic gets several columns. */
    static final double COMPACT_COLUMN_W = 290;

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.ENGLISH);

    private final ClusterCanvas canvas;
    private final Pane pane;
    private final ClusterSnapshot snapshot;
    private final Map<TopicPartition, Point2D> rowRightEdges = new LinkedHashMap<>();

    TopicPainter(ClusterCanvas canvas, Pane pane, ClusterSnapshot snapshot) {
        this.canvas = canvas;
        this.pane = pane;
        this.snapshot = snapshot;
    }

    /** Whether topics are drawn compact: more partitions in all than fit as full rows. */
    static boolean compact(ClusterSnapshot s) {
        int partitions = 0;
        for (TopicView t : s.topics()) {
            partitions += t.internal() ? 0 : t.partitions().size();
        }
        return partitions > COMPACT_ABOVE;
    }

    Map<TopicPartition, Point2D> rowRightEdges() {
        return rowRightEdges;
    }

    /** @return the bottom of the drawn topic */
    double paint(TopicView t, double x, double y, double w) {
        CanvasTarget target = new CanvasTarget.Topic(t.name());
        if (t.internal()) {
            Rectangle box = Shapes.box(x, y, w, 34, "topic", "internal-topic");
            canvas.interactive(box, target);
            pane.getChildren().addAll(box, Shapes.fitWidth(Shapes.text(t.name() + " · " + t.partitions().size()
                    + " partitions · internal: where groups' committed offsets are stored", x + 10, y + 22,
                    "box-label", "muted-text"), w - 20));
            canvas.register(ClusterCanvas.id("topic", t.name()), box);
            canvas.registerBox("topic-" + t.name(), x, y, w, 34);
            return y + 34;
        }
        boolean compact = compact(snapshot);
        double rowH = compact ? COMPACT_ROW_H : ROW_H;
        int n = t.partitions().size();
        // compact rows go in columns, partition order running down each column
        int cols = compact ? (int) Math.max(1, Math.min(n, Math.floor((w - 12 + ROW_GAP) / (COMPACT_COLUMN_W
                + ROW_GAP)))) : 1;
        int perColumn = (n + cols - 1) / cols;
        double colW = (w - 12 - (cols - 1) * ROW_GAP) / cols;
        double h = TITLE_H + perColumn * (rowH + ROW_GAP) + ROW_GAP;
        Rectangle box = Shapes.box(x, y, w, h, "topic");
        if (canvas.isSelected(target)) {
            box.getStyleClass().add("selected");
        }
        canvas.interactive(box, target);
        canvas.dropTarget(box, target);
        canvas.register(ClusterCanvas.id("topic", t.name()), box);
        canvas.registerBox("topic-" + t.name(), x, y, w, h);
        pane.getChildren().add(box);
        Text title = Shapes.text("Topic " + t.name(), x + 10, y + 20, "box-title");
        String facts = n + (n == 1 ? " partition" : " partitions") + " · replication factor " + t.replicationFactor()
                + (t.compacted() ? " · compacted" : "") + (compact ? " · compact view: click a row for details" : "");
        double factsX = x + 20 + title.getLayoutBounds().getWidth();
        pane.getChildren().addAll(title, Shapes.fitWidth(Shapes.text(facts, factsX, y + 20, "small-label",
                "muted-text"), x + w - 8 - factsX));
        for (int i = 0; i < n; i++) {
            double rowX = x + 6 + (i / perColumn) * (colW + ROW_GAP);
            double rowY = y + TITLE_H + (i % perColumn) * (rowH + ROW_GAP);
            if (compact) {
                paintCompactPartition(t.partitions().get(i), rowX, rowY, colW, rowH);
            } else {
                paintPartition(t.partitions().get(i), rowX, rowY, colW, rowH);
            }
        }
        return y + h;
    }

    private Rectangle partitionBox(PartitionView p, double x, double y, double w, double h) {
        CanvasTarget target = new CanvasTarget.Partition(p.topic(), p.index());
        Rectangle row = Shapes.box(x, y, w, h, "partition");
        if (canvas.isSelected(target)) {
            row.getStyleClass().add("selected");
        }
        canvas.interactive(row, target);
        canvas.register(ClusterCanvas.id("partition", p.topic(), p.index()), row);
        pane.getChildren().add(row);
        rowRightEdges.put(p.topicPartition(), new Point2D(x + w, y + h / 2));
        return row;
    }

    private void paintPartition(PartitionView p, double x, double y, double w, double h) {
        partitionBox(p, x, y, w, h);
        pane.getChildren().add(Shapes.text("P" + p.index(), x + 10, y + 22, "partition-name"));
        String leader = p.hasLeader() ? "leader b" + p.leader() : "no leader";
        Text leaderText = Shapes.text(leader, x + 10, y + 38, "small-label", p.hasLeader() ? "leader-text"
                : "warning-text");
        canvas.register(ClusterCanvas.id("partition-leader", p.topic(), p.index()), leaderText);
        pane.getChildren().add(leaderText);
        Text epoch = Shapes.text("epoch " + p.leaderEpoch(), x + 10, y + 52, "small-label", "muted-text");
        canvas.register(ClusterCanvas.id("partition-epoch", p.topic(), p.index()), epoch);
        pane.getChildren().addAll(epoch, Shapes.text("ISR " + brokers(p.isr()), x + 10, y + 66, "small-label",
                "muted-text"));

        ReplicaView log = p.displayLog();
        double x0 = x + LABEL_W + EARLIER_W;
        int slots = (int) Math.max(3, Math.min(MAX_SLOTS, Math.floor((w - LABEL_W - EARLIER_W - 6) / SLOT_W)));
        if (log == null) {
            pane.getChildren().add(Shapes.text("no replicas", x0, y + h / 2, "small-label", "muted-text"));
            return;
        }
        long end = log.logEndOffset();
        long start = Math.max(log.logStartOffset(), end - (slots - 1));
        double cy = y + 37;
        LogRow lr = new LogRow(x0, SLOT_W, slots, start, end, cy, y, h);
        canvas.registerRow(p.topic() + "/" + p.index(), lr);
        paintTrack(lr, RADIUS);
        paintSegments(p, log, lr, y + 14, y + h - 16, true);

        if (start > log.logStartOffset()) {
            Text dots = Shapes.centred("…", x + LABEL_W + EARLIER_W / 2, cy + 4, "box-title", "muted-text");
            Text earlier = Shapes.centred(COUNT.format(start - log.logStartOffset()) + " earlier",
                    x + LABEL_W + EARLIER_W / 2, cy + 18, "small-label", "muted-text");
            Group g = new Group(dots, earlier);
            g.getStyleClass().add("earlier-marker");
            canvas.register(ClusterCanvas.id("earlier", p.topic(), p.index()), g);
            pane.getChildren().add(g);
        }
        for (long o = start; o < end; o++) {
            RecordView r = log.record(o);
            double cx = lr.slotCenter(o);
            if (r == null) {
                Circle gap = new Circle(cx, cy, 3);
                gap.getStyleClass().add("gap-slot");
                pane.getChildren().add(gap);
                continue;
            }
            Group glyph = Shapes.recordGlyph(r, RADIUS, o < p.highWatermark());
            glyph.setLayoutX(cx);
            glyph.setLayoutY(cy);
            CanvasTarget rt = new CanvasTarget.Record(p.topic(), p.index(), o);
            if (canvas.isSelected(rt)) {
                glyph.getChildren().get(0).getStyleClass().add("selected");
            }
            canvas.interactive(glyph, rt);
            Tooltip.install(glyph, new Tooltip(describe(p, r)));
            canvas.register(ClusterCanvas.id("diamond", p.topic(), p.index(), o), glyph);
            pane.getChildren().add(glyph);
        }
        paintMarkers(p, log, lr, y, h);
    }

    /** The log's frame: a light track of slots, the next one dashed (the append position). */
    private void paintTrack(LogRow lr, double radius) {
        double cy = lr.centerY();
        Rectangle track = new Rectangle(lr.x0(), cy - radius - 3, (lr.end() - lr.start()) * lr.slotWidth(),
                2 * radius + 6);
        track.getStyleClass().add("log-track");
        track.setMouseTransparent(true);
        Rectangle next = new Rectangle(lr.slotLeft(lr.end()) + 4, cy - radius - 3, lr.slotWidth() - 8,
                2 * radius + 6);
        next.getStyleClass().add("next-slot");
        next.setMouseTransparent(true);
        pane.getChildren().addAll(track, next);
    }

    /**
     * A dashed divider where each segment of the log starts, labelled with its base offset (the name of
     * the segment's file) when {@code labelled}; segments that begin before the drawn window are not marked.
     */
    private void paintSegments(PartitionView p, ReplicaView log, LogRow lr, double top, double bottom,
                               boolean labelled) {
        List<Long> bases = log.segmentBaseOffsets();
        double hwLabelLeft = lr.boundary(p.highWatermark());
        double hwLabelRight = hwLabelLeft + 40;
        for (long base : bases) {
            if (base < lr.start() || base > lr.end()) {
                continue;
            }
            double bx = lr.boundary(base);
            Group g = new Group();
            g.getStyleClass().add("segment-marker");
            g.setMouseTransparent(true);
            g.getChildren().add(Shapes.line(bx, top, bx, bottom, "segment-divider"));
            if (labelled) {
                Text label = Shapes.text("seg " + base, bx + 3, top - 3, "marker-label", "segment-label");
                double right = label.getX() + label.getLayoutBounds().getWidth();
                // the HW label owns the spot right of its line; put this one left of the divider instead
                if (label.getX() < hwLabelRight && right > hwLabelLeft) {
                    label.setX(bx - 3 - label.getLayoutBounds().getWidth());
                }
                g.getChildren().add(label);
            }
            canvas.register(ClusterCanvas.id("segment", p.topic(), p.index(), base), g);
            pane.getChildren().add(g);
        }
    }

    /** A compact row: "P12" and its leader, then the newest diamonds with offsets and the HW line. */
    private void paintCompactPartition(PartitionView p, double x, double y, double w, double h) {
        Rectangle row = partitionBox(p, x, y, w, h);
        Tooltip.install(row, new Tooltip(p.topic() + "-" + p.index() + ": " + (p.hasLeader() ? "leader b" + p.leader()
                : "no leader") + ", epoch " + p.leaderEpoch() + ", ISR " + brokers(p.isr()) + ", HW "
                + p.highWatermark()));
        pane.getChildren().add(Shapes.text("P" + p.index(), x + 8, y + 18, "box-title"));
        Text leaderText = Shapes.text(p.hasLeader() ? "leader b" + p.leader() : "no leader", x + 8, y + 34,
                "small-label", p.hasLeader() ? "leader-text" : "warning-text");
        canvas.register(ClusterCanvas.id("partition-leader", p.topic(), p.index()), leaderText);
        pane.getChildren().add(leaderText);

        ReplicaView log = p.displayLog();
        double x0 = x + COMPACT_LABEL_W + COMPACT_EARLIER_W;
        int slots = (int) Math.max(3, Math.min(MAX_SLOTS, Math.floor((w - COMPACT_LABEL_W - COMPACT_EARLIER_W - 6)
                / COMPACT_SLOT_W)));
        if (log == null) {
            pane.getChildren().add(Shapes.text("no replicas", x0, y + h / 2, "small-label", "muted-text"));
            return;
        }
        long end = log.logEndOffset();
        long start = Math.max(log.logStartOffset(), end - (slots - 1));
        double cy = y + 24;
        LogRow lr = new LogRow(x0, COMPACT_SLOT_W, slots, start, end, cy, y, h);
        canvas.registerRow(p.topic() + "/" + p.index(), lr);
        paintTrack(lr, COMPACT_RADIUS);
        paintSegments(p, log, lr, y + 12, y + h - 4, false);
        if (start > log.logStartOffset()) {
            Text earlier = Shapes.centred("… " + COUNT.format(start - log.logStartOffset()),
                    x + COMPACT_LABEL_W + COMPACT_EARLIER_W / 2, cy + 4, "small-label", "muted-text");
            canvas.register(ClusterCanvas.id("earlier", p.topic(), p.index()), earlier);
            pane.getChildren().add(earlier);
        }
        for (long o = start; o < end; o++) {
            RecordView r = log.record(o);
            double cx = lr.slotCenter(o);
            if (r == null) {
                Circle gap = new Circle(cx, cy, 2.5);
                gap.getStyleClass().add("gap-slot");
                pane.getChildren().add(gap);
                continue;
            }
            Polygon d = Shapes.diamond(COMPACT_RADIUS, r.key());
            if (o >= p.highWatermark()) {
                d.getStyleClass().add("uncommitted");
            }
            Group glyph = new Group(d, Shapes.centred(Long.toString(o), 0, -COMPACT_RADIUS - 2, "offset-label"));
            glyph.setLayoutX(cx);
            glyph.setLayoutY(cy);
            CanvasTarget rt = new CanvasTarget.Record(p.topic(), p.index(), o);
            if (canvas.isSelected(rt)) {
                d.getStyleClass().add("selected");
            }
            canvas.interactive(glyph, rt);
            Tooltip.install(glyph, new Tooltip(describe(p, r)));
            canvas.register(ClusterCanvas.id("diamond", p.topic(), p.index(), o), glyph);
            pane.getChildren().add(glyph);
        }
        double hx = lr.boundary(p.highWatermark());
        Group hw = new Group(Shapes.line(0, y + 4, 0, y + h - 4, "hw-line"),
                Shapes.text("HW " + p.highWatermark(), 3, y + h - 3, "marker-label", "hw-label"));
        hw.setLayoutX(hx);
        hw.setMouseTransparent(true);
        canvas.register(ClusterCanvas.id("hw", p.topic(), p.index()), hw);
        pane.getChildren().add(hw);
    }

    /** HW line (top label), and below the log: log start, each replica's log end offset, committed offsets. */
    private void paintMarkers(PartitionView p, ReplicaView log, LogRow lr, double y, double h) {
        double hx = lr.boundary(p.highWatermark());
        Group hw = new Group(Shapes.line(0, y + 13, 0, y + h - 14, "hw-line"),
                Shapes.text("HW " + p.highWatermark(), 3, y + 11, "marker-label", "hw-label"));
        hw.setLayoutX(hx);
        hw.setMouseTransparent(true);
        canvas.register(ClusterCanvas.id("hw", p.topic(), p.index()), hw);
        pane.getChildren().add(hw);

        // markers below the log, grouped by x so equal offsets share one label
        Map<Long, List<String>> below = new TreeMap<>();
        if (lr.start() == log.logStartOffset()) {
            below.computeIfAbsent(log.logStartOffset(), k -> new ArrayList<>()).add("start");
        }
        Map<Long, List<Integer>> leos = new TreeMap<>();
        for (ReplicaView r : p.replicaViews()) {
            leos.computeIfAbsent(r.logEndOffset(), k -> new ArrayList<>()).add(r.broker());
        }
        for (Map.Entry<Long, List<Integer>> e : leos.entrySet()) {
            below.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add("LEO " + brokers(e.getValue()));
        }
        for (GroupView g : snapshot.groups()) {
            Long c = g.committed().get(p.topicPartition());
            if (c != null) {
                below.computeIfAbsent(c, k -> new ArrayList<>()).add("⚑" + g.id());
            }
        }
        double baseline = y + h - 4;
        double lastRight = -1;
        for (Map.Entry<Long, List<String>> e : below.entrySet()) {
            double bx = lr.boundary(e.getKey());
            Polygon tick = new Polygon(bx, baseline - 12, bx - 4, baseline - 6, bx + 4, baseline - 6);
            tick.getStyleClass().add("leo-marker");
            String text = String.join(" · ", e.getValue());
            Text label = Shapes.text(text, bx + 5, baseline, "marker-label", "leo-label");
            if (bx + 5 < lastRight + 4) {
                label.setY(baseline - 11);
                label.setX(Math.max(bx + 5, lastRight + 4));
            }
            double width = label.getLayoutBounds().getWidth();
            double rowRight = rowRightEdges.get(p.topicPartition()).getX() - 4;
            if (label.getX() + width > rowRight) {
                // keep it inside the row: end it at the row's edge, a line higher if that meets the previous one
                label.setX(rowRight - width);
                if (label.getX() < lastRight + 4) {
                    label.setY(baseline - 11);
                }
            }
            lastRight = label.getX() + width;
            canvas.register(ClusterCanvas.id("markers", p.topic(), p.index(), e.getKey()), label);
            pane.getChildren().addAll(tick, label);
        }
    }

    static String brokers(List<Integer> ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('b').append(id);
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static String describe(PartitionView p, RecordView r) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.topic()).append('-').append(p.index()).append(" offset ").append(r.offset()).append('\n');
        sb.append("key: ").append(r.key() == null ? "(none)" : '"' + r.key() + '"').append('\n');
        sb.append("value: ").append(r.value() == null ? "null (tombstone)" : '"' + Shapes.shorten(r.value(), 60) + '"')
                .append('\n');
        if (!r.headers().isEmpty()) {
            sb.append("headers: ").append(r.headers()).append('\n');
        }
        sb.append(r.sizeInBytes()).append(" bytes, leader epoch ").append(r.leaderEpoch());
        sb.append(r.offset() < p.highWatermark() ? "\ncommitted (below the high watermark)"
                : "\nnot committed yet: consumers cannot read it");
        return sb.toString();
    }
}
