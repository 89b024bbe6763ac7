package dev.kafkalab.ui;

import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import dev.kafkalab.ui.lesson.LessonLibrary;

/** The desktop app: the cluster canvas with its lesson, send panel, inspector and event log. */
public class KafkaLabApp extends Application {
    public static final String TITLE = "Kafka Lab";
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 640;
    static final String FXML = "/dev/kafkalab/ui/MainWindow.fxml";
    static final String STYLESHEET = "/assets/css/kafka-lab.css";

    /** Called by {@code dev.kafkalab.Launcher} when the jar starts without arguments. */
    public static void launchApp(String[] args) {
        StartLesson.begin();
        Application.launch(KafkaLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Themes.LIGHT.apply();
        FXMLLoader loader = new FXMLLoader(resource(FXML));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FXML, e);
        }
        MainWindowController controller = loader.getController();
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(resource(STYLESHEET).toExternalForm());
        controller.installShortcuts(scene);
        stage.setTitle(TITLE);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        FirstFrame.exitAfterLessonsIfAsked(scene);
        stage.show();
        this.controller = controller;
        stage.setOnHidden(e -> controller.lessons().stopWatching());
        Path folder = getParameters() == null ? null : lessonsFolder(getParameters().getRaw());
        if (folder != null) {
            try {
                controller.useLessons(LessonLibrary.fromFolder(folder));
            } catch (IOException e) {
                controller.tell("Lessons folder not usable", "--lessons " + folder + ": " + e
                        + ". The lessons that come with Kafka Lab are shown instead.", true);
            }
        }
    }

    /** The folder of {@code --lessons DIR} (or {@code --lessons=DIR}), or null. */
    static Path lessonsFolder(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--lessons=")) {
                return Path.of(a.substring("--lessons=".length()));
            }
            if (a.equals("--lessons") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
        }
        return null;
    }

    private MainWindowController controller;

    /** The window's controller (after {@link #start}). */
    public MainWindowController controller() {
        return controller;
    }

    static URL resource(String path) {
        URL url = KafkaLabApp.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing resource on the classpath: " + path);
        }
        return url;
    }
}
