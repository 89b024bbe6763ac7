package dev.kafkalab.ui;

import dev.kafkalab.engine.SimEvent;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

import java.util.List;

/** Controller of {@code MainWindow.fxml}: wires the send panel to the demo cluster and refreshes the views. */
public final class MainWindowController {
    /** How many events the event log keeps. */
    public static final int EVENT_LOG_SIZE = 200;

    static final KeyCombination SEND_SHORTCUT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HELP_SHORTCUT = new KeyCodeCombination(KeyCode.F1);

    @FXML
    private TextField keyField;
    @FXML
    private TextField valueField;
    @FXML
    private Button sendButton;
    @FXML
    private Button helpButton;
    @FXML
    private Label topicLabel;
    @FXML
    private Label resultLabel;
    @FXML
    private Label shortcutHint;
    @FXML
    private TextArea clusterText;
    @FXML
    private ListView<String> eventList;
    @FXML
    private Label timeLabel;
    @FXML
    private Label recordsLabel;
    @FXML
    private Label deliveriesLabel;

    private final DemoCluster demo = new DemoCluster();
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private Alert help;

    @FXML
    private void initialize() {
        String send = displayText(SEND_SHORTCUT);
        String helpKey = displayText(HELP_SHORTCUT);
        topicLabel.setText("Topic " + DemoCluster.TOPIC + " (" + DemoCluster.PARTITIONS + " partitions), producer "
                + DemoCluster.PRODUCER);
        keyField.setTooltip(new Tooltip("Record key; leave empty for a keyless record.\nEnter or " + send
                + " sends."));
        valueField.setTooltip(new Tooltip("Record value.\nEnter or " + send + " sends."));
        sendButton.setTooltip(new Tooltip("Send the record and run the simulation until idle (" + send + ")"));
        helpButton.setTooltip(new Tooltip("Keyboard shortcuts (" + helpKey + ")"));
        helpButton.setText("Help (" + helpKey + ")");
        shortcutHint.setText("Enter or " + send + " sends. " + helpKey + " shows help.");
        eventList.setItems(events);
        eventList.setCellFactory(list -> new EventCell());
        // keep the newest event in view when the window or the split changes size
        eventList.heightProperty().addListener((obs, was, now) -> scrollEventsToEndLater());
        eventList.widthProperty().addListener((obs, was, now) -> scrollEventsToEndLater());
        appendEvents(demo.history());
        refresh(-1);
    }

    /** Wrapped rows change height on resize, so scroll after that layout pass, not during it. */
    private void scrollEventsToEndLater() {
        Platform.runLater(this::scrollEventsToEnd);
    }

    /**
     * Shows the newest event whole. {@code scrollTo} alone can stop a few pixels short with wrapped
     * rows of different heights, so the flow is then pushed to its very end.
     */
    private void scrollEventsToEnd() {
        if (events.isEmpty()) {
            return;
        }
        eventList.scrollTo(events.size() - 1);
        if (eventList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            eventList.layout();
            flow.scrollPixels(Double.MAX_VALUE / 4);
        }
    }

    /** "Ctrl+Enter" rather than JavaFX's "Ctrl+\u21b5", which reads badly in a hint. */
    static String displayText(KeyCombination k) {
        return k.getDisplayText().replace("\u21b5", "Enter");
    }

    /** An event log row that wraps long events instead of needing a horizontal scroll bar. */
    private static final class EventCell extends ListCell<String> {
        EventCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }

    /** Ctrl+Enter (Cmd+Enter on a Mac) sends from anywhere in the window; F1 opens the help. */
    void installShortcuts(Scene scene) {
        scene.getAccelerators().put(SEND_SHORTCUT, this::send);
        scene.getAccelerators().put(HELP_SHORTCUT, this::showHelp);
    }

    void focusKeyField() {
        keyField.requestFocus();
    }

    DemoCluster demo() {
        return demo;
    }

    @FXML
    private void onSend(ActionEvent e) {
        e.consume();
        send();
    }

    @FXML
    private void onHelp(ActionEvent e) {
        e.consume();
        showHelp();
    }

