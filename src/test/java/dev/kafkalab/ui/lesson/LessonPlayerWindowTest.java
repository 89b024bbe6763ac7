package dev.kafkalab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkalab.ui.KafkaLabApp;
import dev.kafkalab.ui.MainWindowController;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Lesson 3 as a learner takes it: drag the producer onto the topic, then predict where a key lands. */
@ExtendWith(ApplicationExtension.class)
class LessonPlayerWindowTest {
    @TempDir
    static Path home;

    private MainWindowController controller;

    @Start
    void start(Stage stage) {
        System.setProperty("kafkalab.home", home.toString());
        KafkaLabApp app = new KafkaLabApp();
        app.start(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1440);
        stage.setHeight(1080);
        controller = app.controller();
    }

    private void settle() {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !controller.player().isAnimating()
                    && controller.player().pendingCount() == 0);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the animations did not finish", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void lessonThreeGoalByDraggingAProducerThenItsPrediction(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#lessonList").queryAs(ListView.class);
        // the packaged lessons are read in the background after the first frame
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 10);
        int partitions = -1;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (((LessonLibrary.Entry) list.getItems().get(i)).id().startsWith("03-")) {
                partitions = i;
            }
        }
        int index = partitions;
        assertThat(index).as("lesson 3 is in the list").isNotNegative();
        robot.interact(() -> {
            list.getSelectionModel().select(index);
            list.scrollTo(index);
        });
        robot.clickOn("#startLessonButton");
        settle();
        LessonSession session = controller.lessons().session();
        assertThat(session.scenario().title()).isEqualTo("Partitions");
        assertThat(session.phase()).isEqualTo(LessonSession.Phase.GOAL);
        assertThat(session.step().goal().condition()).isEqualTo("bind");

        // the goal: drag producer pos onto topic payments
        robot.interact(() -> robot.lookup("#canvasScroll").queryAs(ScrollPane.class).setVvalue(0));
        Node producer = controller.canvas().node("producer-pos");
        Node topic = controller.canvas().node("topic-payments");
        robot.drag(producer).dropTo(topic);
        settle();
        assertThat(controller.lab().bindings()).containsEntry("pos", "payments");
        assertThat(session.phase()).isEqualTo(LessonSession.Phase.COMPLETE);
        assertThat(robot.lookup("#goalStatus").queryAs(Label.class).getText()).startsWith("✓ Goal met");
        robot.clickOn("#lessonNextButton");

        // the prediction: where does "Credit Card Payment" land among 6 partitions?
        assertThat(session.phase()).isEqualTo(LessonSession.Phase.QUESTION);
        assertThat(session.choices()).containsExactly("0", "1", "2", "3", "4", "5");
        robot.clickOn("#choice-3");
        robot.clickOn("#guessButton");
        settle();
        assertThat(session.revealedAnswer()).isEqualTo("3");
        assertThat(robot.lookup("#guessFeedback").queryAs(Label.class).getText())
                .isEqualTo("✓ Right! The engine says 3.");
        assertThat(controller.canvas().node("diamond-payments-3-0")).as("the revealed record, in partition 3")
                .isNotNull();
        assertThat(controller.hashing().murmur2Property().get()).isEqualTo("murmur2 1095166239");
        assertThat(new ProgressStore(home.resolve("progress.json")).get("03-partitions.yaml").stepsDone())
                .as("progress saved").isEqualTo(2);
    }

    @Test
    void aBrokenLessonIsMarkedWithItsLocationAndTheOthersStillWork(FxRobot robot, @TempDir Path folder)
            throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#lessonList").queryAs(ListView.class)
                .getItems().isEmpty());
        java.nio.file.Files.writeString(folder.resolve("01-ok.yaml"), """
                title: Fine
                topics: [ { name: t, partitions: 2 } ]
                producers: [ { id: p } ]
                steps:
                  - say: One.
                    do: [ { produce: { producer: p, topic: t, key: a, value: b } } ]
                    goal: { text: Send key c., produce: { topic: t, key: c, acked: false } }
                    solution: [ { produce: { producer: p, topic: t, key: c, value: d } } ]
                  - say: Two.
                """);
        java.nio.file.Files.writeString(folder.resolve("02-bad.yaml"), "title: Bad\nsteps:\n  - sya: typo\n");
        robot.interact(() -> {
            try {
                controller.useLessons(LessonLibrary.fromFolder(folder));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ListView<?> list = robot.lookup("#lessonList").queryAs(ListView.class);
        assertThat(robot.lookup("#libraryNote").queryAs(Label.class).getText())
                .endsWith("1 lesson file cannot be loaded: see ⚠.");
        assertThat(robot.lookup(".lesson-broken").queryAs(Label.class).getText())
                .isEqualTo("⚠ cannot load: " + folder.resolve("02-bad.yaml")
                        + ":3:5: unknown key 'sya' in a step (allowed: title, say, do, question, goal, solution)");
        robot.interact(() -> list.getSelectionModel().select(1));
        robot.clickOn("#startLessonButton");
        assertThat(controller.lessons().active()).as("a broken lesson does not start").isFalse();

        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#startLessonButton");
        settle();
        assertThat(controller.lessons().session().scenario().title()).isEqualTo("Fine");
        assertThat(robot.lookup("#lessonNextButton").queryButton().getText()).isEqualTo("▶ Run step");
        assertThat(robot.lookup("#goalBox").query().isVisible()).as("the goal waits for the step to run").isFalse();
        robot.clickOn("#lessonNextButton");
        settle();
        assertThat(controller.lab().runner().nextStepIndex()).as("step 1 ran").isEqualTo(1);
        assertThat(robot.lookup("#goalBox").query().isVisible()).isTrue();
        assertThat(robot.lookup("#goalStatus").queryAs(Label.class).getText()).isEqualTo("○ Waiting for you…");
        robot.clickOn("#showMeButton");
        settle();
        assertThat(robot.lookup("#goalStatus").queryAs(Label.class).getText()).startsWith("✓ Done");
        robot.clickOn("#lessonNextButton");
        assertThat(controller.lessons().session().index()).isEqualTo(1);

        // the author fixes the broken file: the list follows without a restart
        java.nio.file.Files.writeString(folder.resolve("02-bad.yaml"), "title: Fixed\nsteps:\n  - say: ok\n");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> list.getItems().stream()
                .anyMatch(e -> ((LessonLibrary.Entry) e).title().equals("Fixed")));
        assertThat(robot.lookup(".lesson-broken").tryQuery()).isEmpty();
        assertThat(robot.lookup("#libraryNote").queryAs(Label.class).getText()).doesNotContain("cannot be loaded");
    }
}
