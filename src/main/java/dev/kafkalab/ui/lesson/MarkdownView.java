package dev.kafkalab.ui.lesson;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Lesson narrative: Markdown parsed by commonmark and drawn as JavaFX nodes (paragraphs and headings as
 * wrapping text flows, lists with bullets or numbers, code in a monospaced box). Styles come from the
 * {@code md-*} classes of the app's stylesheet, so themes and presentation mode apply.
 */
public final class MarkdownView {
    private static final Parser PARSER = Parser.builder().build();

    private MarkdownView() {
    }

    /** The Markdown as a column of nodes. */
    public static VBox render(String markdown) {
        VBox box = new VBox();
        box.getStyleClass().add("md");
        if (markdown != null) {
            PARSER.parse(markdown).accept(new Blocks(box));
        }
        return box;
    }

    /** Turns block nodes into JavaFX nodes appended to a column. */
    private static final class Blocks extends AbstractVisitor {
        private final VBox into;

        Blocks(VBox into) {
            this.into = into;
        }

        @Override
        public void visit(Paragraph p) {
            into.getChildren().add(flow(p, "md-p"));
        }

        @Override
        public void visit(Heading h) {
            into.getChildren().add(flow(h, "md-h" + Math.min(h.getLevel(), 3)));
        }

        @Override
        public void visit(BulletList list) {
            items(list, false, 1);
        }

        @Override
        public void visit(OrderedList list) {
            Integer start = list.getMarkerStartNumber();
            items(list, true, start == null ? 1 : start);
        }

        private void items(org.commonmark.node.Node list, boolean ordered, int first) {
            VBox column = new VBox();
            column.getStyleClass().add("md-list");
            int n = first;
            for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    continue;
                }
                Label marker = new Label(ordered ? (n++) + "." : "•");
                marker.getStyleClass().add("md-marker");
                marker.setMinWidth(ordered ? 22 : 14);
                VBox body = new VBox();
                children(item, new Blocks(body));
                HBox row = new HBox(marker, body);
                HBox.setHgrow(body, Priority.ALWAYS);
                column.getChildren().add(row);
            }
            into.getChildren().add(column);
        }

        @Override
        public void visit(FencedCodeBlock code) {
            codeBlock(code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            codeBlock(code.getLiteral());
        }

        private void codeBlock(String literal) {
            Label l = new Label(literal.stripTrailing());
            l.getStyleClass().add("md-code-block");
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            into.getChildren().add(l);
        }

        @Override
        public void visit(BlockQuote q) {
            VBox inner = new VBox();
            inner.getStyleClass().add("md-quote");
            children(q, new Blocks(inner));
            into.getChildren().add(inner);
        }

        @Override
        public void visit(ThematicBreak br) {
            into.getChildren().add(new Separator());
        }
    }

    private static void children(org.commonmark.node.Node parent, Blocks visitor) {
        for (org.commonmark.node.Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            c.accept(visitor);
        }
    }

    /** A block's inline content as one wrapping flow. */
    private static TextFlow flow(org.commonmark.node.Node block, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        block.accept(new Inlines(flow, List.of()));
        return flow;
    }

    /** Appends text runs with the styles of the emphasis around them. */
    private static final class Inlines extends AbstractVisitor {
        private final TextFlow flow;
        private final List<String> styles;

        Inlines(TextFlow flow, List<String> styles) {
            this.flow = flow;
            this.styles = styles;
        }

        private void nested(org.commonmark.node.Node n, String style) {
            java.util.ArrayList<String> more = new java.util.ArrayList<>(styles);
            more.add(style);
            Inlines inner = new Inlines(flow, more);
            for (org.commonmark.node.Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                c.accept(inner);
            }
        }

        private void text(String s, String extra) {
            Text t = new Text(s);
            t.getStyleClass().add("md-text");
            t.getStyleClass().addAll(styles);
            if (extra != null) {
                t.getStyleClass().add(extra);
            }
            flow.getChildren().add(t);
        }

        @Override
        public void visit(org.commonmark.node.Text t) {
            text(t.getLiteral(), null);
        }

        @Override
        public void visit(Emphasis e) {
            nested(e, "md-em");
        }

        @Override
        public void visit(StrongEmphasis s) {
            nested(s, "md-strong");
        }

        @Override
        public void visit(Code c) {
            text(c.getLiteral(), "md-code");
        }

        @Override
        public void visit(Link l) {
            nested(l, "md-link");
        }

        @Override
        public void visit(SoftLineBreak b) {
            text(" ", null);
        }

        @Override
        public void visit(HardLineBreak b) {
            text("\n", null);
        }
    }

    /** The plain words of some Markdown (for tooltips, logs and tests). */
    public static String plain(String markdown) {
        StringBuilder sb = new StringBuilder();
        PARSER.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text t) {
                sb.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                sb.append(c.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak b) {
                sb.append(' ');
            }

            @Override
            public void visit(Paragraph p) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                visitChildren(p);
            }
        });
        return sb.toString().trim();
    }

    /** For tests: every text run under a rendered node, in order. */
    static String textOf(Node n) {
        StringBuilder sb = new StringBuilder();
        collect(n, sb);
        return sb.toString();
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n instanceof Text t) {
            sb.append(t.getText());
        } else if (n instanceof Label l) {
            sb.append(l.getText()).append(' ');
        } else if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, sb);
            }
        }
    }
}
