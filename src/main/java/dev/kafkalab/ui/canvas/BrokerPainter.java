package dev.kafkalab.ui.canvas;

import dev.kafkalab.ui.model.CanvasTarget;
import dev.kafkalab.engine.Broker;
import dev.kafkalab.engine.Replica;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.ui.model.ClusterSnapshot.BrokerView;
import dev.kafkalab.ui.model.ClusterSnapshot.PartitionView;
import dev.kafkalab.ui.model.ClusterSnapshot.RecordView;
import dev.kafkalab.ui.model.ClusterSnapshot.ReplicaView;
import dev.kafkalab.ui.model.ClusterSnapshot.TopicView;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the KRaft controller apart and each broker as a labelled box holding its replicas. A leader
 * replica has a solid border and a crown badge "L"; a follower a dashed border and an "F" badge; an
 * in-sync replica says "ISR ✓", one out of sync says so in words. A broker that is down is greyed out
 * and labelled with its state.
 */
final class BrokerPainter {
    static final double MIN_BOX_W = 260;
    static final double HEADER_H = 34;
    static final double ROW_H = 24;
    static final double ROW_GAP = 4;
    static final double NAME_W = 86;
    static final double BADGE_W = 30;
    static final double STATUS_W = 84;
    static final double MINI_SLOT = 15;
    static final double MINI_R = 5.5;
    /** Above this many brokers, or replicas on one broker, replicas are drawn as small chips in a grid. */
    static final int COMPACT_BROKERS = 6;
    static final int COMPACT_REPLICAS = 8;
    static final double COMPACT_MIN_BOX_W = 240;
    static final double CHIP_W = 84;
    static final double CHIP_H = 22;
    static final double CHIP_GAP = 4;

    private final ClusterCanvas canvas;
    private final Pane pane;
    private final ClusterSnapshot snapshot;
    private boolean compact;

    BrokerPainter(ClusterCanvas canvas, Pane pane, ClusterSnapshot snapshot) {
        this.canvas = canvas;
        this.pane = pane;
        this.snapshot = snapshot;
    }

    /** @return the bottom of the drawn zone */
    double paint(double x, double y, double w) {
        pane.getChildren().add(Shapes.text("Brokers", x, y + 16, "zone-title"));
        double cw = 210;
        Rectangle controller = Shapes.box(x + w - cw, y, cw, 26, "controller");
        Text ctext = Shapes.centred("Controller " + snapshot.controllerId() + " (KRaft)", x + w - cw / 2, y + 18,
                "box-label");
        Group c = new Group(controller, ctext);
        Tooltip.install(c, new Tooltip("The KRaft controller: it keeps the metadata, watches brokers' heartbeats, "
                + "fences silent brokers and elects partition leaders."));
        canvas.register("controller", c);
        pane.getChildren().add(c);
        y += 36;

        List<BrokerView> brokers = snapshot.brokers();
        compact = brokers.size() > COMPACT_BROKERS || mostReplicasOnOneBroker() > COMPACT_REPLICAS;
        double minW = compact ? COMPACT_MIN_BOX_W : MIN_BOX_W;
        int cols = (int) Math.max(1, Math.min(brokers.size(), Math.floor((w + ClusterCanvas.GAP)
                / (minW + ClusterCanvas.GAP))));
        double bw = (w - (cols - 1) * ClusterCanvas.GAP) / cols;
        double rowTop = y;
        double rowBottom = y;
        for (int i = 0; i < brokers.size(); i++) {
            int col = i % cols;
            if (col == 0 && i > 0) {
                rowTop = rowBottom + ClusterCanvas.GAP;
            }
            double bottom = paintBroker(brokers.get(i), x + col * (bw + ClusterCanvas.GAP), rowTop, bw);
            rowBottom = Math.max(rowBottom, bottom);
        }
        return rowBottom;
    }

