package dev.kafkalab.ui.lesson;

import dev.kafkalab.scenario.Problem;
import dev.kafkalab.scenario.Question;
import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.Step;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.lab.Lab;
import dev.kafkalab.ui.lab.LabCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The lesson player (controller of {@code LessonPanel.fxml}): the lesson list with saved progress and
 * broken files marked, and the running lesson drawn from its {@link LessonSession}.
 */
public final class LessonPanel {
    /** What the player needs from the window. */
    public interface Host {
        Lab lab();

        /** Shows a lesson's starting cluster (the lab is loaded with it). */
        void loadLesson(Scenario lesson);

        /** Runs a command the learner should see animated. */
        Lab.Outcome run(LabCommand command);

        /** Redraws after the lab changed without animation (back, restart, reload). */
        void refreshAll();

        /** A notification. */
        void tell(String title, String text, boolean warning);
    }

    @FXML
    private TitledPane listPane;
    @FXML
    private ListView<LessonLibrary.Entry> lessonList;
    @FXML
    private Button startButton;
    @FXML
    private Label libraryNote;
    @FXML
    private VBox player;
    @FXML
    private Label lessonName;
    @FXML
    private Label stepCounter;
    @FXML
    private ProgressBar progress;
    @FXML
    private VBox narrative;
    @FXML
    private VBox questionBox;
    @FXML
    private VBox askHolder;
    @FXML
    private FlowPane choiceBox;
    @FXML
    private Button guessButton;
    @FXML
    private Label feedback;
    @FXML
    private VBox explainHolder;
    @FXML
    private VBox goalBox;
    @FXML
    private VBox goalHolder;
    @FXML
    private Label goalStatus;
    @FXML
    private VBox hintHolder;
    @FXML
    private Button showMeButton;
    @FXML
    private VBox sandboxBox;
    @FXML
    private VBox sandboxHolder;
    @FXML
    private Button backButton;
    @FXML
    private Button restartButton;
    @FXML
    private Button nextButton;
    @FXML
    private Button closeButton;

    private final ToggleGroup choices = new ToggleGroup();
    private Host host;
    private LessonLibrary library;
    private ProgressStore store;
    private LessonSession session;
    private LessonLibrary.Entry current;
    /** The step whose question and goal boxes are drawn, so a redraw keeps the learner's pick. */
    private Step drawnStep;
    private LessonWatcher watcher;

