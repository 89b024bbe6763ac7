package dev.kafkalab.ui;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.scene.Scene;

/**
 * The startup benchmark's probe: with {@code -Dkafkalab.exitOnFirstFrame=true} a window prints
 * {@code first-frame} once its first frame is rendered. A plain window then exits at once; Kafka Lab
 * goes on until the frame that shows its lesson list, prints {@code lessons-shown} and exits then.
 */
public final class FirstFrame {
    public static final String PROPERTY = "kafkalab.exitOnFirstFrame";
    public static final String LINE = "first-frame";
    public static final String LESSONS_LINE = "lessons-shown";

    private static volatile boolean lessonsShown;

    private FirstFrame() {
    }

    /** Arms the probe on {@code scene} when asked to; call before the window is shown. */
    public static void exitIfAsked(Scene scene) {
        arm(scene, false);
    }

    /** As {@link #exitIfAsked}, for a window that exits only at the first frame after {@link #lessonsShown()}. */
    static void exitAfterLessonsIfAsked(Scene scene) {
        arm(scene, true);
    }

    /** The lesson list is filled in: the next rendered frame shows it. */
    static void lessonsShown() {
        lessonsShown = true;
    }

    private static void arm(Scene scene, boolean waitForLessons) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        boolean[] first = {true};
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
            if (first[0]) {
                first[0] = false;
                print(LINE);
            }
            if (!waitForLessons) {
                Runtime.getRuntime().halt(0);
            } else if (lessonsShown) {
                print(LESSONS_LINE);
                Runtime.getRuntime().halt(0);
            }
        });
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
