package dev.kafkalab.ui;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.scene.Scene;

/**
 * The startup benchmark's probe: with {@code -Dkafkalab.exitOnFirstFrame=true} a window prints
 * {@code first-frame} once its first frame is rendered and the JVM exits at once.
 */
public final class FirstFrame {
    public static final String PROPERTY = "kafkalab.exitOnFirstFrame";
    public static final String LINE = "first-frame";

    private FirstFrame() {
    }

    /** Arms the probe on {@code scene} when asked to; call before the window is shown. */
    public static void exitIfAsked(Scene scene) {
        if (Boolean.getBoolean(PROPERTY)) {
            PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
                System.out.println(LINE);
                System.out.flush();
                Runtime.getRuntime().halt(0);
            });
        }
    }
}