    @FXML
    private void initialize() {
        lessonList.setCellFactory(list -> new EntryCell());
        lessonList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                onStart();
            }
        });
        lessonList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                startButton.setDisable(now == null));
        choices.selectedToggleProperty().addListener((obs, was, now) ->
                guessButton.setDisable(now == null || session == null
                        || session.phase() != LessonSession.Phase.QUESTION));
        startButton.setTooltip(new Tooltip("Start the selected lesson (double-click works too)"));
        showMeButton.setTooltip(new Tooltip("Watch the lab do it for you"));
        restartButton.setTooltip(new Tooltip("Start this lesson over"));
        closeButton.setTooltip(new Tooltip("Leave the lesson; the lab stays as it is"));
        backButton.setTooltip(new Tooltip("Show the previous step again"));
        nextButton.setTooltip(new Tooltip("Run the step, or go on to the next one when it is done (N)"));
    }

    /** Shows a library's lessons; a folder library is watched and files reload when they change. */
    public void show(LessonLibrary lib, ProgressStore progressStore, Host windowHost) {
        this.library = lib;
        this.store = progressStore;
        this.host = windowHost;
        refreshList();
        if (lib.folder() != null) {
            stopWatching();
            try {
                watcher = new LessonWatcher(lib.folder(), file -> Platform.runLater(() -> reloaded(file)));
            } catch (IOException e) {
                host.tell("Lessons are not watched", "Kafka Lab cannot watch " + lib.folder()
                        + " for changes: " + e.getMessage(), true);
            }
        }
        lessonList.getSelectionModel().select(firstUnfinished());
    }

    private int firstUnfinished() {
        List<LessonLibrary.Entry> entries = lessonList.getItems();
        for (int i = 0; i < entries.size(); i++) {
            ProgressStore.LessonProgress p = store.get(entries.get(i).id());
            if (!entries.get(i).broken() && (p == null || !p.finished())) {
                return i;
            }
        }
        return 0;
    }

    /** Stops watching the lesson folder (the window closes). */
    public void stopWatching() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    private void refreshList() {
        LessonLibrary.Entry selected = lessonList.getSelectionModel().getSelectedItem();
        lessonList.getItems().setAll(library.entries());
        long broken = library.entries().stream().filter(LessonLibrary.Entry::broken).count();
        String note = library.folder() != null
                ? "From " + library.folder() + " — files reload when you save them." : "";
        if (broken > 0) {
            note += (note.isEmpty() ? "" : " ") + broken + (broken == 1 ? " lesson file cannot" : " lesson files cannot")
                    + " be loaded: see ⚠.";
        }
        if (store.warning() != null) {
            note += (note.isEmpty() ? "" : " ") + store.warning();
        }
        libraryNote.setText(note);
        libraryNote.setVisible(!note.isEmpty());
        libraryNote.setManaged(!note.isEmpty());
        if (selected != null) {
            lessonList.getItems().stream().filter(e -> e.id().equals(selected.id())).findFirst()
                    .ifPresent(e -> lessonList.getSelectionModel().select(e));
        }
    }

    /** A file of the watched folder changed: load it again, and follow it if it is the running lesson. */
    void reloaded(Path file) {
        LessonLibrary.Entry e = library.reload(file);
        refreshList();
        String id = file.getFileName().toString();
        if (current == null || !current.id().equals(id)) {
            return;
        }
        if (e == null) {
            host.tell("Lesson removed", id + " is gone from the folder; you can keep playing in this lab.", true);
            return;
        }
        if (e.broken()) {
            host.tell("Lesson has problems now", id + " did not load, so the lesson keeps its last good version:\n"
                    + problems(e, 5), true);
            return;
        }
        int at = session == null ? 0 : Math.min(session.index(), e.scenario().steps().size() - 1);
        start(e);
        if (at > 0) {
            session.jumpTo(at);
            host.refreshAll();
            draw();
        }
        host.tell("Lesson reloaded", id + " changed on disk; you are at step " + (session.index() + 1) + ".", false);
    }

    @FXML
    void onStart() {
        LessonLibrary.Entry e = lessonList.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        if (e.broken()) {
            host.tell("This lesson cannot be loaded", problems(e, 8), true);
            return;
        }
        start(e);
    }

    /** Starts a lesson from its first step. */
    public void start(LessonLibrary.Entry e) {
        current = e;
        host.loadLesson(e.scenario());
        session = new LessonSession(e.scenario(), host.lab(), host::run);
        drawnStep = null;
        player.setVisible(true);
        player.setManaged(true);
        listPane.setExpanded(false);
        session.begin();
        saveProgress();
        draw();
    }

    /** True while a lesson runs. */
    public boolean active() {
        return session != null;
    }

    public LessonSession session() {
        return session;
    }

    /** Ends the lesson player without touching the lab (a file or example was opened). */
    public void leave() {
        session = null;
        current = null;
        player.setVisible(false);
        player.setManaged(false);
        listPane.setExpanded(true);
    }

    /** The window ran a learner's command (null after undo or redo): judge the goal. */
    public void commandRan(LabCommand c) {
        if (session == null) {
            return;
        }
        boolean attempt = c != null && !(c instanceof Commands.StepEngine || c instanceof Commands.Advance
                || c instanceof Commands.RunUntilIdle || c instanceof Commands.NextStep
                || c instanceof Commands.RunSolution);
        if (session.commandRan(attempt)) {
            saveProgress();
        }
        draw();
    }

    /** "Next" from the keyboard: runs the step, or goes on when it is done. */
    public void next() {
        onNext();
    }

    @FXML
    void onNext() {
        if (session == null) {
            return;
        }
        if (session.phase() == LessonSession.Phase.READY) {
            session.run();
        } else if (session.canGoOn()) {
            session.next();
        } else {
            return;
        }
        saveProgress();
        draw();
    }

    @FXML
    void onBack() {
        if (session == null) {
            return;
        }
        session.back();
        host.refreshAll();
        draw();
    }

    @FXML
    void onRestart() {
        if (session == null) {
            return;
        }
        session.restart();
        host.refreshAll();
        draw();
    }

    @FXML
    void onShowMe() {
        if (session != null) {
            session.showMe();
            saveProgress();
            draw();
        }
    }

    @FXML
    void onGuess() {
        ToggleButton picked = (ToggleButton) choices.getSelectedToggle();
        if (session == null || picked == null || session.phase() != LessonSession.Phase.QUESTION) {
            return;
        }
        LessonSession.GuessResult r = session.guess((String) picked.getUserData());
        if (!r.revealed()) {
            picked.setDisable(true);
            picked.setSelected(false);
            picked.setText("✗ " + picked.getUserData());
            feedback.setText("Not quite. Hint: " + MarkdownView.plain(r.hint()) + " Try again.");
            setStyle(feedback, "feedback-wrong");
            // keep the keyboard focus in the question (a disabled button would pass it on and scroll away)
            choiceBox.getChildren().stream().filter(n -> !n.isDisabled()).findFirst().ifPresent(n -> n.requestFocus());
            return;
        }
        saveProgress();
        draw();
    }

    @FXML
    void onNextLesson() {
        int i = lessonList.getItems().indexOf(current);
        for (int k = i + 1; k < lessonList.getItems().size(); k++) {
            if (!lessonList.getItems().get(k).broken()) {
                lessonList.getSelectionModel().select(k);
                start(lessonList.getItems().get(k));
                return;
            }
        }
        host.tell("That was the last lesson", "You have been through every lesson. The lab is yours.", false);
    }

    @FXML
    void onClose() {
        leave();
    }

    private void saveProgress() {
        if (session == null || current == null) {
            return;
        }
        try {
            store.record(current.id(), session.stepsDone(), session.stepCount(),
                    session.phase() == LessonSession.Phase.SANDBOX);
        } catch (IOException e) {
            host.tell("Progress not saved", "Kafka Lab could not save your progress to " + store.file() + ": "
                    + e.getMessage(), true);
        }
        lessonList.refresh();
    }

    /** Draws the session's state. */
    void draw() {
        if (session == null) {
            return;
        }
        Scenario s = session.scenario();
        lessonName.setText(s.title());
        progress.setProgress(session.stepCount() == 0 ? 1 : (double) session.stepsDone() / session.stepCount());
        Step step = session.step();
        boolean sandbox = session.phase() == LessonSession.Phase.SANDBOX;
        if (sandbox) {
            stepCounter.setText("Finished: all " + session.stepCount() + " steps done");
            narrative.getChildren().clear();
            if (drawnStep != null) {
                revealTop();
            }
        } else {
            stepCounter.setText("Step " + (session.index() + 1) + " of " + session.stepCount()
                    + (step.title() == null ? "" : " · " + step.title()));
            if (step != drawnStep) {
                narrative.getChildren().setAll(MarkdownView.render(step.say()));
                revealTop();
            }
        }
        drawQuestion(sandbox ? null : step);
        drawGoal(sandbox ? null : step);
        showBox(sandboxBox, sandbox);
        if (sandbox) {
            String text = s.sandbox() != null ? s.sandbox() : "Everything on the canvas is yours: send records,"
                    + " drag from the palette, right-click brokers, topics and consumers.";
            sandboxHolder.getChildren().setAll(MarkdownView.render(text));
        }
        drawnStep = step;
        backButton.setDisable(session.index() == 0 && !sandbox);
        boolean last = session.index() == session.stepCount() - 1;
        boolean ready = session.phase() == LessonSession.Phase.READY;
        nextButton.setDisable(!ready && !session.canGoOn());
        nextButton.setText(ready ? "▶ Run step" : last ? "Finish ✓" : "Next ▶");
        nextButton.setVisible(!sandbox);
        nextButton.setManaged(!sandbox);
    }

    private void drawQuestion(Step step) {
        Question q = step == null ? null : step.question();
        showBox(questionBox, q != null);
        if (q == null) {
            return;
        }
        if (step != drawnStep) {
            askHolder.getChildren().setAll(MarkdownView.render(q.ask()));
            choices.getToggles().clear();
            choiceBox.getChildren().clear();
            // short answers (partitions, brokers) sit side by side; long ones (exception names) get a row each
            boolean rows = session.choices().stream().anyMatch(c -> c.length() > 8);
            for (String c : session.choices()) {
                ToggleButton b = new ToggleButton(c);
                b.setUserData(c);
                b.setId("choice-" + c);
                b.getStyleClass().add("choice");
                b.setToggleGroup(choices);
                if (rows) {
                    b.setWrapText(true);
                    b.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                    b.prefWidthProperty().bind(choiceBox.widthProperty());
                }
                choiceBox.getChildren().add(b);
            }
            feedback.setText("Make your guess, then lock it in: the lab will show you what really happens.");
            setStyle(feedback, "hint");
            explainHolder.getChildren().clear();
        }
        String answer = session.revealedAnswer();
        if (answer == null) {
            return;
        }
        String guess = session.guessMade();
        for (var node : choiceBox.getChildren()) {
            ToggleButton b = (ToggleButton) node;
            String c = (String) b.getUserData();
            b.setDisable(true);
            boolean guessed = c.equals(guess) || c.equals(session.firstGuess());
            b.setText(c.equals(answer) ? "✓ " + c : guessed ? "✗ " + c : c);
            b.getStyleClass().removeAll("choice-correct", "choice-wrong");
            if (c.equals(answer)) {
                b.getStyleClass().add("choice-correct");
            } else if (guessed) {
                b.getStyleClass().add("choice-wrong");
            }
        }
        guessButton.setDisable(true);
        boolean firstTime = answer.equals(session.firstGuess());
        if (answer.equals(guess)) {
            feedback.setText(firstTime ? "✓ Right! The engine says " + answer + "."
                    : "✓ Right on the second try. The engine says " + answer + ".");
            setStyle(feedback, "feedback-right");
        } else {
            feedback.setText("✗ The engine says " + answer + "; you guessed " + guess + ".");
            setStyle(feedback, "feedback-wrong");
        }
        if (q.explain() != null && explainHolder.getChildren().isEmpty()) {
            explainHolder.getChildren().setAll(MarkdownView.render(q.explain()));
        }
    }

    private void drawGoal(Step step) {
        boolean has = step != null && step.goal() != null;
        // the goal shows once the step's question is answered and its actions ran
        boolean notYet = has && (session.phase() == LessonSession.Phase.QUESTION
                || session.phase() == LessonSession.Phase.READY);
        showBox(goalBox, has && !notYet);
        if (!has || notYet) {
            return;
        }
        if (step != drawnStep || goalHolder.getChildren().isEmpty()) {
            goalHolder.getChildren().setAll(MarkdownView.render(step.goal().text()));
        }
        boolean done = session.phase() != LessonSession.Phase.GOAL;
        goalStatus.setText(done ? (session.shownHow() ? "✓ Done — watch how it went, then go on."
                : "✓ Goal met! Go on with Next.") : session.goalPending()
                ? "◔ Nearly there: let time pass (+1 s, +10 s) and watch it happen." : "○ Waiting for you…");
        setStyle(goalStatus, done ? "feedback-right" : "hint");
        hintHolder.getChildren().clear();
        for (String h : done ? List.<String>of() : session.goalHints()) {
            Label l = new Label("Hint: " + MarkdownView.plain(h));
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add("lesson-hint");
            hintHolder.getChildren().add(l);
        }
        showMeButton.setVisible(!done);
        showMeButton.setManaged(!done);
    }

    /** A new step: scroll the side panel so the player's top (the step's title and narrative) shows. */
    private void revealTop() {
        // the focus must not stay on a button further down (a disabled one passes it on, and the side
        // panel scrolls to wherever it lands); the player itself takes it, which scrolls nothing
        player.requestFocus();
        Platform.runLater(() -> {
            javafx.scene.Parent p = player.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (!(p instanceof javafx.scene.control.ScrollPane sp) || sp.getContent() == null) {
                return;
            }
            double y = sp.getContent().sceneToLocal(player.localToScene(0, 0)).getY();
            double free = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            if (free > 0) {
                sp.setVvalue(sp.getVmin() + (sp.getVmax() - sp.getVmin()) * Math.min(1, y / free));
            }
        });
    }

    private static void showBox(VBox box, boolean show) {
        box.setVisible(show);
        box.setManaged(show);
    }

    private static void setStyle(Label l, String style) {
        l.getStyleClass().removeAll("hint", "feedback-right", "feedback-wrong");
        l.getStyleClass().add(style);
    }

    private static String problems(LessonLibrary.Entry e, int max) {
        String shown = e.problems().stream().limit(max).map(Problem::toString).collect(Collectors.joining("\n"));
        int more = e.problems().size() - max;
        return more > 0 ? shown + "\n… and " + more + " more" : shown;
    }

    /** A lesson in the list: its title and how far the learner got, or why it cannot load. */
    private final class EntryCell extends ListCell<LessonLibrary.Entry> {
        private final Label title = new Label();
        private final Label status = new Label();
        private final VBox box = new VBox(2, title, status);

        EntryCell() {
            title.getStyleClass().add("lesson-title");
            status.getStyleClass().add("lesson-status");
            title.setWrapText(true);
            status.setWrapText(true);
            title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.setMinWidth(0);
            box.maxWidthProperty().bind(widthProperty().subtract(16));
            box.prefWidthProperty().bind(widthProperty().subtract(16));
        }

        @Override
        protected void updateItem(LessonLibrary.Entry e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            status.getStyleClass().remove("lesson-broken");
            if (empty || e == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (e.broken()) {
                status.setText("⚠ cannot load: " + e.problems().get(0));
                status.getStyleClass().add("lesson-broken");
                setTooltip(new Tooltip(problems(e, 12)));
            } else {
                ProgressStore.LessonProgress p = store == null ? null : store.get(e.id());
                int steps = e.scenario().steps().size();
                status.setText(p == null ? steps + (steps == 1 ? " step" : " steps") + " · not started"
                        : p.finished() ? "✓ finished" : p.stepsDone() + " of " + steps + " steps done");
                setTooltip(e.scenario().summary() == null ? null : new Tooltip(e.scenario().summary()));
            }
            title.setText(e.title());
            setGraphic(box);
        }
    }
}
