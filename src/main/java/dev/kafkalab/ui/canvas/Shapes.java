package dev.kafkalab.ui.canvas;

import dev.kafkalab.ui.model.ClusterSnapshot.RecordView;
import dev.kafkalab.ui.model.KeyColors;
import javafx.scene.Group;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Small factories for the canvas's picture language: diamonds for records, boxes, labels. */
public final class Shapes {
    private Shapes() {
    }

    /** A record: a diamond centred on (0,0), coloured by its key. */
    public static Polygon diamond(double r, String key) {
        Polygon d = new Polygon(0, -r, r, 0, 0, r, -r, 0);
        d.getStyleClass().addAll("event-diamond", KeyColors.styleClass(key));
        return d;
    }

    /** A diamond with its offset above and its key and a short value below, as in the course's pictures. */
    public static Group recordGlyph(RecordView r, double radius, boolean committed) {
        Group g = new Group();
        Polygon d = diamond(radius, r.key());
        if (!committed) {
            d.getStyleClass().add("uncommitted");
        }
        Text offset = centred(Long.toString(r.offset()), 0, -radius - 4, "offset-label");
        Text key = centred(r.key() == null ? "∅" : shorten(r.key(), 7), 0, radius + 12, "key-label");
        Text value = centred(r.value() == null ? "null" : shorten(r.value(), 6), 0, radius + 24, "value-label");
        g.getChildren().addAll(d, offset, key, value);
        return g;
    }

    /** Canvas fonts are set here, not in CSS, so text can be measured and centred before it is shown. */
    private static final java.util.Map<String, Font> FONTS = java.util.Map.ofEntries(
            java.util.Map.entry("offset-label", Font.font("System", 10)),
            java.util.Map.entry("key-label", Font.font("System", FontWeight.BOLD, 10.5)),
            java.util.Map.entry("value-label", Font.font("System", 10)),
            java.util.Map.entry("small-label", Font.font("System", 10.5)),
            java.util.Map.entry("marker-label", Font.font("System", FontWeight.BOLD, 10)),
            java.util.Map.entry("box-label", Font.font("System", 12)),
            java.util.Map.entry("box-title", Font.font("System", FontWeight.BOLD, 13)),
            java.util.Map.entry("zone-title", Font.font("System", FontWeight.BOLD, 15)),
            java.util.Map.entry("partition-name", Font.font("System", FontWeight.BOLD, 14)),
            java.util.Map.entry("badge-text", Font.font("System", FontWeight.BOLD, 10)));

    /** Canvas text never takes the mouse: a click on a label reaches the box or record beneath it. */
    public static Text text(String s, double x, double y, String... classes) {
        Text t = new Text(x, y, s);
        t.setMouseTransparent(true);
        t.getStyleClass().addAll(classes);
        for (String c : classes) {
            Font f = FONTS.get(c);
            if (f != null) {
                t.setFont(f);
                break;
            }
        }
        return t;
    }

    /** Text whose horizontal centre is at x (baseline at y). */
    public static Text centred(String s, double x, double y, String... classes) {
        Text t = text(s, x, y, classes);
        t.setTextAlignment(TextAlignment.CENTER);
        t.setX(x - t.getLayoutBounds().getWidth() / 2);
        return t;
    }

    /** Text whose right edge is at x. */
    public static Text right(String s, double x, double y, String... classes) {
        Text t = text(s, x, y, classes);
        t.setX(x - t.getLayoutBounds().getWidth());
        return t;
    }

    public static Rectangle box(double x, double y, double w, double h, String... classes) {
        Rectangle r = new Rectangle(x, y, w, h);
        r.setArcWidth(10);
        r.setArcHeight(10);
        r.getStyleClass().addAll(classes);
        return r;
    }

    public static Line line(double x1, double y1, double x2, double y2, String... classes) {
        Line l = new Line(x1, y1, x2, y2);
        l.getStyleClass().addAll(classes);
        return l;
    }

    /** Cuts {@code t}'s text (ending it with "…") until it is at most {@code maxWidth} wide. */
    public static Text fitWidth(Text t, double maxWidth) {
        String s = t.getText();
        while (t.getLayoutBounds().getWidth() > maxWidth && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
            t.setText(s.stripTrailing() + "…");
        }
        return t;
    }

    public static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, Math.max(1, max - 1)) + "…";
    }
}
