package dev.kafkalab.bench;

import dev.kafkalab.ui.FirstFrame;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The startup benchmark's yardstick: an empty JavaFX window with one label, at the app's size. A plain
 * main class, as {@code dev.kafkalab.Launcher} is, so it starts from a plain classpath.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new Label("Hello, JavaFX"), 1280, 800);
            stage.setScene(scene);
            FirstFrame.exitIfAsked(scene);
            stage.show();
        }
    }
}
