package dev.kafkalab.bench;

import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.ui.Themes;
import dev.kafkalab.ui.anim.Animator;
import dev.kafkalab.ui.canvas.ClusterCanvas;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.ui.model.EventTracker;
import dev.kafkalab.ui.model.HashingModel;
import dev.kafkalab.ui.model.SnapshotBuilder;
import dev.kafkalab.ui.render.ScenarioRenderer;
import java.io.PrintWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import com.sun.javafx.perf.PerformanceTracker;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.ParallelTransition;
import javafx.animation.Transition;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench ui}: frame times of the cluster canvas on JavaFX's headless Monocle platform with software
 * rendering, in a 1600×1000 window, for two pictures: 300 records flying at once over logs that already
 * hold 100,000 records, and a large idle cluster (12 brokers, 50 partitions of 3 replicas). Pulses are
 * kept coming at 60 fps by an animation timer; each pulse's time runs from its animation phase to the end
 * of rendering its frame, and a frame counts as dropped when the gap between two pulses exceeds 1.5 frames.
 * The window sits in a ScrollPane, as in the app.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Canvas pulse times (p50/p95/p99) and dropped frames at 60 fps, headless (Monocle, software).")
final class UiBench implements Callable<Integer> {
    static final double FRAME_MS = 1000.0 / 60;
    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;
    /** Records each flying batch shows (the animator's limit per event); the last one shows the rest. */
    private static final int FLYING_PER_BATCH = 8;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "6", description = "Measured seconds per case (default 6).")
    double seconds;

    @Option(names = "--records", paramLabel = "N", defaultValue = "100000",
            description = "Records already in the logs in the first case (default 100,000).")
    int stored;

    @Option(names = "--flying", paramLabel = "N", defaultValue = "300",
            description = "Records in flight at once in the first case (default 300).")
    int flying;

    /** What one measured case saw. */
    record Frames(double[] pulseMs, double[] gapMs) {
        int dropped() {
            int n = 0;
            for (double g : gapMs) {
                if (g > 1.5 * FRAME_MS) {
                    n += (int) Math.round(g / FRAME_MS) - 1;
                }
            }
            return n;
        }

        double droppedPercent() {
            double total = 0;
            for (double g : gapMs) {
                total += g;
            }
            return 100.0 * dropped() / Math.max(1, total / FRAME_MS);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        startHeadless();
        out.printf("Kafka Lab canvas benchmark: Monocle headless, software rendering, %d×%d, %s s per case "
                + "after 1 s of warm-up%n", WIDTH, HEIGHT, Stats.fixed(seconds, 1));
        out.printf("%-58s %8s %8s %8s %8s %9s%n", "case", "p50 ms", "p95 ms", "p99 ms", "frames", "dropped");
        Simulation busy = EngineWorkloads.cluster(3, 6, 3, 2);
        EngineWorkloads.produce(busy, stored, null, "1");
        print(out, String.format("%d records in flight, %s in the logs", flying,
                Stats.count(stored)), measure(busy, this::flyRecords));
        Simulation large = EngineWorkloads.cluster(12, 50, 3, 2);
        print(out, "12 brokers, 50 partitions × 3 replicas, idle", measure(large, canvas -> { }));
        out.println("  (pulse: from its animation phase to the end of rendering its frame; dropped: gaps between "
                + "pulses over "
                + Stats.fixed(1.5 * FRAME_MS, 1) + " ms, counted in missed 60 fps frames)");
        out.flush();
        Platform.exit();
        return 0;
    }

    private static void print(PrintWriter out, String name, Frames f) {
        out.printf("%-58s %8s %8s %8s %8d %5d (%s%%)%n", name, Stats.fixed(Stats.percentile(f.pulseMs(), 50), 2),
                Stats.fixed(Stats.percentile(f.pulseMs(), 95), 2), Stats.fixed(Stats.percentile(f.pulseMs(), 99), 2),
                f.gapMs().length, f.dropped(), Stats.fixed(f.droppedPercent(), 2));
        out.flush();
    }

    /** JavaFX on Monocle's headless screen at the benchmark's size, whatever display there is. */
    static void startHeadless() {
        System.setProperty("kafkalab.headless", "true");
        System.setProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
        ScenarioRenderer.startToolkit();
    }

    /** Batches of records flying from the producer to their partitions, all at once, over and over. */
    private void flyRecords(ClusterCanvas canvas) {
        Animator animator = new Animator(canvas, new HashingModel());
        ClusterSnapshot s = canvas.snapshot();
        ParallelTransition all = new ParallelTransition();
        for (int sent = 0, i = 0; sent < flying; sent += FLYING_PER_BATCH, i++) {
            ClusterSnapshot.PartitionView p = s.topics().get(0).partitions().get(i % 6);
            int records = Math.min(FLYING_PER_BATCH, flying - sent);
            Transition t = animator.animate(new SimEvent.BatchSent(s.time(), "producer-0", p.topic(), p.index(),
                    p.leader(), records, 16_384), s, s);
            all.getChildren().add(t);
        }
        all.setCycleCount(Animation.INDEFINITE);
        all.play();
    }

    /** Shows the cluster in a 1600×1000 window, starts {@code animate}, and records pulses. */
    private Frames measure(Simulation sim, Consumer<ClusterCanvas> animate) throws Exception {
        sim.setRecordTrace(false);
        ClusterSnapshot snapshot = new SnapshotBuilder().build(sim, new EventTracker(), null);
        CompletableFuture<Frames> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Themes.LIGHT.apply();
                ClusterCanvas canvas = new ClusterCanvas();
                canvas.setLayoutWidth(WIDTH - 20);
                canvas.setSnapshot(snapshot);
                ScrollPane scroll = new ScrollPane(new Group(canvas));
                Scene scene = new Scene(scroll, WIDTH, HEIGHT);
                URL css = UiBench.class.getResource("/assets/css/kafka-lab.css");
                if (css != null) {
                    scene.getStylesheets().add(css.toExternalForm());
                }
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                animate.accept(canvas);
                record(scene, stage, result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }

    /**
     * Records each pulse's start (an animation timer, run in the pulse's animation phase), the end of its
     * layout pass, and when the render thread finished each frame; {@link #pulses} pairs them up.
     */
    private void record(Scene scene, Stage stage, CompletableFuture<Frames> result) {
        List<long[]> pulses = new ArrayList<>(); // {start, end of layout}
        ConcurrentLinkedQueue<Long> rendered = new ConcurrentLinkedQueue<>();
        PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
        tracker.setOnRenderedFrameTask(() -> rendered.add(System.nanoTime()));
        long warmUpNs = 1_000_000_000L;
        long measureNs = (long) (seconds * 1e9);
        long[] first = {0};
        Runnable afterLayout = () -> {
            if (!pulses.isEmpty() && pulses.get(pulses.size() - 1)[1] == 0) {
                pulses.get(pulses.size() - 1)[1] = System.nanoTime();
            }
        };
        scene.addPostLayoutPulseListener(afterLayout);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (first[0] == 0) {
                    first[0] = t;
                }
                if (t - first[0] > warmUpNs) {
                    pulses.add(new long[] {t, 0});
                }
                if (t - first[0] > warmUpNs + measureNs) {
                    stop();
                    scene.removePostLayoutPulseListener(afterLayout);
                    tracker.setOnRenderedFrameTask(null);
                    PerformanceTracker.releaseSceneTracker(scene);
                    stage.close();
                    result.complete(frames(pulses, new ArrayList<>(rendered)));
                }
            }
        }.start();
    }

    /**
     * A pulse lasts from its start to the end of its frame's rendering, or of its layout pass when it drew
     * nothing. Frames render in pulse order, each before the pulse after next starts; the last pulse only
     * marks the end of the one before it.
     */
    static Frames frames(List<long[]> pulses, List<Long> rendered) {
        int n = pulses.size() - 1;
        double[] pulseMs = new double[Math.max(0, n)];
        double[] gapMs = new double[Math.max(0, n)];
        int r = 0;
        for (int i = 0; i < n; i++) {
            long start = pulses.get(i)[0];
            long layoutEnd = Math.max(start, pulses.get(i)[1]);
            long limit = i + 2 < pulses.size() ? pulses.get(i + 2)[0] : Long.MAX_VALUE;
            while (r < rendered.size() && rendered.get(r) < layoutEnd) {
                r++;
            }
            long end = layoutEnd;
            if (r < rendered.size() && rendered.get(r) < limit) {
                end = rendered.get(r++);
            }
            pulseMs[i] = (end - start) / 1e6;
            gapMs[i] = (pulses.get(i + 1)[0] - start) / 1e6;
        }
        return new Frames(pulseMs, gapMs);
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