    private int mostReplicasOnOneBroker() {
        int most = 0;
        for (BrokerView b : snapshot.brokers()) {
            int n = 0;
            for (TopicView t : snapshot.topics()) {
                if (!t.internal()) {
                    n += (int) t.partitions().stream().filter(p -> p.replicas().contains(b.id())).count();
                }
            }
            most = Math.max(most, n);
        }
        return most;
    }

    /** Whether replicas are drawn as chips (many brokers or many replicas per broker). */
    boolean compact() {
        return compact;
    }

    private double paintBroker(BrokerView b, double x, double y, double w) {
        List<PartitionView> hosted = new ArrayList<>();
        int internal = 0;
        int internalLeaders = 0;
        for (TopicView t : snapshot.topics()) {
            for (PartitionView p : t.partitions()) {
                if (!p.replicas().contains(b.id())) {
                    continue;
                }
                if (t.internal()) {
                    internal++;
                    internalLeaders += p.leader() == b.id() ? 1 : 0;
                } else {
                    hosted.add(p);
                }
            }
        }
        int chipsPerRow = (int) Math.max(1, Math.floor((w - 16 + CHIP_GAP) / (CHIP_W + CHIP_GAP)));
        double replicasH = compact ? Math.ceil(hosted.size() / (double) chipsPerRow) * (CHIP_H + CHIP_GAP)
                : hosted.size() * (ROW_H + ROW_GAP);
        double h = HEADER_H + replicasH + (internal > 0 ? 20 : 0) + 8;
        CanvasTarget target = new CanvasTarget.Broker(b.id());
        Rectangle box = Shapes.box(x, y, w, h, "broker");
        if (!b.isUp()) {
            box.getStyleClass().add("broker-down");
        }
        if (canvas.isSelected(target)) {
            box.getStyleClass().add("selected");
        }
        canvas.interactive(box, target);
        canvas.register(ClusterCanvas.id("broker", b.id()), box);
        canvas.registerBox("broker-" + b.id(), x, y, w, h);
        pane.getChildren().add(box);
        Text title = Shapes.text("Broker " + b.id(), x + 10, y + 21, "box-title");
        title.setMouseTransparent(true);
        pane.getChildren().add(title);
        String state = switch (b.state()) {
            case CRASHED -> "CRASHED";
            case SHUTDOWN -> "SHUT DOWN";
            case ISOLATED -> "ISOLATED";
            default -> "up";
        };
        String status = state + (b.fenced() ? " · fenced" : "");
        Text st = Shapes.right(status, x + w - 10, y + 21, "marker-label",
                b.isUp() && !b.fenced() ? "broker-up-label" : "broker-state-label");
        st.setMouseTransparent(true);
        canvas.register(ClusterCanvas.id("broker-state", b.id()), st);
        pane.getChildren().add(st);

        double ry = y + HEADER_H;
        if (compact) {
            for (int i = 0; i < hosted.size(); i++) {
                paintChip(hosted.get(i), b, x + 8 + (i % chipsPerRow) * (CHIP_W + CHIP_GAP),
                        ry + (i / chipsPerRow) * (CHIP_H + CHIP_GAP));
            }
            ry += replicasH;
        } else {
            for (PartitionView p : hosted) {
                paintReplica(p, b, x + 8, ry, w - 16);
                ry += ROW_H + ROW_GAP;
            }
        }
        if (internal > 0) {
            Text t = Shapes.text("+ " + internal + " __consumer_offsets replicas (" + internalLeaders + " leaders)",
                    x + 10, ry + 12, "small-label", "muted-text");
            t.setMouseTransparent(true);
            pane.getChildren().add(t);
        }
        return y + h;
    }

