package dev.kafkalab.ui.canvas;

import dev.kafkalab.ui.model.CanvasTarget;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.ui.model.ClusterSnapshot.BrokerView;
import dev.kafkalab.ui.model.ClusterSnapshot.TopicView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The live picture of the cluster in the language of Confluent's Kafka 101 course: producers on the
 * left, topics as rectangles of partition logs in the middle, consumers and their groups on the right,
 * and below them the brokers holding each partition's replicas, with the KRaft controller apart.
 * Drawn from a {@link ClusterSnapshot}; animations draw on {@link #overlay()} and find their way with
 * the geometry lookups here.
 */
public final class ClusterCanvas extends Pane {
    static final double PAD = 14;
    static final double GAP = 24;
    static final double PRODUCER_W = 124;
    static final double CONSUMER_W = 168;
    public static final double MIN_WIDTH = 640;

    /** Drops of a dragged item (a canvas box or a palette entry) onto a target: null = fine, else why not. */
    public interface DropHandler {
        /** Whether {@code payload} may be dropped on {@code target}: null when it may, else the reason. */
        String check(String payload, CanvasTarget target);

        void drop(String payload, CanvasTarget target);
    }

    private final Pane content = new Pane();
    private final Pane overlay = new Pane();
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, LogRow> rows = new HashMap<>();
    private final Map<String, Bounds> boxes = new HashMap<>();
    private final ObjectProperty<CanvasTarget> selection = new SimpleObjectProperty<>(this, "selection");
    private ClusterSnapshot snapshot;
    private Map<String, String> bindings = Map.of();
    private double layoutWidth = 1000;
    private boolean holdFirstDraw;
    private double brokersTop;
    private Function<CanvasTarget, ContextMenu> menus = t -> null;
    private DropHandler dropHandler;
    private ContextMenu openMenu;
    private final List<DropArea> dropAreas = new ArrayList<>();
    private BiFunction<String, CanvasTarget, Void> dropRefused = (p, t) -> null;

    public ClusterCanvas() {
        getStyleClass().add("cluster-canvas");
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        content.setPickOnBounds(false);
        // the picture changes only on redraw: keep it as a bitmap while shapes fly over it
        content.setCache(true);
        getChildren().setAll(content, overlay);
        selection.addListener((obs, was, now) -> redraw());
        installDropHandling();
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getTarget() == this) {
                selection.set(null);
            }
        });
    }

    /** Draws the cluster as it is in {@code s}; the overlay is cleared. */
    public void setSnapshot(ClusterSnapshot s) {
        this.snapshot = s;
        if (!holdFirstDraw) {
            redraw();
        }
    }

    /**
     * Draws nothing until the canvas knows its width (from {@link #setLayoutWidth} or its first layout):
     * a window opening draws its picture once, at the right width, instead of at a guess and then again.
     */
    public void holdFirstDrawUntilLaidOut() {
        holdFirstDraw = true;
    }

    private void releaseFirstDraw() {
        if (holdFirstDraw) {
            holdFirstDraw = false;
            redraw();
        }
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    /** Producer id -> topic it was dragged onto; unbound producers point at the first topic. */
    public void setBindings(Map<String, String> bindings) {
        this.bindings = Map.copyOf(bindings);
    }

    /** The width to lay out for (the viewport's); the picture never gets narrower than {@link #MIN_WIDTH}. */
    public void setLayoutWidth(double w) {
        double clamped = Math.max(MIN_WIDTH, Math.floor(w));
        if (Math.abs(clamped - layoutWidth) >= 1) {
            layoutWidth = clamped;
            holdFirstDraw = false;
            redraw();
        } else {
            releaseFirstDraw();
        }
    }

    public double layoutWidth() {
        return layoutWidth;
    }

    /** Where the brokers' zone starts, in picture coordinates (before any scaling). */
    public double brokersTop() {
        return brokersTop;
    }

    /** Height of the picture as laid out now (before any scaling). */
    public double pictureHeight() {
        return getPrefHeight();
    }

    /**
     * The largest scale, between {@code min} and 1, at which the whole picture fits a viewport of
     * {@code viewportW} × {@code viewportH}; the picture is laid out for that scale (a narrower scale
     * lays out wider, so brokers go side by side). When even {@code min} does not fit, {@code min}.
     */
    public double fitScale(double viewportW, double viewportH, double min) {
        if (fits(1, viewportW, viewportH)) {
            return 1;
        }
        if (!fits(min, viewportW, viewportH)) {
            return min;
        }
        double lo = min;
        double hi = 1;
        // each probe lays the picture out again: a few probes give the scale to within 2%
        for (int i = 0; i < 5; i++) {
            double mid = (lo + hi) / 2;
            if (fits(mid, viewportW, viewportH)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        setLayoutWidth(viewportW / lo - 2);
        return lo;
    }

    private boolean fits(double scale, double viewportW, double viewportH) {
        setLayoutWidth(viewportW / scale - 2);
        return (layoutWidth + 2) * scale <= viewportW + 0.5 && (pictureHeight() + 2) * scale <= viewportH + 0.5;
    }

    public void setContextMenus(Function<CanvasTarget, ContextMenu> menus) {
        this.menus = menus;
    }

    public void setDropHandler(DropHandler handler, BiFunction<String, CanvasTarget, Void> refused) {
        this.dropHandler = handler;
        this.dropRefused = refused;
    }

    public ObjectProperty<CanvasTarget> selectionProperty() {
        return selection;
    }

    /** Where animations put their moving shapes; same coordinates as the picture. */
    public Pane overlay() {
        return overlay;
    }

    // ------------------------------------------------------------------ lookups for animations and tests

    /** A drawn node by id, e.g. {@code diamond-payments-3-0}, {@code broker-1}, {@code hw-payments-0}. */
    public Node node(String id) {
        return nodes.get(id);
    }

    public List<String> nodeIds() {
        return new ArrayList<>(nodes.keySet());
    }

    /** The topic view's log of a partition. */
    public LogRow partitionRow(String topic, int partition) {
        return rows.get(topic + "/" + partition);
    }

    /** The log of one replica, inside its broker's box. */
    public LogRow replicaRow(String topic, int partition, int broker) {
        return rows.get(topic + "/" + partition + "/" + broker);
    }

    public Bounds box(String id) {
        return boxes.get(id);
    }

    /** Right-middle of a producer's box: where its records leave. */
    public Point2D producerPort(String id) {
        Bounds b = boxes.get("producer-" + id);
        return b == null ? new Point2D(PAD, PAD) : new Point2D(b.getMaxX(), b.getMinY() + 30);
    }

    /** Left-middle of a consumer's box: where read copies arrive. */
    public Point2D consumerPort(String id) {
        Bounds b = boxes.get("consumer-" + id);
        return b == null ? new Point2D(layoutWidth - PAD, PAD) : new Point2D(b.getMinX() + 12, b.getMinY() + 24);
    }

    static String id(String kind, Object... parts) {
        StringBuilder sb = new StringBuilder(kind);
        for (Object p : parts) {
            sb.append('-').append(p);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ drawing

    void register(String id, Node n) {
        n.setId(id);
        nodes.put(id, n);
    }

    void registerRow(String key, LogRow row) {
        rows.put(key, row);
    }

    void registerBox(String id, double x, double y, double w, double h) {
        boxes.put(id, new BoundingBox(x, y, w, h));
    }

    boolean isSelected(CanvasTarget t) {
        return t != null && t.equals(selection.get());
    }

    /** Makes a node selectable, right-clickable, and (for producers, consumers) draggable. */
    void interactive(Node n, CanvasTarget target) {
        interactive(n, target, target);
    }

    /** As above, with a different target for the context menu (a replica row: select its partition, act on its broker). */
    void interactive(Node n, CanvasTarget target, CanvasTarget menuTarget) {
        n.setUserData(target);
        // a secondary click, not CONTEXT_MENU_REQUESTED: the headless platform never sends the latter
        n.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                selection.set(target);
                e.consume();
            } else if (e.getButton() == MouseButton.SECONDARY) {
                ContextMenu menu = menus.apply(menuTarget);
                if (openMenu != null) {
                    openMenu.hide();
                }
                openMenu = menu;
                if (menu != null) {
                    menu.show(n, e.getScreenX(), e.getScreenY());
                }
                e.consume();
            }
        });
        if (target instanceof CanvasTarget.Producer || target instanceof CanvasTarget.Consumer) {
            n.setOnDragDetected(e -> {
                Dragboard db = n.startDragAndDrop(TransferMode.LINK);
                ClipboardContent c = new ClipboardContent();
                c.putString(target instanceof CanvasTarget.Producer p ? "producer:" + p.id()
                        : "consumer:" + ((CanvasTarget.Consumer) target).id());
                db.setContent(c);
                e.consume();
            });
        }
    }

    /** Registers a drop area: while something droppable hovers over it, {@code n} lights up. */
    void dropTarget(Node n, CanvasTarget target) {
        dropAreas.add(new DropArea(n, target));
    }

    private record DropArea(Node node, CanvasTarget target) {
    }

    /** The innermost drop area under (x, y), by hit-testing bounds: children on top must not hide it. */
    private DropArea dropAreaAt(double x, double y) {
        for (int i = dropAreas.size() - 1; i >= 0; i--) {
            DropArea a = dropAreas.get(i);
            if (a.node().getBoundsInParent().contains(x, y)) {
                return a;
            }
        }
        return null;
    }

    private String payload(DragEvent e) {
        return e.getDragboard().hasString() ? e.getDragboard().getString() : null;
    }

    private void installDropHandling() {
        addEventHandler(DragEvent.DRAG_OVER, e -> {
            String payload = payload(e);
            DropArea a = dropAreaAt(e.getX(), e.getY());
            CanvasTarget target = a == null ? new CanvasTarget.Canvas() : a.target();
            boolean ok = payload != null && dropHandler != null && dropHandler.check(payload, target) == null;
            if (payload != null && dropHandler != null) {
                e.acceptTransferModes(TransferMode.ANY);
            }
            highlight(a, ok);
            e.consume();
        });
        addEventHandler(DragEvent.DRAG_EXITED, e -> highlight(null, false));
        addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            String payload = payload(e);
            DropArea a = dropAreaAt(e.getX(), e.getY());
            highlight(null, false);
            CanvasTarget target = a == null ? new CanvasTarget.Canvas() : a.target();
            boolean done = false;
            if (payload != null && dropHandler != null) {
                String why = dropHandler.check(payload, target);
                if (why == null) {
                    dropHandler.drop(payload, target);
                    done = true;
                } else {
                    dropRefused.apply(why, target);
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private void highlight(DropArea a, boolean ok) {
        for (DropArea d : dropAreas) {
            d.node().getStyleClass().removeAll("drop-target", "drop-refused");
        }
        if (a != null) {
            a.node().getStyleClass().add(ok ? "drop-target" : "drop-refused");
        }
    }

    @Override
    protected void layoutChildren() {
        releaseFirstDraw();
        super.layoutChildren();
        uncacheViewport();
    }

    /**
     * A ScrollPane keeps its viewport as a bitmap, which every moving shape invalidates: the whole picture
     * was painted twice per frame. The picture caches itself ({@code content}), so the viewport need not.
     */
    private void uncacheViewport() {
        for (javafx.scene.Parent p = getParent(); p != null; p = p.getParent()) {
            if (p.isCache() && p.getStyleClass().contains("viewport")) {
                p.setCache(false);
            }
        }
    }

    /** Redraws everything from the current snapshot. */
    public void redraw() {
        content.getChildren().clear();
        overlay.getChildren().clear();
        dropAreas.clear();
        nodes.clear();
        rows.clear();
        boxes.clear();
        if (snapshot == null) {
            return;
        }
        double w = layoutWidth;
        Rectangle background = new Rectangle(0, 0, w, 10);
        background.getStyleClass().add("canvas-background");
        background.setMouseTransparent(true);
        content.getChildren().add(background);

        double topicX = PAD + PRODUCER_W + GAP;
        double consumerX = w - PAD - CONSUMER_W;
        double topicW = consumerX - GAP - topicX;
        double y = PAD;
        TopicPainter topics = new TopicPainter(this, content, snapshot);
        Map<String, Double> topicTops = new LinkedHashMap<>();
        double topicsBottom = y;
        for (TopicView t : snapshot.topics()) {
            topicTops.put(t.name(), topicsBottom);
            topicsBottom = topics.paint(t, topicX, topicsBottom, topicW) + 12;
        }
        if (snapshot.topics().isEmpty()) {
            content.getChildren().add(Shapes.text("No topics yet: drag a Topic from the palette here.", topicX,
                    y + 20, "small-label", "hint-text"));
            topicsBottom = y + 40;
        }
        ClientPainter clients = new ClientPainter(this, content, snapshot);
        double producersBottom = clients.paintProducers(PAD, y, PRODUCER_W, topicTops, bindings, topicX);
        double consumersBottom = clients.paintConsumers(consumerX, y, CONSUMER_W);
        clients.paintOwnership(topics.rowRightEdges());

        double brokersTop = Math.max(topicsBottom, Math.max(producersBottom, consumersBottom)) + 18;
        this.brokersTop = brokersTop;
        BrokerPainter brokers = new BrokerPainter(this, content, snapshot);
        double bottom = brokers.paint(PAD, brokersTop, w - 2 * PAD);
        background.setHeight(bottom + PAD);
        setPrefSize(w, bottom + PAD);
        setMinSize(w, bottom + PAD);
        setMaxSize(w, bottom + PAD);
    }

    /** The brokers as drawn, for tests. */
    public List<BrokerView> brokers() {
        return snapshot == null ? List.of() : snapshot.brokers();
    }
}
