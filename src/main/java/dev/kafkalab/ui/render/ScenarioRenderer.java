package dev.kafkalab.ui.render;

import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.Step;
import dev.kafkalab.ui.Themes;
import dev.kafkalab.ui.canvas.ClusterCanvas;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.lesson.MarkdownView;
import dev.kafkalab.ui.lab.Lab;
import dev.kafkalab.ui.model.ClusterSnapshot;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Draws a scenario's canvas after its set-up and after each step, as PNG files, without a window:
 * {@code step-00.png} (the start), {@code step-01.png}, ... Headless by default (JavaFX's Monocle
 * platform), so it runs on a build server.
 */
public final class ScenarioRenderer {
    public static final double DEFAULT_WIDTH = 1200;
    private static final String STYLESHEET = "/assets/css/kafka-lab.css";

    private final double width;
    private final boolean dark;

    public ScenarioRenderer(double width, boolean dark) {
        this.width = width;
        this.dark = dark;
    }

    /** Renders every step; returns the files written. */
    public List<Path> render(Scenario scenario, Path outDir) throws IOException {
        startToolkit();
        try {
            return onFxThread(() -> renderAll(scenario, outDir));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IllegalStateException("rendering failed: " + e.getCause(), e.getCause());
        }
    }

    private List<Path> renderAll(Scenario scenario, Path outDir) {
        (dark ? Themes.DARK : Themes.LIGHT).apply();
        Lab lab = new Lab(scenario);
        ClusterCanvas canvas = new ClusterCanvas();
        canvas.setLayoutWidth(width);
        Label title = new Label();
        title.setWrapText(true);
        title.setMaxWidth(width - 24);
        title.getStyleClass().add("section-title");
        VBox root = new VBox(6, title, canvas);
        root.setPadding(new Insets(10, 0, 0, 0));
        root.getStyleClass().add("render-root");
        Scene scene = new Scene(root);
        URL css = ScenarioRenderer.class.getResource(STYLESHEET);
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        List<Path> written = new ArrayList<>();
        int steps = scenario.steps().size();
        write(canvas, title, root, lab.snapshot(), scenario.title() + " — set-up", outDir.resolve("step-00.png"),
                written);
        for (int i = 0; i < steps; i++) {
            lab.execute(new Commands.NextStep());
            Step step = scenario.steps().get(i);
            if (step.goal() != null) {
                // as `run` does: a lesson's picture is that of a learner who met every goal
                lab.execute(new Commands.RunSolution(i));
            }
            String words = step.title() != null ? step.title() : step.say() == null ? null
                    : MarkdownView.plain(step.say()).lines().findFirst().orElse("");
            String say = words == null ? "" : ": " + words;
            write(canvas, title, root, lab.snapshot(), "Step " + (i + 1) + " of " + steps + say,
                    outDir.resolve(String.format("step-%02d.png", i + 1)), written);
        }
        return written;
    }

    private void write(ClusterCanvas canvas, Label title, VBox root, ClusterSnapshot s, String caption, Path file,
                       List<Path> written) {
        title.setText(" " + caption.replace("**", ""));
        canvas.setSnapshot(s);
        root.applyCss();
        root.layout();
        WritableImage image = root.snapshot(new SnapshotParameters(), null);
        try {
            PngWriter.write(image, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(file);
    }

    // ------------------------------------------------------------------ toolkit

    private static boolean started;

    /** Starts JavaFX once; without a display (or with -Dkafkalab.headless=true) on the Monocle platform. */
    public static synchronized void startToolkit() {
        if (started) {
            return;
        }
        boolean headless = Boolean.getBoolean("kafkalab.headless") || System.getenv("DISPLAY") == null
                || "Monocle".equals(System.getProperty("glass.platform"));
        if (headless) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        try {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("JavaFX did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    static <T> T onFxThread(java.util.concurrent.Callable<T> work) throws ExecutionException {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new ExecutionException(e);
            }
        }
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException(e);
        }
    }
}