    private void paintReplica(PartitionView p, BrokerView b, double x, double y, double w) {
        ReplicaView r = p.replica(b.id());
        boolean leader = p.leader() == b.id();
        boolean inSync = p.inSync(b.id());
        boolean offline = r == null || r.role() == Replica.Role.OFFLINE || b.state() == Broker.State.CRASHED
                || b.state() == Broker.State.SHUTDOWN;
        Rectangle row = Shapes.box(x, y, w, ROW_H, "replica", leader ? "leader" : "follower",
                inSync ? "in-sync" : "out-of-sync");
        if (offline) {
            row.getStyleClass().add("offline");
        }
        Group g = new Group(row);
        canvas.interactive(g, new CanvasTarget.Partition(p.topic(), p.index()), new CanvasTarget.Broker(b.id()));
        canvas.register(ClusterCanvas.id("replica", p.topic(), p.index(), b.id()), g);
        pane.getChildren().add(g);

        double cy = y + ROW_H / 2;
        Group badge = leader ? leaderBadge(x + 15, cy) : followerBadge(x + 15, cy);
        if (leader) {
            canvas.register(ClusterCanvas.id("leader-badge", p.topic(), p.index()), badge);
        }
        g.getChildren().add(badge);
        g.getChildren().add(Shapes.text(Shapes.shorten(p.topic(), 9) + "-" + p.index(), x + BADGE_W + 2, cy + 4,
                "box-label"));

        String statusText = offline ? "offline" : inSync ? "ISR ✓" : "out of sync";
        // a narrow box keeps room for the mini log, whose end is the LEO anyway
        boolean roomy = w - BADGE_W - NAME_W - STATUS_W >= 5 * MINI_SLOT;
        if (r != null && roomy) {
            statusText = "LEO " + r.logEndOffset() + " · " + statusText;
        }
        double statusW = roomy ? STATUS_W : Shapes.text(statusText, 0, 0, "small-label").getLayoutBounds().getWidth()
                + 10;
        g.getChildren().add(Shapes.right(statusText, x + w - 6, cy + 4, "small-label",
                inSync && !offline ? "isr-text" : "warning-text"));
        Tooltip.install(row, new Tooltip(p.topic() + "-" + p.index() + " on broker " + b.id() + ": "
                + (leader ? "leader" : "follower") + ", " + (offline ? "offline" : inSync ? "in sync" : "out of sync")
                + (r == null ? "" : ", LEO " + r.logEndOffset() + ", HW " + r.highWatermark())));
        if (r == null) {
            return;
        }
        double x0 = x + BADGE_W + NAME_W;
        int slots = (int) Math.max(2, Math.min(12, Math.floor((w - BADGE_W - NAME_W - statusW) / MINI_SLOT)));
        long end = r.logEndOffset();
        long start = Math.max(r.logStartOffset(), end - (slots - 1));
        LogRow lr = new LogRow(x0, MINI_SLOT, slots, start, end, cy, y, ROW_H);
        canvas.registerRow(p.topic() + "/" + p.index() + "/" + b.id(), lr);
        if (start > r.logStartOffset()) {
            g.getChildren().add(Shapes.right("…", x0 - 1, cy + 4, "small-label", "muted-text"));
        }
        for (long o = start; o < end; o++) {
            RecordView rec = r.record(o);
            if (rec == null) {
                Circle gap = new Circle(lr.slotCenter(o), cy, 2);
                gap.getStyleClass().add("gap-slot");
                g.getChildren().add(gap);
                continue;
            }
            Polygon d = Shapes.diamond(MINI_R, rec.key());
            if (o >= r.highWatermark()) {
                d.getStyleClass().add("uncommitted");
            }
            d.setLayoutX(lr.slotCenter(o));
            d.setLayoutY(cy);
            canvas.register(ClusterCanvas.id("replica-diamond", p.topic(), p.index(), b.id(), o), d);
            g.getChildren().add(d);
        }
        for (long base : r.segmentBaseOffsets()) {
            if (base > start && base <= end) {
                double sx = lr.boundary(base);
                g.getChildren().add(Shapes.line(sx, y + 5, sx, y + ROW_H - 5, "segment-tick"));
            }
        }
        double hx = lr.boundary(r.highWatermark());
        g.getChildren().add(Shapes.line(hx, y + 3, hx, y + ROW_H - 3, "hw-tick"));
    }

