package dev.kafkalab.ui;

import dev.kafkalab.engine.Broker;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.scenario.Problem;
import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.ScenarioException;
import dev.kafkalab.scenario.ScenarioLoader;
import dev.kafkalab.scenario.ScenarioRunner;
import dev.kafkalab.scenario.Step;
import dev.kafkalab.ui.anim.Animator;
import dev.kafkalab.ui.anim.Player;
import dev.kafkalab.ui.canvas.ClusterCanvas;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.lab.Frame;
import dev.kafkalab.ui.lab.Lab;
import dev.kafkalab.ui.lesson.LessonLibrary;
import dev.kafkalab.ui.lesson.LessonPanel;
import dev.kafkalab.ui.lesson.MarkdownView;
import dev.kafkalab.ui.lesson.ProgressStore;
import dev.kafkalab.ui.lab.LabCommand;
import dev.kafkalab.ui.lab.SandboxWriter;
import dev.kafkalab.ui.model.CanvasTarget;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.ui.model.EventWords;
import dev.kafkalab.ui.model.HashingModel;
import dev.kafkalab.ui.model.Inspection;
import dev.kafkalab.ui.render.PngWriter;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.SegmentedButton;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Controller of {@code MainWindow.fxml}: wires the lab (scenario, commands, undo), the player (one
 * animation per event) and the canvas to the menus, the transport bar, the side panels and the keys.
 */
public final class MainWindowController {
    /** The lesson the app opens with. */
    public static final String START_SCENARIO = "/lessons/examples/01-events-and-keys.yaml";
    /** Examples offered in File > Open example (those present on the classpath). */
    static final List<String> EXAMPLES = List.of("01-events-and-keys.yaml", "02-keyless-partitioners.yaml",
            "03-limits-and-refusals.yaml", "04-replication-failover.yaml", "05-acks1-data-loss.yaml",
            "06-retention-and-compaction.yaml", "07-consumer-groups.yaml", "08-large-cluster.yaml");
    static final String SANDBOX = "/dev/kafkalab/ui/sandbox.yaml";
    static final int EVENT_LOG_SIZE = 2000;
    static final String ALL_TYPES = "All events";
    static final double ZOOM_STEP = 1.15;
    static final double MIN_ZOOM = 0.4;
    static final double MAX_ZOOM = 3;
    static final double PRESENTATION_ZOOM = 1.4;

    /** A line of the event log. */
    public record LogLine(long time, String type, String words) {
        @Override
        public String toString() {
            return String.format("%,8d ms  %s", time, words);
        }
    }

    @FXML
    private StackPane rootStack;
    @FXML
    private BorderPane mainWindow;
    @FXML
    private Menu examplesMenu;
    @FXML
    private MenuItem undoItem;
    @FXML
    private MenuItem redoItem;
    @FXML
    private CheckMenuItem darkItem;
    @FXML
    private CheckMenuItem presentationItem;
    @FXML
    private SegmentedButton playPause;
    @FXML
    private ToggleButton playButton;
    @FXML
    private ToggleButton pauseButton;
    @FXML
    private Button stepButton;
    @FXML
    private Button idleButton;
    @FXML
    private Button resetButton;
    @FXML
    private Slider speedSlider;
    @FXML
    private Label speedLabel;
    @FXML
    private Button advance1Button;
    @FXML
    private Button advance10Button;
    @FXML
    private Button undoButton;
    @FXML
    private ToggleButton themeToggle;
    @FXML
    private Button helpButton;
    @FXML
    private Button fitButton;
    @FXML
    private Label lessonTitle;
    @FXML
    private Label stepLabel;
    @FXML
    private Label sayLabel;
    @FXML
    private Button nextStepButton;
    @FXML
    private ChoiceBox<String> producerChoice;
    @FXML
    private ChoiceBox<String> topicChoice;
    @FXML
    private javafx.scene.control.TextField keyField;
    @FXML
    private javafx.scene.control.TextField valueField;
    @FXML
    private Button sendButton;
    @FXML
    private Button editorButton;
    @FXML
    private Label resultLabel;
    @FXML
    private Label paletteProducer;
    @FXML
    private Label paletteConsumer;
    @FXML
    private Label paletteTopic;
    @FXML
    private Label paletteBroker;
    @FXML
    private HashingPanelController hashingPanelController;
    @FXML
    private ScrollPane canvasScroll;
    @FXML
    private Label captionLabel;
    @FXML
    private Button brokersHint;
    @FXML
    private Label inspectorTitle;
    @FXML
    private GridPane inspectorGrid;
    @FXML
    private StackPane filterHolder;
    @FXML
    private ListView<LogLine> eventList;
    @FXML
    private Label timeLabel;
    @FXML
    private Label pendingLabel;
    @FXML
    private Label modeLabel;
    @FXML
    private Label undoLabel;
    @FXML
    private StackPane helpOverlay;
    @FXML
    private GridPane helpGrid;

    private final HashingModel hashing = new HashingModel();
    private final ClusterCanvas canvas = new ClusterCanvas();
    private final ObservableList<LogLine> log = FXCollections.observableArrayList();
    private final FilteredList<LogLine> filteredLog = new FilteredList<>(log);
    private CheckComboBox<String> eventFilter;
    private Lab lab;
    private Player player;
    private Themes theme = Themes.LIGHT;
    private double zoom = 1;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private String lastSendDescription;
    private int nextProducer = 1;
    private int nextConsumer = 1;
    private int nextTopic = 1;

    @FXML
    private VBox scenarioCard;
    @FXML
    private LessonPanel lessonPanelController;
    /** An explicit lesson library was given: the packaged one, read in the background, must not replace it. */
    private boolean lessonsChosen;

