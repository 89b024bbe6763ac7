package dev.kafkalab.ui.canvas;

import dev.kafkalab.ui.model.CanvasTarget;
import dev.kafkalab.engine.TopicPartition;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.ui.model.ClusterSnapshot.ConsumerView;
import dev.kafkalab.ui.model.ClusterSnapshot.GroupView;
import dev.kafkalab.ui.model.ClusterSnapshot.PendingRecord;
import dev.kafkalab.ui.model.ClusterSnapshot.ProducerView;
import dev.kafkalab.ui.model.ClusterSnapshot.TopicView;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Draws producers (left, with what waits in their accumulator) and consumers in their groups (right). */
final class ClientPainter {
    private final ClusterCanvas canvas;
    private final Pane pane;
    private final ClusterSnapshot snapshot;
    private final Map<String, Bounds> consumerBoxes = new LinkedHashMap<>();

    ClientPainter(ClusterCanvas canvas, Pane pane, ClusterSnapshot snapshot) {
        this.canvas = canvas;
        this.pane = pane;
        this.snapshot = snapshot;
    }

    double paintProducers(double x, double y, double w, Map<String, Double> topicTops, Map<String, String> bindings,
                          double topicX) {
        pane.getChildren().add(Shapes.text("Producers", x, y + 12, "zone-title"));
        y += 22;
        String firstTopic = snapshot.topics().stream().filter(t -> !t.internal()).map(TopicView::name)
                .findFirst().orElse(null);
        for (ProducerView p : snapshot.producers()) {
            double h = 74 + (p.accumulator().isEmpty() ? 0 : 22);
            CanvasTarget target = new CanvasTarget.Producer(p.id());
            Rectangle box = Shapes.box(x, y, w, h, "producer-box");
            if (canvas.isSelected(target)) {
                box.getStyleClass().add("selected");
            }
            Group g = new Group(box);
            g.getChildren().add(Shapes.fitWidth(Shapes.text(title("Producer", p.id()), x + 8, y + 18, "box-title"),
                    w - 14));
            g.getChildren().add(Shapes.text("acks=" + p.acks(), x + 8, y + 35, "box-label"));
            String keyless = switch (p.partitioner()) {
                case "round-robin" -> "round-robin";
                case "legacy" -> "keyless: round robin";
                default -> "keyless: sticky";
            };
            g.getChildren().add(Shapes.text(keyless, x + 8, y + 50, "small-label", "muted-text"));
            g.getChildren().add(Shapes.text("✓ " + p.acked() + "   ✗ " + p.failed(), x + 8, y + 66, "small-label",
                    p.failed() > 0 ? "warning-text" : "muted-text"));
            if (!p.accumulator().isEmpty()) {
                paintAccumulator(g, p.accumulator(), x + 8, y + 84, w - 16);
            }
            canvas.interactive(g, target);
            canvas.register(ClusterCanvas.id("producer", p.id()), g);
            canvas.registerBox("producer-" + p.id(), x, y, w, h);
            String topic = bindings.getOrDefault(p.id(), firstTopic);
            Double top = topic == null ? null : topicTops.get(topic);
            if (top != null) {
                Line arrow = Shapes.line(x + w, y + 30, topicX - 6, top + 18, "produce-arrow");
                Polygon head = new Polygon(topicX, top + 18, topicX - 9, top + 13, topicX - 9, top + 23);
                head.getStyleClass().add("produce-arrow-head");
                pane.getChildren().addAll(arrow, head);
            }
            pane.getChildren().add(g);
            y += h + 12;
        }
        return y;
    }

    /** "Producer pos", but "producer-1" alone: the id already says what it is. */
    private static String title(String kind, String id) {
        return id.toLowerCase(java.util.Locale.ROOT).startsWith(kind.toLowerCase(java.util.Locale.ROOT)) ? id
                : kind + " " + id;
    }

    private static void paintAccumulator(Group g, List<PendingRecord> acc, double x, double y, double w) {
        g.getChildren().add(Shapes.text("batch", x, y + 4, "small-label", "muted-text"));
        int max = (int) ((w - 40) / 15);
        for (int i = 0; i < Math.min(max, acc.size()); i++) {
            Polygon d = Shapes.diamond(6, acc.get(i).key());
            d.setLayoutX(x + 42 + i * 15);
            d.setLayoutY(y);
            g.getChildren().add(d);
        }
        if (acc.size() > max) {
            g.getChildren().add(Shapes.text("+" + (acc.size() - max), x + 42 + max * 15, y + 4, "small-label"));
        }
    }

    double paintConsumers(double x, double y, double w) {
        pane.getChildren().add(Shapes.text("Consumers", x, y + 12, "zone-title"));
        y += 22;
        Map<String, List<ConsumerView>> byGroup = new TreeMap<>();
        List<ConsumerView> alone = new ArrayList<>();
        for (ConsumerView c : snapshot.consumers()) {
            if (c.group() == null) {
                alone.add(c);
            } else {
                byGroup.computeIfAbsent(c.group(), k -> new ArrayList<>()).add(c);
            }
        }
        for (GroupView g : snapshot.groups()) {
            byGroup.computeIfAbsent(g.id(), k -> new ArrayList<>());
        }
        for (Map.Entry<String, List<ConsumerView>> e : byGroup.entrySet()) {
            y = paintGroup(e.getKey(), e.getValue(), x, y, w) + 12;
        }
        for (ConsumerView c : alone) {
            y = paintConsumer(c, c.assignment(), false, false, x, y, w) + 10;
        }
        if (snapshot.consumers().isEmpty()) {
            pane.getChildren().add(Shapes.text("none yet", x, y + 10, "small-label", "muted-text"));
            y += 20;
        }
        return y;
    }