    /**
     * One replica as a chip: the leader or follower badge, "topic-partition", a warning sign when out of
     * sync. Its log is a single point, so copies and the leader badge still have somewhere to fly.
     */
    private void paintChip(PartitionView p, BrokerView b, double x, double y) {
        ReplicaView r = p.replica(b.id());
        boolean leader = p.leader() == b.id();
        boolean inSync = p.inSync(b.id());
        boolean offline = r == null || r.role() == Replica.Role.OFFLINE || b.state() == Broker.State.CRASHED
                || b.state() == Broker.State.SHUTDOWN;
        Rectangle chip = Shapes.box(x, y, CHIP_W, CHIP_H, "replica", "replica-chip", leader ? "leader" : "follower",
                inSync ? "in-sync" : "out-of-sync");
        if (offline) {
            chip.getStyleClass().add("offline");
        }
        Group g = new Group(chip);
        canvas.interactive(g, new CanvasTarget.Partition(p.topic(), p.index()), new CanvasTarget.Broker(b.id()));
        canvas.register(ClusterCanvas.id("replica", p.topic(), p.index(), b.id()), g);
        pane.getChildren().add(g);
        double cy = y + CHIP_H / 2;
        double bx = x + 11;
        Group badge = leader ? leaderBadge(bx, cy) : followerBadge(bx, cy);
        badge.setScaleX(0.75);
        badge.setScaleY(0.75);
        if (leader) {
            canvas.register(ClusterCanvas.id("leader-badge", p.topic(), p.index()), badge);
        }
        g.getChildren().add(badge);
        String name = Shapes.shorten(p.topic(), 6) + "-" + p.index() + (offline ? " ✗" : inSync ? "" : " ⚠");
        g.getChildren().add(Shapes.text(name, x + 22, cy + 4, "small-label", inSync && !offline ? "box-label"
                : "warning-text"));
        Tooltip.install(g, new Tooltip(p.topic() + "-" + p.index() + " on broker " + b.id() + ": "
                + (leader ? "leader" : "follower") + ", " + (offline ? "offline" : inSync ? "in sync" : "out of sync")
                + (r == null ? "" : ", LEO " + r.logEndOffset() + ", HW " + r.highWatermark())));
        if (r != null) {
            canvas.registerRow(p.topic() + "/" + p.index() + "/" + b.id(), new LogRow(bx + 20, 0, 1,
                    r.logStartOffset(), r.logEndOffset(), cy, y, CHIP_H));
        }
    }

    /** A filled badge with a small crown over an "L": the leader, recognisable without colour. */
    static Group leaderBadge(double cx, double cy) {
        Circle c = new Circle(cx, cy, 9.5);
        c.getStyleClass().add("leader-badge");
        Polygon crown = new Polygon(cx - 6, cy - 6, cx - 6, cy - 12, cx - 3, cy - 9, cx, cy - 13, cx + 3, cy - 9,
                cx + 6, cy - 12, cx + 6, cy - 6);
        crown.getStyleClass().add("crown");
        Text l = Shapes.centred("L", cx, cy + 4, "badge-text", "leader-badge-text");
        Group g = new Group(c, l, crown);
        g.getStyleClass().add("leader-badge-group");
        Tooltip.install(g, new Tooltip("Leader: producers write here, followers copy from here"));
        return g;
    }

    /** An outlined badge with "F": a follower. */
    static Group followerBadge(double cx, double cy) {
        Circle c = new Circle(cx, cy, 9);
        c.getStyleClass().add("follower-badge");
        Text f = Shapes.centred("F", cx, cy + 4, "badge-text", "follower-badge-text");
        Group g = new Group(c, f);
        Tooltip.install(g, new Tooltip("Follower: copies the leader's log"));
        return g;
    }
}