    @FXML
    private void initialize() {
        hashingPanelController.bind(hashing);
        canvas.getTransforms().add(scale);
        canvasScroll.setContent(new Group(canvas));
        canvasScroll.viewportBoundsProperty().addListener((obs, was, now) ->
                canvas.setLayoutWidth(now.getWidth() / zoom - 2));
        // a small window cannot show topics and brokers at once: say where the brokers are
        canvasScroll.vvalueProperty().addListener((obs, was, now) -> refreshBrokersHint());
        canvasScroll.viewportBoundsProperty().addListener((obs, was, now) -> refreshBrokersHint());
        canvas.heightProperty().addListener((obs, was, now) -> refreshBrokersHint());
        brokersHint.setTooltip(new Tooltip("Scroll down to the brokers (or zoom to fit with Ctrl+9)"));
        player = new Player(canvas, new Animator(canvas, hashing), hashing);
        player.setOnShown(this::frameShown);
        player.setOnIdle(this::refresh);
        // one source for the caption: the player's (events) and tell() (refusals, notices) both write it
        captionLabel.textProperty().bind(player.captionProperty());
        player.pendingProperty().addListener((obs, was, now) -> refreshStatus());
        canvas.selectionProperty().addListener((obs, was, now) -> refreshInspector());
        canvas.setContextMenus(this::menuFor);
        canvas.setDropHandler(new Drops(), (why, target) -> {
            tell("Cannot drop there", why, true);
            return null;
        });

        // transport
        playPause.getToggleGroup().selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                (was == null ? playButton : (ToggleButton) was).setSelected(true);
            }
        });
        playButton.setSelected(true);
        player.playingProperty().addListener((obs, was, now) -> (now ? playButton : pauseButton).setSelected(true));
        speedSlider.valueProperty().addListener((obs, was, now) -> {
            double speed = Math.pow(10, now.doubleValue());
            player.speedProperty().set(speed);
            speedLabel.setText(String.format(Locale.ENGLISH, speed < 10 ? "%.1f×" : "%.0f×", speed));
        });

        // event log with a filter by event type
        eventList.setItems(filteredLog);
        eventList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(LogLine item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                setWrapText(true);
                setPrefWidth(0);
            }
        });

        // inspector: names keep whole words ("high watermark" on one line), values take the rest and wrap
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        names.setMaxWidth(124);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        values.setMinWidth(80);
        inspectorGrid.getColumnConstraints().setAll(names, values);

        // palette: drag sources
        palette(paletteProducer, "palette:producer", "Drag onto a topic: a new producer that sends there");
        palette(paletteConsumer, "palette:consumer", "Drag onto a topic (new group) or onto a group box (join it)");
        palette(paletteTopic, "palette:topic", "Drag onto the canvas: a new topic with 3 partitions");
        palette(paletteBroker, "palette:broker", "Drag onto the canvas: one more broker (the cluster restarts "
                + "with it and your actions are replayed)");

        for (String example : EXAMPLES) {
            if (getClass().getResource("/lessons/examples/" + example) != null) {
                MenuItem item = new MenuItem(example.replace(".yaml", ""));
                item.setOnAction(e -> loadResource("/lessons/examples/" + example));
                examplesMenu.getItems().add(item);
            }
        }
        // what the first frame does not need is built just after it: a quicker first window. The packaged
        // lessons are read then too, on their own thread beside the rest (the list fills in a moment later).
        afterFirstFrame(() -> {
            startLessonLoader();
            buildEventFilter();
            installTooltips();
            buildHelp();
        });
        // the picture is drawn once, at the viewport's width, not first at a guess and again
        canvas.holdFirstDrawUntilLaidOut();
        Lab started = StartLesson.take();
        if (started != null) {
            lab = started;
            showLoaded(started.scenario());
        } else {
            loadResource(START_SCENARIO);
        }
    }

    /** Reads the packaged lessons on a thread of their own and shows them, unless an author's folder came first. */
    private void startLessonLoader() {
        Thread loader = new Thread(() -> {
            LessonLibrary packaged = LessonLibrary.packaged();
            Platform.runLater(() -> {
                if (!lessonsChosen) {
                    showLessons(packaged);
                }
                FirstFrame.lessonsShown();
            });
        }, "lesson-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Runs {@code task} on the FX thread once the window's first frame is on screen: at the second pulse,
     * which starts only after the first frame has been rendered, so the task does not compete with it.
     */
    private void afterFirstFrame(Runnable task) {
        rootStack.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene was, Scene now) {
                if (now == null) {
                    return;
                }
                rootStack.sceneProperty().removeListener(this);
                int[] pulses = new int[1];
                Runnable[] probe = new Runnable[1];
                probe[0] = () -> {
                    if (++pulses[0] == 1) {
                        Platform.requestNextPulse();
                    } else if (pulses[0] == 2) {
                        Platform.runLater(() -> {
                            now.removePostLayoutPulseListener(probe[0]);
                            task.run();
                        });
                    }
                };
                now.addPostLayoutPulseListener(probe[0]);
            }
        });
    }

    /** Shows these lessons in the lesson list instead of the packaged ones (an author's folder). */
    public void useLessons(LessonLibrary library) {
        lessonsChosen = true;
        showLessons(library);
    }

    private void showLessons(LessonLibrary library) {
        lessonPanelController.show(library, ProgressStore.forUser(), new LessonPanel.Host() {
            @Override
            public Lab lab() {
                return lab;
            }

            @Override
            public void loadLesson(Scenario lesson) {
                load(lesson);
                showScenarioCard(false);
            }

            @Override
            public Lab.Outcome run(LabCommand command) {
                return execute(command);
            }

            @Override
            public void refreshAll() {
                redrawRebuilt();
            }

            @Override
            public void tell(String title, String text, boolean warning) {
                MainWindowController.this.tell(title, text, warning);
            }
        });
    }

    public LessonPanel lessons() {
        return lessonPanelController;
    }

    private void showScenarioCard(boolean show) {
        scenarioCard.setVisible(show);
        scenarioCard.setManaged(show);
    }

    /** A file, example or sandbox replaces the lesson: the player steps aside. */
    private void leaveLesson() {
        if (lessonPanelController != null && lessonPanelController.active()) {
            lessonPanelController.leave();
        }
        showScenarioCard(true);
    }

    /** The event log's filter by event type (ControlsFX CheckComboBox). */
    private void buildEventFilter() {
        List<String> types = new ArrayList<>();
        for (Class<?> c : SimEvent.class.getPermittedSubclasses()) {
            types.add(c.getSimpleName());
        }
        types.sort(String::compareTo);
        eventFilter = new CheckComboBox<>(FXCollections.observableArrayList(types));
        eventFilter.setId("eventFilter");
        eventFilter.setTitle(ALL_TYPES);
        eventFilter.setShowCheckedCount(false);
        eventFilter.setPrefWidth(150);
        eventFilter.getCheckModel().checkAll();
        eventFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            List<String> on = List.copyOf(eventFilter.getCheckModel().getCheckedItems());
            filteredLog.setPredicate(l -> l.type() == null || on.contains(l.type()));
            // say that a filter is on: a shorter log should not look like fewer events
            eventFilter.setTitle(on.size() == types.size() ? ALL_TYPES : on.size() + " of " + types.size() + " types");
        });
        eventFilter.setTooltip(new Tooltip("Show only these event types"));
        filterHolder.getChildren().setAll(eventFilter);
    }

    private void palette(Label item, String payload, String tip) {
        item.setTooltip(new Tooltip(tip));
        item.setOnDragDetected(e -> {
            var db = item.startDragAndDrop(TransferMode.COPY);
            ClipboardContent c = new ClipboardContent();
            c.putString(payload);
            db.setContent(c);
            e.consume();
        });
    }

    private void installTooltips() {
        tip(playButton, "Play the animations", "Space");
        tip(pauseButton, "Pause", "Space");
        tip(stepButton, "Show one more event", "Right");
        tip(idleButton, "Skip the animations and run until no work is pending", "Ctrl+I");
        tip(resetButton, "Back to the start of the lesson or sandbox", "Ctrl+R");
        tip(speedSlider, "Speed, 0.1× to 100× (virtual time / screen time)", "[ and ]");
        tip(advance1Button, "Let 1 s of virtual time pass", "T");
        tip(advance10Button, "Let 10 s of virtual time pass (past the 9 s broker session timeout)", "Shift+T");
        tip(undoButton, "Undo the last action (rebuilds from the seed and replays the others)", "Ctrl+Z");
        tip(themeToggle, "Dark theme", "Ctrl+D");
        tip(helpButton, "Keyboard shortcuts", "F1");
        tip(fitButton, "Zoom so the whole cluster fits the canvas (brokers included)", "Ctrl+9");
        tip(nextStepButton, "Run the lesson's next step", "N");
        tip(sendButton, "Send the record and watch it travel", "Enter / Ctrl+Enter");
        tip(editorButton, "Key, value, headers, partition, acks and size", "Ctrl+Shift+Enter");
    }

    private static void tip(javafx.scene.control.Control c, String what, String key) {
        c.setTooltip(new Tooltip(what + " (" + key + ")"));
    }

    // ------------------------------------------------------------------ keys

    static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EDITOR = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    /** Single keys act only when no text field has the focus. */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (helpOverlay.isVisible() && (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1)) {
                helpOverlay.setVisible(false);
                e.consume();
                return;
            }
            if (EDITOR.match(e)) {
                onEditor();
                e.consume();
                return;
            }
            if (SEND.match(e)) {
                onSend();
                e.consume();
                return;
            }
            if (REDO_Y.match(e)) {
                onRedo();
                e.consume();
                return;
            }
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (typing || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            switch (e.getCode()) {
                case SPACE -> player.togglePlay();
                case RIGHT -> onStep();
                case N -> onNextStep();
                case T -> {
                    if (e.isShiftDown()) {
                        onAdvance10();
                    } else {
                        onAdvance1();
                    }
                }
                case CLOSE_BRACKET -> onFaster();
                case OPEN_BRACKET -> onSlower();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private void buildHelp() {
        String[][] rows = {
                {"Space", "play / pause the animations"},
                {"Right", "step one event"},
                {"N", "run the lesson's next step"},
                {"T / Shift+T", "let 1 s / 10 s of virtual time pass"},
                {"[ / ]", "slower / faster (0.1× to 100×)"},
                {"Ctrl+I", "run until idle (skip animations)"},
                {"Ctrl+R", "reset to the start"},
                {"Ctrl+Z / Ctrl+Shift+Z", "undo / redo"},
                {"Enter, Ctrl+Enter", "send the record in the send panel"},
                {"Ctrl+Shift+Enter", "open the record editor"},
                {"Ctrl+O / Ctrl+S / Ctrl+E", "open a scenario / save the sandbox / export the canvas as PNG"},
                {"Ctrl+D", "dark theme"},
                {"F5 / F11", "presentation mode / full screen"},
                {"Ctrl+= / Ctrl+- / Ctrl+0", "zoom in / out / actual size"},
                {"Ctrl+9", "zoom to fit: the whole cluster on screen"},
                {"Right-click", "broker: crash, shut down, restart, isolate, heal; topic: partitions, settings; "
                        + "consumer: poll, commit, leave, kill"},
                {"F1 / Esc", "show / close this help"},
        };
        for (int i = 0; i < rows.length; i++) {
            Label key = new Label(rows[i][0]);
            key.getStyleClass().add("shortcut-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(rows[i][1]);
            what.setWrapText(true);
            what.setMaxWidth(400);
            what.setMinHeight(Region.USE_PREF_SIZE);
            GridPane.setValignment(key, javafx.geometry.VPos.TOP);
            helpGrid.addRow(i, key, what);
        }
    }

    // ------------------------------------------------------------------ lab

    /** Loads a scenario from the classpath. */
    void loadResource(String path) {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Scenario s = new ScenarioLoader().load(path.substring(path.lastIndexOf('/') + 1), text);
            leaveLesson();
            load(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioException e) {
            showProblems(path, e.problems());
        }
    }

    /** Starts over with {@code s}. */
    public void load(Scenario s) {
        if (lab == null) {
            lab = new Lab(s);
        } else {
            lab.load(s);
        }
        showLoaded(s);
    }

    /** Shows the lab just loaded with {@code s}, from its start. */
    private void showLoaded(Scenario s) {
        log.clear();
        hashing.clear();
        canvas.selectionProperty().set(null);
        player.showNow(lab.snapshot());
        lessonTitle.setText(s.title());
        player.captionProperty().set(s.summary() == null ? "" : s.summary());
        resultLabel.setText("Nothing sent yet.");
        resultLabel.getStyleClass().removeAll("result-ok", "result-error");
        refreshChoices();
        refresh();
    }

    public Lab lab() {
        return lab;
    }

    public Player player() {
        return player;
    }

    public ClusterCanvas canvas() {
        return canvas;
    }

    public HashingModel hashing() {
        return hashing;
    }

    /** Runs a learner's command: its events are queued for the player. */
    public Lab.Outcome execute(LabCommand c) {
        if (!(c instanceof Commands.SendRecord)) {
            // the send panel's result line speaks of the learner's own send, not of what comes after
            lastSendDescription = null;
        }
        Lab.Outcome out = lab.execute(c);
        if (out.frames() == null) {
            tell("Not possible", out.error(), true);
        } else {
            canvas.setBindings(lab.bindings());
            if (out.frames().isEmpty()) {
                player.showNow(lab.snapshot());
            } else {
                player.enqueue(out.frames());
            }
            if (out.error() != null) {
                tell("Kafka refused: " + c.description(), out.error(), true);
            }
        }
        refreshChoices();
        refresh();
        if (lessonPanelController != null) {
            lessonPanelController.commandRan(c);
        }
        return out;
    }

    private void frameShown(Frame f) {
        log.add(new LogLine(f.event().time(), f.event().type(), EventWords.describe(f.event())));
        if (log.size() > EVENT_LOG_SIZE) {
            log.remove(0, log.size() - EVENT_LOG_SIZE);
        }
        if (!filteredLog.isEmpty()) {
            eventList.scrollTo(filteredLog.size() - 1);
        }
        if (f.event() instanceof SimEvent.RecordFailed failed && lastSendDescription != null) {
            showResult("✗ " + failed.error() + ": " + failed.message(), false);
        } else if (f.event() instanceof SimEvent.BatchAcknowledged ack && lastSendDescription != null) {
            showResult("✓ " + lastSendDescription + " → acknowledged" + (ack.baseOffset() >= 0 ? " at offset "
                    + ack.baseOffset() + " of " + ack.topic() + "-" + ack.partition() : " (acks=0: no offset)"), true);
        } else if (f.event() instanceof SimEvent.RecordSent s && lastSendDescription != null) {
            showResult("→ " + EventWords.describe(s), true);
        }
        refreshStatus();
        refreshInspector();
    }

    private void showResult(String text, boolean ok) {
        resultLabel.setText(text);
        resultLabel.getStyleClass().removeAll("result-ok", "result-error");
        resultLabel.getStyleClass().add(ok ? "result-ok" : "result-error");
    }

    private void refresh() {
        Scenario s = lab.scenario();
        int total = s.steps().size();
        int next = lab.runner().nextStepIndex();
        Step shown = lab.lastStep();
        if (total == 0) {
            stepLabel.setText("Sandbox: send records, drag from the palette, right-click brokers.");
            sayLabel.setText(s.summary() == null ? "" : s.summary());
        } else if (shown == null) {
            stepLabel.setText(total + " steps · press Next step (N) to begin");
            sayLabel.setText(s.summary() == null ? "" : s.summary());
        } else {
            stepLabel.setText("Step " + shown.index() + " of " + total + (shown.title() == null ? "" : ": "
                    + shown.title()));
            sayLabel.setText(MarkdownView.plain(shown.say()));
        }
        nextStepButton.setDisable(next >= total);
        nextStepButton.setText(next >= total ? (total == 0 ? "No lesson steps" : "Lesson finished ✓")
                : "Next step " + (next + 1) + " of " + total + " ▶");
        LabCommand last = lab.lastCommand();
        undoButton.setDisable(last == null);
        undoItem.setDisable(last == null);
        undoItem.setText(last == null ? "_Undo" : "_Undo " + last.description());
        redoItem.setDisable(!lab.canRedo());
        undoLabel.setText(last == null ? "" : "Undo: " + last.description());
        refreshStatus();
        refreshInspector();
    }

    private void refreshStatus() {
        ClusterSnapshot s = player.shown();
        timeLabel.setText("Virtual time " + String.format(Locale.ENGLISH, "%,d", s == null ? 0 : s.time()) + " ms");
        int pending = player.pendingCount();
        pendingLabel.setText(pending == 0 ? "All events shown" : pending + (pending == 1 ? " event" : " events")
                + " to show");
        modeLabel.setText((lab.scenario().steps().isEmpty() ? "Sandbox" : "Lesson") + " · seed " + lab.scenario().seed());
    }

    private void refreshChoices() {
        ClusterSnapshot s = lab.snapshot();
        String producer = producerChoice.getValue();
        String topic = topicChoice.getValue();
        List<String> producers = s.producers().stream().map(ClusterSnapshot.ProducerView::id).toList();
        List<String> topics = s.topics().stream().filter(t -> !t.internal()).map(ClusterSnapshot.TopicView::name)
                .toList();
        if (!producerChoice.getItems().equals(producers)) {
            producerChoice.getItems().setAll(producers);
        }
        if (!topicChoice.getItems().equals(topics)) {
            topicChoice.getItems().setAll(topics);
        }
        producerChoice.setValue(producers.contains(producer) ? producer : producers.isEmpty() ? null : producers.get(0));
        String bound = producerChoice.getValue() == null ? null : lab.boundTopic(producerChoice.getValue());
        topicChoice.setValue(bound != null ? bound : topics.contains(topic) ? topic : topics.isEmpty() ? null
                : topics.get(0));
    }

    private void refreshInspector() {
        Inspection i = Inspection.of(canvas.selectionProperty().get(), player.shown(), lab.tracker());
        inspectorTitle.setText(i.title());
        inspectorGrid.getChildren().clear();
        int row = 0;
        for (Inspection.Row r : i.rows()) {
            Label k = new Label(r.label());
            k.getStyleClass().add("field-label");
            k.setWrapText(true);
            Label v = new Label(r.value());
            v.setWrapText(true);
            v.setMinHeight(Region.USE_PREF_SIZE);
            GridPane.setValignment(k, javafx.geometry.VPos.TOP);
            inspectorGrid.addRow(row++, k, v);
        }
    }

    private void showProblems(String name, List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            sb.append(p).append('\n');
        }
        Alert a = new Alert(Alert.AlertType.ERROR, sb.toString(), ButtonType.OK);
        a.setHeaderText("Cannot open " + name);
        owner().ifPresent(a::initOwner);
        a.show();
    }

    private Optional<Window> owner() {
        return Optional.ofNullable(rootStack.getScene()).map(Scene::getWindow);
    }

    void tell(String title, String text, boolean warning) {
        player.captionProperty().set(title + ": " + text);
        Notifications n = Notifications.create().title(title).text(text).hideAfter(Duration.seconds(5));
        if (rootStack.getScene() != null && rootStack.getScene().getWindow() != null
                && rootStack.getScene().getWindow().isShowing()) {
            n.owner(canvasScroll);
            if (warning) {
                n.showWarning();
            } else {
                n.showInformation();
            }
        }
    }

    // ------------------------------------------------------------------ actions

    @FXML
    private void onSend() {
        String producer = producerChoice.getValue();
        String topic = topicChoice.getValue();
        if (producer == null || topic == null) {
            tell("Cannot send", "Add a producer and a topic first (drag them from the palette).", true);
            return;
        }
        String key = keyField.getText().isEmpty() ? null : keyField.getText();
        Commands.SendRecord send = new Commands.SendRecord(producer, topic, key, valueField.getText(), Map.of(), null);
        lastSendDescription = send.description();
        execute(send);
    }

    @FXML
    private void onEditor() {
        openEditor(producerChoice.getValue(), topicChoice.getValue(), null);
    }

    void openEditor(String producer, String topic, Integer partition) {
        FXMLLoader loader = new FXMLLoader(KafkaLabApp.resource("/dev/kafkalab/ui/RecordEditor.fxml"));
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RecordEditorController editor = loader.getController();
        editor.setUp(lab.snapshot(), producer, topic, partition, keyField.getText(), valueField.getText());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Record editor");
        dialog.setDialogPane(editor.dialogPane());
        owner().ifPresent(w -> {
            dialog.initOwner(w);
            editor.dialogPane().getStylesheets().addAll(w.getScene().getStylesheets());
        });
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            LabCommand c = editor.command();
            if (c != null) {
                lastSendDescription = c.description();
                execute(c);
            }
        });
    }

    @FXML
    private void onPlay() {
        player.play();
    }

    @FXML
    private void onPause() {
        player.pause();
    }

    @FXML
    private void onPlayPause() {
        player.togglePlay();
    }

    @FXML
    void onStep() {
        if (player.stepOne()) {
            refreshStatus();
            return;
        }
        player.pause();
        Lab.Outcome out = execute(new Commands.StepEngine());
        if (out.frames() != null && !out.frames().isEmpty()) {
            player.stepOne();
        }
    }

    @FXML
    void onNextStep() {
        if (lessonPanelController.active()) {
            lessonPanelController.next();
            return;
        }
        if (!lab.runner().hasNextStep()) {
            return;
        }
        execute(new Commands.NextStep());
    }

    @FXML
    void onRunIdle() {
        // show (and log) what is already queued before running on, so no event goes unlisted
        player.finishAll();
        if (lab.simulation().isBusy()) {
            execute(new Commands.RunUntilIdle());
        }
        player.finishAll();
        refresh();
    }

    @FXML
    private void onAdvance1() {
        execute(new Commands.Advance(1_000));
    }

    @FXML
    private void onAdvance10() {
        execute(new Commands.Advance(10_000));
    }

    @FXML
    private void onFaster() {
        speedSlider.setValue(Math.min(speedSlider.getMax(), speedSlider.getValue() + 0.25));
    }

    @FXML
    private void onSlower() {
        speedSlider.setValue(Math.max(speedSlider.getMin(), speedSlider.getValue() - 0.25));
    }

    /** The lab was rebuilt without animation (reset, a lesson's back or restart): show it from scratch. */
    private void redrawRebuilt() {
        log.clear();
        hashing.clear();
        player.showNow(lab.snapshot());
        canvas.setBindings(lab.bindings());
        refreshChoices();
        refresh();
        String summary = lab.scenario().summary();
        player.captionProperty().set(summary == null ? "" : summary);
    }

    @FXML
    void onReset() {
        lab.reset();
        redrawRebuilt();
        player.captionProperty().set("Reset: back to the start of " + lab.scenario().title());
    }

    @FXML
    void onUndo() {
        LabCommand undone = lab.undo();
        if (undone == null) {
            return;
        }
        player.showNow(lab.snapshot());
        canvas.setBindings(lab.bindings());
        log.add(new LogLine(lab.snapshot().time(), null, "↶ undone: " + undone.description()));
        player.captionProperty().set("Undone: " + undone.description() + " (rebuilt from seed " + lab.scenario().seed()
                + " and replayed " + lab.history().size() + " actions)");
        refreshChoices();
        refresh();
        lessonPanelController.commandRan(null);
    }

    @FXML
    void onRedo() {
        Lab.Outcome out = lab.redo();
        if (out == null) {
            return;
        }
        canvas.setBindings(lab.bindings());
        if (out.frames() != null && !out.frames().isEmpty()) {
            player.enqueue(out.frames());
        } else {
            player.showNow(lab.snapshot());
        }
        refreshChoices();
        refresh();
        lessonPanelController.commandRan(null);
    }

    @FXML
    private void onOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario files", "*.yaml", "*.yml"));
        File f = chooser.showOpenDialog(owner().orElse(null));
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Opens a scenario file; problems are shown, and the current lab stays. */
    public void openFile(Path file) {
        try {
            Scenario s = new ScenarioLoader().load(file);
            List<Problem> unsupported = ScenarioRunner.problems(s);
            if (!unsupported.isEmpty()) {
                showProblems(file.toString(), unsupported);
                return;
            }
            leaveLesson();
            load(s);
        } catch (ScenarioException e) {
            showProblems(file.toString(), e.problems());
        }
    }

    @FXML
    private void onNewSandbox() {
        loadResource(SANDBOX);
    }

    @FXML
    private void onSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the sandbox as a scenario");
        chooser.setInitialFileName("sandbox.yaml");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario files", "*.yaml"));
        File f = chooser.showSaveDialog(owner().orElse(null));
        if (f != null) {
            try {
                SandboxWriter.write(lab, f.toPath());
                tell("Saved", f.getName() + ": " + lab.history().size() + " actions", false);
            } catch (IOException e) {
                tell("Could not save", e.getMessage(), true);
            }
        }
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the canvas as PNG");
        chooser.setInitialFileName("kafka-lab.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG images", "*.png"));
        File f = chooser.showSaveDialog(owner().orElse(null));
        if (f != null) {
            try {
                exportCanvas(f.toPath());
                tell("Exported", f.getName(), false);
            } catch (IOException e) {
                tell("Could not export", e.getMessage(), true);
            }
        }
    }

    /** Writes the whole canvas (not just the visible part) as a PNG. */
    public void exportCanvas(Path file) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        PngWriter.write(canvas.snapshot(params, null), file);
    }

    @FXML
    private void onQuit() {
        owner().ifPresent(w -> ((Stage) w).close());
    }

    @FXML
    private void onToggleTheme() {
        setTheme(darkItem.isSelected() ? Themes.DARK : Themes.LIGHT);
    }

    @FXML
    private void onThemeToggle() {
        setTheme(themeToggle.isSelected() ? Themes.DARK : Themes.LIGHT);
    }

    void setTheme(Themes t) {
        theme = t;
        t.apply();
        darkItem.setSelected(t == Themes.DARK);
        themeToggle.setSelected(t == Themes.DARK);
        canvas.redraw();
    }

    public Themes theme() {
        return theme;
    }

    @FXML
    private void onPresentation() {
        boolean on = presentationItem.isSelected();
        if (on) {
            rootStack.getStyleClass().add("presentation");
            // large, but never so large that the picture needs a sideways scroll
            double width = canvasScroll.getViewportBounds().getWidth();
            setZoom(Math.max(1, Math.min(PRESENTATION_ZOOM, width / ClusterCanvas.MIN_WIDTH)));
        } else {
            rootStack.getStyleClass().remove("presentation");
            setZoom(1);
        }
    }

    @FXML
    private void onFullScreen() {
        owner().ifPresent(w -> ((Stage) w).setFullScreen(!((Stage) w).isFullScreen()));
    }

    @FXML
    private void onZoomIn() {
        setZoom(zoom * ZOOM_STEP);
    }

    @FXML
    private void onZoomOut() {
        setZoom(zoom / ZOOM_STEP);
    }

    @FXML
    private void onZoomReset() {
        setZoom(1);
    }

    /** Whether the brokers' zone is out of sight below the visible part of the canvas. */
    boolean brokersBelowView() {
        Bounds v = canvasScroll.getViewportBounds();
        double contentH = canvas.pictureHeight() * zoom;
        double top = Math.max(0, contentH - v.getHeight()) * canvasScroll.getVvalue();
        return v.getHeight() > 0 && canvas.brokersTop() * zoom + 40 > top + v.getHeight();
    }

    private void refreshBrokersHint() {
        brokersHint.setVisible(brokersBelowView());
    }

    @FXML
    void onShowBrokers() {
        Bounds v = canvasScroll.getViewportBounds();
        double range = canvas.pictureHeight() * zoom - v.getHeight();
        if (range > 0) {
            canvasScroll.setVvalue(Math.min(1, Math.max(0, (canvas.brokersTop() * zoom - 8) / range)));
        }
    }

    /** Scales the canvas so the whole cluster fits the visible area (never below {@link #MIN_ZOOM}). */
    @FXML
    void onZoomFit() {
        Bounds v = canvasScroll.getViewportBounds();
        if (v.getWidth() > 0 && v.getHeight() > 0) {
            setZoom(canvas.fitScale(v.getWidth(), v.getHeight(), MIN_ZOOM));
        }
    }

    public double zoom() {
        return zoom;
    }

    void setZoom(double z) {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
        scale.setX(zoom);
        scale.setY(zoom);
        canvas.setLayoutWidth(canvasScroll.getViewportBounds().getWidth() / zoom - 2);
        refreshBrokersHint();
    }

    @FXML
    void onHelp() {
        helpOverlay.setVisible(!helpOverlay.isVisible());
    }

    @FXML
    private void onCloseHelp() {
        helpOverlay.setVisible(false);
    }

    public boolean isHelpShowing() {
        return helpOverlay.isVisible();
    }

    public void focusKeyField() {
        Platform.runLater(keyField::requestFocus);
    }

    // ------------------------------------------------------------------ context menus

    ContextMenu menuFor(CanvasTarget target) {
        ClusterSnapshot s = player.shown();
        ContextMenu menu = new ContextMenu();
        if (target instanceof CanvasTarget.Broker b) {
            ClusterSnapshot.BrokerView bv = s.broker(b.id());
            Broker.State state = bv == null ? Broker.State.UP : bv.state();
            for (Commands.BrokerOp op : Commands.BrokerOp.values()) {
                String label = switch (op) {
                    case CRASH -> "Crash broker " + b.id();
                    case SHUTDOWN -> "Shut down broker " + b.id() + " (controlled)";
                    case RESTART -> "Restart broker " + b.id();
                    case ISOLATE -> "Isolate broker " + b.id() + " from the cluster";
                    case HEAL -> "Heal (reconnect) broker " + b.id();
                };
                MenuItem item = new MenuItem(label);
                item.setId("menu-" + op.action() + "-" + b.id());
                item.setDisable(switch (op) {
                    case CRASH -> state == Broker.State.CRASHED || state == Broker.State.SHUTDOWN;
                    case SHUTDOWN, ISOLATE -> state != Broker.State.UP;
                    case RESTART -> state != Broker.State.CRASHED && state != Broker.State.SHUTDOWN;
                    case HEAL -> state != Broker.State.ISOLATED;
                });
                item.setOnAction(e -> execute(new Commands.BrokerCommand(op, b.id())));
                menu.getItems().add(item);
            }
        } else if (target instanceof CanvasTarget.Topic t) {
            ClusterSnapshot.TopicView tv = s.topic(t.name());
            if (tv == null || tv.internal()) {
                return null;
            }
            MenuItem send = new MenuItem("Send a record to " + t.name() + "…");
            send.setOnAction(e -> openEditor(producerChoice.getValue(), t.name(), null));
            MenuItem grow = new MenuItem("Add partitions…");
            grow.setOnAction(e -> addPartitions(tv));
            MenuItem configure = new MenuItem("Configure…");
            configure.setOnAction(e -> TopicConfigDialog.show(tv, owner().orElse(null)).ifPresent(this::execute));
            menu.getItems().addAll(send, grow, configure);
        } else if (target instanceof CanvasTarget.Partition p) {
            MenuItem send = new MenuItem("Send a record to partition " + p.partition() + "…");
            send.setOnAction(e -> openEditor(producerChoice.getValue(), p.topic(), p.partition()));
            menu.getItems().add(send);
        } else if (target instanceof CanvasTarget.Consumer c) {
            ClusterSnapshot.ConsumerView cv = s.consumer(c.id());
            boolean open = cv != null && !cv.closed();
            for (Commands.ConsumerOp op : Commands.ConsumerOp.values()) {
                String label = switch (op) {
                    case POLL -> "Poll (read records)";
                    case COMMIT -> "Commit positions";
                    case LEAVE -> "Leave the group";
                    case KILL -> "Kill (no goodbye)";
                };
                MenuItem item = new MenuItem(label);
                boolean grouped = cv != null && cv.group() != null;
                item.setDisable(!open || (!grouped && op != Commands.ConsumerOp.POLL && op != Commands.ConsumerOp.KILL));
                item.setOnAction(e -> execute(new Commands.ConsumerCommand(op, c.id())));
                menu.getItems().add(item);
            }
        } else if (target instanceof CanvasTarget.Producer p) {
            MenuItem send = new MenuItem("Send a record…");
            send.setOnAction(e -> openEditor(p.id(), lab.boundTopic(p.id()) != null ? lab.boundTopic(p.id())
                    : topicChoice.getValue(), null));
            menu.getItems().add(send);
        } else {
            return null;
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem inspect = new MenuItem("Inspect");
        inspect.setOnAction(e -> canvas.selectionProperty().set(target));
        menu.getItems().add(inspect);
        return menu;
    }

    private void addPartitions(ClusterSnapshot.TopicView t) {
        TextInputDialog d = new TextInputDialog(Integer.toString(t.partitions().size() + 1));
        d.setTitle("Add partitions");
        d.setHeaderText("Partitions of " + t.name() + " can only grow. Keys may then map to other partitions!");
        d.setContentText("New total:");
        owner().ifPresent(d::initOwner);
        d.showAndWait().ifPresent(v -> {
            try {
                execute(new Commands.AddPartitions(t.name(), Integer.parseInt(v.strip())));
            } catch (NumberFormatException e) {
                tell("Not a number", v, true);
            }
        });
    }

    // ------------------------------------------------------------------ drag and drop

    /** What may be dropped where; a refusal says why in words. */
    final class Drops implements ClusterCanvas.DropHandler {
        @Override
        public String check(String payload, CanvasTarget target) {
            ClusterSnapshot s = lab.snapshot();
            if (payload.equals("palette:producer")) {
                return target instanceof CanvasTarget.Topic || target instanceof CanvasTarget.Canvas ? null
                        : "Drop a new producer on a topic (it will send there) or on an empty spot.";
            }
            if (payload.equals("palette:consumer")) {
                return target instanceof CanvasTarget.Topic || target instanceof CanvasTarget.Group ? null
                        : "Drop a new consumer on a topic (it starts a group reading it) or on a group box (it joins).";
            }
            if (payload.equals("palette:topic")) {
                return target instanceof CanvasTarget.Canvas || target instanceof CanvasTarget.Topic ? null
                        : "Drop a topic on an empty part of the canvas.";
            }
            if (payload.equals("palette:broker")) {
                return s.brokers().size() < dev.kafkalab.engine.Cluster.MAX_BROKERS ? null
                        : "Kafka Lab simulates at most " + dev.kafkalab.engine.Cluster.MAX_BROKERS + " brokers.";
            }
            if (payload.startsWith("producer:")) {
                return target instanceof CanvasTarget.Topic t && !s.topic(t.name()).internal() ? null
                        : "A producer sends to a topic: drop it on a topic's rectangle.";
            }
            if (payload.startsWith("consumer:")) {
                ClusterSnapshot.ConsumerView c = s.consumer(payload.substring("consumer:".length()));
                if (c == null) {
                    return "That consumer is gone.";
                }
                if (target instanceof CanvasTarget.Group g) {
                    if (g.id().equals(c.group()) && !c.closed()) {
                        return c.id() + " is already in group " + g.id() + ".";
                    }
                    if (c.group() != null && !g.id().equals(c.group()) && !c.closed()) {
                        return c.id() + " is in group " + c.group() + ": a consumer belongs to one group. "
                                + "Right-click it and leave first.";
                    }
                    return c.group() == null && !c.closed() ? c.id() + " assigns itself partitions (no group.id); "
                            + "drag a new Consumer from the palette instead." : null;
                }
                if (target instanceof CanvasTarget.Topic t) {
                    if (c.group() == null) {
                        return c.id() + " has no group: drop it on a group box, or drag a new Consumer onto "
                                + t.name() + ".";
                    }
                    return c.topics().contains(t.name()) && !c.closed() ? c.id() + " already reads " + t.name() + "."
                            : null;
                }
                return "Drop a consumer on a group box (to join it) or on a topic (to subscribe to it).";
            }
            return "Unknown item.";
        }

        @Override
        public void drop(String payload, CanvasTarget target) {
            ClusterSnapshot s = lab.snapshot();
            if (payload.equals("palette:producer")) {
                String id = freshId("producer-", s.producers().stream().map(ClusterSnapshot.ProducerView::id).toList(),
                        true);
                LabCommand add = new Commands.AddProducer(id, Map.of("acks", "all"));
                execute(target instanceof CanvasTarget.Topic t ? new Commands.Composite("add producer " + id
                        + " for " + t.name(), List.of(add, new Commands.BindProducer(id, t.name()))) : add);
                producerChoice.setValue(id);
            } else if (payload.equals("palette:consumer")) {
                String id = freshId("consumer-", s.consumers().stream().map(ClusterSnapshot.ConsumerView::id).toList(),
                        false);
                if (target instanceof CanvasTarget.Group g) {
                    execute(new Commands.Join(id, g.id(), groupTopics(s, g.id()), Map.of("auto.offset.reset",
                            "earliest")));
                } else if (target instanceof CanvasTarget.Topic t) {
                    execute(new Commands.Join(id, t.name() + "-readers", List.of(t.name()),
                            Map.of("auto.offset.reset", "earliest")));
                }
            } else if (payload.equals("palette:topic")) {
                String name = "topic-" + nextTopic++;
                while (s.topic(name) != null) {
                    name = "topic-" + nextTopic++;
                }
                execute(new Commands.CreateTopic(name, 3, Math.min(3, s.brokers().size()), Map.of()));
                tell("Topic " + name, "3 partitions. Right-click it to add partitions or change its settings.",
                        false);
            } else if (payload.equals("palette:broker")) {
                execute(new Commands.AddBroker());
                tell("Broker added", "The cluster restarted with " + lab.snapshot().brokers().size()
                        + " brokers and replayed your actions. New topics can use the new broker.", false);
            } else if (payload.startsWith("producer:") && target instanceof CanvasTarget.Topic t) {
                execute(new Commands.BindProducer(payload.substring("producer:".length()), t.name()));
                refreshChoices();
            } else if (payload.startsWith("consumer:")) {
                ClusterSnapshot.ConsumerView c = s.consumer(payload.substring("consumer:".length()));
                if (target instanceof CanvasTarget.Group g) {
                    execute(new Commands.Join(c.id(), g.id(), groupTopics(s, g.id()), Map.of()));
                } else if (target instanceof CanvasTarget.Topic t) {
                    List<String> topics = new ArrayList<>(c.topics());
                    topics.add(t.name());
                    execute(new Commands.Join(c.id(), c.group(), topics, Map.of()));
                }
            }
        }
    }

    private String freshId(String prefix, List<String> taken, boolean producer) {
        String id;
        do {
            id = prefix + (producer ? nextProducer++ : nextConsumer++);
        } while (taken.contains(id));
        return id;
    }

    private static List<String> groupTopics(ClusterSnapshot s, String group) {
        List<String> out = new ArrayList<>();
        for (ClusterSnapshot.ConsumerView c : s.consumers()) {
            if (group.equals(c.group())) {
                for (String t : c.topics()) {
                    if (!out.contains(t)) {
                        out.add(t);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            s.topics().stream().filter(t -> !t.internal()).findFirst().ifPresent(t -> out.add(t.name()));
        }
        return out;
    }

    Node canvasNode(String id) {
        return canvas.node(id);
    }
}