    /** Sends the record in the fields (empty key = keyless) and shows what happened. */
    void send() {
        DemoCluster.SendOutcome outcome = demo.send(keyField.getText(), valueField.getText());
        resultLabel.setText(outcome.resultLine());
        boolean ok = outcome.delivery() != null && outcome.delivery().acked();
        resultLabel.getStyleClass().removeAll("result-ok", "result-error");
        resultLabel.getStyleClass().add(ok ? "result-ok" : "result-error");
        appendEvents(outcome.events());
        refresh(outcome.delivery() == null ? -1 : outcome.delivery().partition());
    }

    private void appendEvents(List<SimEvent> newEvents) {
        if (newEvents.isEmpty()) {
            return;
        }
        int from = Math.max(0, newEvents.size() - EVENT_LOG_SIZE);
        List<String> lines = newEvents.subList(from, newEvents.size()).stream().map(ClusterText::eventLine).toList();
        events.addAll(lines);
        if (events.size() > EVENT_LOG_SIZE) {
            events.remove(0, events.size() - EVENT_LOG_SIZE);
        }
        scrollEventsToEnd();
        scrollEventsToEndLater();
    }

    /** Redraws the cluster text and status bar; scrolls the cluster text to {@code partition} if >= 0. */
    private void refresh(int partition) {
        double scrollTop = clusterText.getScrollTop();
        String text = ClusterText.describe(demo.simulation());
        clusterText.setText(text);
        int at = partition < 0 ? -1 : text.indexOf("  partition " + partition + "  (");
        if (at >= 0) {
            // move the caret over the partition that got the record, so the text area scrolls to it:
            // first its header, then its newest record, which wins when the block is taller than the view
            int end = text.indexOf("\n\n", at);
            clusterText.positionCaret(at);
            clusterText.positionCaret(end < 0 ? text.length() : end);
        } else {
            clusterText.setScrollTop(scrollTop);
        }
        timeLabel.setText("Virtual time: " + demo.simulation().now() + " ms");
        recordsLabel.setText("Records in cluster: " + ClusterText.recordCount(demo.simulation()));
        long acked = demo.producer().deliveries().stream().filter(d -> d.acked()).count();
        long failed = demo.producer().deliveries().size() - acked;
        deliveriesLabel.setText("Producer " + DemoCluster.PRODUCER + ": " + acked + " acked, " + failed + " failed");
    }

    /** A small, non-blocking dialog listing the shortcuts. */
    void showHelp() {
        if (help == null) {
            help = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
            help.setTitle("Kafka Lab help");
            help.setHeaderText("Keyboard shortcuts");
            GridPane grid = new GridPane();
            grid.getStyleClass().add("help-grid");
            String[][] rows = {
                    {"Enter", "in the Key or Value field: send the record"},
                    {displayText(SEND_SHORTCUT), "send the record from anywhere"},
                    {displayText(HELP_SHORTCUT), "show this help"},
                    {"Tab / Shift+Tab", "move between fields and buttons"},
                    {"Esc", "close this dialog"},
            };
            for (int i = 0; i < rows.length; i++) {
                Label key = new Label(rows[i][0]);
                key.getStyleClass().add("shortcut-key");
                Label what = new Label(rows[i][1]);
                what.setWrapText(true);
                grid.addRow(i, key, what);
            }
            Label keyless = new Label("An empty key sends a keyless record: the sticky partitioner picks its "
                    + "partition. A key is hashed with murmur2 to pick one.");
            keyless.setWrapText(true);
            keyless.getStyleClass().addAll("hint", "help-note");
            keyless.setMinHeight(Region.USE_PREF_SIZE);
            grid.add(keyless, 0, rows.length, 2, 1);
            help.getDialogPane().setContent(grid);
            help.getDialogPane().getStyleClass().add("help-dialog");
            Scene scene = keyField.getScene();
            if (scene != null) {
                help.initOwner(scene.getWindow());
                help.getDialogPane().getStylesheets().addAll(scene.getStylesheets());
            }
        }
        if (help.isShowing()) {
            help.getDialogPane().getScene().getWindow().requestFocus();
        } else {
            help.show();
        }
    }
}
