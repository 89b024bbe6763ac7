package dev.kafkalab.ui;

import dev.kafkalab.scenario.ScenarioException;
import dev.kafkalab.scenario.ScenarioLoader;
import dev.kafkalab.ui.lab.Lab;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The lesson the app opens with, read and set up on a second core while JavaFX starts: the YAML, the
 * scenario checks and the simulated cluster's first state are ready when the window needs them.
 */
final class StartLesson {
    private static CompletableFuture<Lab> preloaded;

    private StartLesson() {
    }

    /** Starts reading the start lesson in the background (the app's launcher calls this first). */
    static synchronized void begin() {
        if (preloaded == null) {
            preloaded = new CompletableFuture<>();
            CompletableFuture<Lab> target = preloaded;
            Thread t = new Thread(() -> target.complete(build()), "start lesson");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The start lesson's lab, once; null when it was not preloaded or could not be (the caller loads it). */
    static synchronized Lab take() {
        if (preloaded == null) {
            return null;
        }
        Lab lab = preloaded.join();
        preloaded = CompletableFuture.completedFuture(null);
        return lab;
    }

    private static Lab build() {
        String path = MainWindowController.START_SCENARIO;
        try (InputStream in = StartLesson.class.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Lab(new ScenarioLoader().load(path.substring(path.lastIndexOf('/') + 1), text));
        } catch (IOException | ScenarioException | RuntimeException e) {
            return null;
        }
    }
}