    private double paintGroup(String id, List<ConsumerView> members, double x, double y, double w) {
        GroupView g = snapshot.group(id);
        CanvasTarget target = new CanvasTarget.Group(id);
        Rectangle box = Shapes.box(x, y, w, 10, "group-box");
        if (canvas.isSelected(target)) {
            box.getStyleClass().add("selected");
        }
        canvas.interactive(box, target);
        canvas.dropTarget(box, target);
        canvas.register(ClusterCanvas.id("group", id), box);
        pane.getChildren().add(box);
        pane.getChildren().add(Shapes.fitWidth(Shapes.text("Group " + id, x + 8, y + 18, "box-title"), w - 14));
        String facts = g == null ? "not formed yet"
                : ("classic".equals(g.protocol()) ? "generation " : "epoch ") + g.generation() + " · " + g.state();
        pane.getChildren().add(Shapes.text(facts, x + 8, y + 34, "small-label", "muted-text"));
        double my = y + 42;
        for (ConsumerView c : members) {
            List<TopicPartition> owned = g == null ? c.assignment()
                    : g.assignment().getOrDefault(c.id(), c.assignment());
            // a consumer that left (or whose join is still on its way) is no member of the group
            boolean outside = g != null && !c.closed() && !g.assignment().containsKey(c.id());
            boolean settled = g != null && g.state().equals("Stable");
            my = paintConsumer(c, owned, outside, settled, x + 8, my, w - 16) + 6;
        }
        double h = Math.max(48, my - y + 2);
        box.setHeight(h);
        canvas.registerBox("group-" + id, x, y, w, h);
        return y + h;
    }

    /**
     * @param outside not a member of its group (left, or its join is on its way)
     * @param settled its group is stable: owning nothing then means idle, not "not yet"
     */
    private double paintConsumer(ConsumerView c, List<TopicPartition> owned, boolean outside, boolean settled,
                                 double x, double y, double w) {
        CanvasTarget target = new CanvasTarget.Consumer(c.id());
        // a closed (left or killed) consumer owns nothing any more, whatever it held when it stopped
        List<String> lines = c.closed() ? List.of("owns nothing (stopped)")
                : outside ? List.of(settled ? "not in the group now" : "joining the group…")
                : owned.isEmpty() && settled ? List.of("idle: owns nothing") : ownedLines(owned, w - 16);
        double h = 40 + lines.size() * 15;
        Rectangle box = Shapes.box(x, y, w, h, "consumer-box");
        if (c.closed()) {
            box.getStyleClass().add("consumer-closed");
        }
        if (canvas.isSelected(target)) {
            box.getStyleClass().add("selected");
        }
        Group grp = new Group(box);
        grp.getChildren().add(Shapes.fitWidth(Shapes.text((c.closed() ? "✗ " : "") + title("Consumer", c.id()),
                x + 8, y + 17, "box-title"), w - 14));
        grp.getChildren().add(Shapes.text(c.closed() ? "closed" : "read " + c.recordsConsumed() + " records", x + 8,
                y + 32, "small-label", "muted-text"));
        double ly = y + 47;
        for (String line : lines) {
            grp.getChildren().add(Shapes.text(line, x + 8, ly, "small-label", "owner-text"));
            ly += 15;
        }
        canvas.interactive(grp, target);
        canvas.register(ClusterCanvas.id("consumer", c.id()), grp);
        canvas.registerBox("consumer-" + c.id(), x, y, w, h);
        consumerBoxes.put(c.id(), canvas.box("consumer-" + c.id()));
        pane.getChildren().add(grp);
        return y + h;
    }

    /** "owns payments:" then "P0 P1 P2 ..." as many partitions a line as fit in {@code width}. */
    private static List<String> ownedLines(List<TopicPartition> owned, double width) {
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        for (TopicPartition tp : owned) {
            byTopic.computeIfAbsent(tp.topic(), k -> new ArrayList<>()).add(tp.partition());
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byTopic.entrySet()) {
            out.add("owns " + Shapes.shorten(e.getKey(), 16) + ":");
            StringBuilder sb = new StringBuilder("  ");
            for (int p : e.getValue()) {
                String next = sb + " P" + p;
                if (sb.length() > 2 && Shapes.text(next, 0, 0, "small-label").getLayoutBounds().getWidth() > width) {
                    out.add(sb.toString());
                    sb = new StringBuilder("  ");
                }
                sb.append(" P").append(p);
            }
            out.add(sb.toString());
        }
        if (out.isEmpty()) {
            out.add("owns nothing yet");
        }
        return out;
    }

    /** Thin lines from each partition row to the consumer that owns it (the course's ownership picture). */
    void paintOwnership(Map<TopicPartition, Point2D> rowEdges) {
        List<Line> lines = new ArrayList<>();
        for (ConsumerView c : snapshot.consumers()) {
            Bounds b = consumerBoxes.get(c.id());
            if (b == null || c.closed()) {
                continue;
            }
            for (TopicPartition tp : c.assignment()) {
                Point2D from = rowEdges.get(tp);
                if (from != null) {
                    double toY = Math.max(b.getMinY() + 10, Math.min(b.getMaxY() - 10, from.getY()));
                    Line l = Shapes.line(from.getX(), from.getY(), b.getMinX(), toY, "ownership-line");
                    l.setMouseTransparent(true);
                    lines.add(l);
                }
            }
        }
        pane.getChildren().addAll(0, lines);
        // keep the background first
        pane.getChildren().stream().filter(n -> n.getStyleClass().contains("canvas-background")).findFirst()
                .ifPresent(Node::toBack);
    }
}
