package dev.kafkalab.ui;

import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.ui.anim.Animator;
import dev.kafkalab.ui.canvas.ClusterCanvas;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.lab.Frame;
import dev.kafkalab.ui.lab.Lab;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.ui.model.HashingModel;
import javafx.animation.Transition;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The picture's layout: segments, compact big clusters, zoom to fit. No robot, no waiting. */
class CanvasLayoutTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    private static ClusterCanvas canvas(ClusterSnapshot s, double width) {
        ClusterCanvas canvas = new ClusterCanvas();
        new Scene(canvas);
        canvas.setLayoutWidth(width);
        canvas.setSnapshot(s);
        return canvas;
    }

    private static Lab afterSteps(String example, int steps) throws Exception {
        Lab lab = new Lab(LabTest.example(example));
        for (int i = 0; i < steps; i++) {
            lab.execute(new Commands.NextStep());
        }
        return lab;
    }

    @Test
    void everySegmentOfTheClicksLogStartsWithADividerNamedByItsBaseOffset() throws Exception {
        // three bursts 12 s apart with segment.ms 10 s: segments 0, 3 and 6
        Lab lab = afterSteps("06-retention-and-compaction.yaml", 1);
        List<String> labels = fx(() -> {
            ClusterCanvas canvas = canvas(lab.snapshot(), 1100);
            List<String> out = new ArrayList<>();
            for (long base : List.of(0L, 3L, 6L)) {
                javafx.scene.Group marker = (javafx.scene.Group) canvas.node("segment-clicks-0-" + base);
                assertThat(marker).as("segment %d", base).isNotNull();
                for (Node n : marker.getChildren()) {
                    if (n instanceof Text t) {
                        out.add(t.getText());
                    }
                }
            }
            return out;
        });
        assertThat(labels).containsExactly("seg 0", "seg 3", "seg 6");
    }

    @Test
    void retentionShadesTheDeletedSegmentAndFadesItsDivider() throws Exception {
        Lab lab = afterSteps("06-retention-and-compaction.yaml", 1);
        List<Frame> frames = lab.execute(new Commands.NextStep()).frames();
        // the deletion on the replica the topic view shows (the leader's log)
        int i = 0;
        while (!(frames.get(i).event() instanceof SimEvent.SegmentsDeleted d && d.topic().equals("clicks")
                && d.broker() == frames.get(i - 1).after().partition("clicks", 0).displayLog().broker())) {
            i++;
        }
        int deleted = i;
        Object[] seen = fx(() -> {
            ClusterSnapshot before = frames.get(deleted - 1).after();
            ClusterCanvas canvas = canvas(before, 1100);
            Transition t = new Animator(canvas, new HashingModel())
                    .animate(frames.get(deleted).event(), before, frames.get(deleted).after());
            Node divider = canvas.node("segment-clicks-0-0");
            boolean band = canvas.overlay().getChildren().stream()
                    .anyMatch(n -> n.getStyleClass().contains("retention-band"));
            t.play();
            t.pause();
            t.jumpTo(t.getTotalDuration());
            return new Object[] {band, divider.getOpacity(), canvas.node("diamond-clicks-0-0").getOpacity()};
        });
        assertThat(seen[0]).as("a shaded band over the deleted segment").isEqualTo(true);
        assertThat((double) seen[1]).as("the deleted segment's divider faded out").isZero();
        assertThat((double) seen[2]).as("its oldest record faded out").isZero();
    }

    @Test
    void twelveBrokersAndFiftyPartitionsAreDrawnCompactWithoutOverlaps() throws Exception {
        Lab lab = afterSteps("08-large-cluster.yaml", 1);
        ClusterSnapshot s = lab.snapshot();
        assertThat(s.brokers()).hasSize(12);
        assertThat(s.topic("orders").partitions()).hasSize(50);
        fx(() -> {
            ClusterCanvas canvas = canvas(s, 1050);
            List<Bounds> rows = new ArrayList<>();
            for (int p = 0; p < 50; p++) {
                Node row = canvas.node("partition-orders-" + p);
                rows.add(row.getBoundsInParent());
            }
            for (int a = 0; a < rows.size(); a++) {
                for (int b = a + 1; b < rows.size(); b++) {
                    assertThat(rows.get(a).intersects(rows.get(b))).as("P%d and P%d overlap", a, b).isFalse();
                }
            }
            Bounds topic = canvas.box("topic-orders");
            for (Bounds r : rows) {
                assertThat(topic.contains(r)).isTrue();
            }
            // several columns of rows, so the topic is far shorter than 50 full rows
            assertThat(rows.stream().map(Bounds::getMinX).distinct().count()).isGreaterThan(1);
            // replicas as chips, still a drawn replica (and a log row for animations) on every broker
            for (int b = 0; b < 12; b++) {
                Bounds broker = canvas.box("broker-" + b);
                assertThat(broker).isNotNull();
                for (int other = b + 1; other < 12; other++) {
                    assertThat(broker.intersects(canvas.box("broker-" + other))).isFalse();
                }
            }
            ClusterSnapshot.PartitionView p7 = s.partition("orders", 7);
            for (int replica : p7.replicas()) {
                assertThat(canvas.node("replica-orders-7-" + replica)).isNotNull();
                assertThat(canvas.replicaRow("orders", 7, replica)).isNotNull();
            }
            assertThat(canvas.node("leader-badge-orders-7")).isNotNull();
            return null;
        });
    }

    @Test
    void zoomToFitScalesTheWholeClusterIntoTheViewportAndLaysItOutWider() throws Exception {
        Lab lab = afterSteps("01-events-and-keys.yaml", 1);
        double[] fit = fx(() -> {
            ClusterCanvas canvas = canvas(lab.snapshot(), 730);
            double heightAtOne = canvas.pictureHeight();
            double scale = canvas.fitScale(730, 560, 0.4);
            return new double[] {heightAtOne, scale, canvas.pictureHeight(), canvas.layoutWidth()};
        });
        assertThat(fit[0]).as("at actual size the brokers are below the fold").isGreaterThan(560);
        assertThat(fit[1]).isBetween(0.4, 1.0);
        assertThat((fit[2] + 2) * fit[1]).isLessThanOrEqualTo(560.5);
        assertThat((fit[3] + 2) * fit[1]).isLessThanOrEqualTo(730.5);
        assertThat(fit[3]).as("laid out for the scaled width").isGreaterThan(730);
    }
}
