package dev.kafkalab.ui;

import dev.kafkalab.ui.canvas.ClusterCanvas;
import dev.kafkalab.ui.model.ClusterSnapshot;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The paths a learner takes, end to end, with a robot: send, step, crash, undo. */
@ExtendWith(ApplicationExtension.class)
class ClusterWindowTest {
    private Stage stage;
    private MainWindowController controller;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        KafkaLabApp app = new KafkaLabApp();
        app.start(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1440);
        stage.setHeight(1080);
        controller = app.controller();
    }

    private ClusterCanvas canvas() {
        return controller.canvas();
    }

    private ClusterSnapshot now() {
        return controller.lab().snapshot();
    }

    private void send(FxRobot robot, String key) {
        robot.clickOn("#keyField").write(key);
        robot.clickOn("#sendButton");
    }

    @Test
    void windowIsCalledKafkaLabAndOpensTheFirstLesson() {
        assertThat(stage.getTitle()).isEqualTo("Kafka Lab");
        assertThat(controller.lab().scenario().title()).isEqualTo("Events, keys and partitions");
        assertThat(canvas().node("controller")).isNotNull();
        assertThat(canvas().node("broker-0")).isNotNull();
        assertThat(canvas().node("partition-payments-5")).isNotNull();
        assertThat(canvas().node("leader-badge-payments-0")).isNotNull();
    }

    @Test
    void creditCardPaymentLandsInPartitionThreeAndTheHashingPanelShowsMurmur2(FxRobot robot) {
        // a new producer from the palette, dragged onto the 6-partition topic, is bound to it
        robot.interact(() -> robot.lookup("#canvasScroll").queryAs(ScrollPane.class).setVvalue(0));
        robot.drag("#paletteProducer").dropTo(canvas().node("topic-payments"));
        WaitForAsyncUtils.waitForFxEvents();
        String dragged = controller.lab().bindings().entrySet().stream()
                .filter(e -> e.getValue().equals("payments") && !e.getKey().equals("pos"))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        robot.interact(() -> robot.lookup("#producerChoice").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(dragged));
        send(robot, "Credit Card Payment");
        robot.clickOn("#idleButton");

        Node diamond = canvas().node("diamond-payments-3-0");
        assertThat(diamond).as("a diamond at offset 0 of partition 3").isNotNull();
        assertThat(controller.lab().simulation().producer(dragged).deliveries()).singleElement()
                .satisfies(d -> assertThat(d.partition()).isEqualTo(3));
        assertThat(((javafx.scene.Group) diamond).getChildren().get(0).getStyleClass()).contains("event-diamond");
        assertThat(canvas().nodeIds()).noneMatch(id -> id.matches("diamond-payments-[0-245]-0"));
        assertThat(robot.lookup("#hashMurmur2").queryAs(Label.class).getText()).isEqualTo("murmur2 1095166239");
        assertThat(robot.lookup("#hashPartition").queryAs(Label.class).getText()).isEqualTo("partition 3");
    }

    @Test
    void steppingAReplicatedProduceShowsTheFollowerCopyThenTheHighWatermarkMove(FxRobot robot) throws Exception {
        robot.clickOn("#pauseButton");
        robot.interact(() -> robot.lookup("#speedSlider").queryAs(Slider.class).setValue(2));
        send(robot, "Credit Card Payment");
        int leader = now().partition("payments", 3).leader();
        int follower = now().partition("payments", 3).replicas().stream().filter(b -> b != leader).findFirst()
                .orElseThrow();
        String copyId = "replica-diamond-payments-3-" + follower + "-0";
        assertThat(canvas().node(copyId)).as("no follower copy before stepping").isNull();
        double hwStart = canvas().node("hw-payments-3").getLayoutX();

        int copyStep = -1;
        int hwStep = -1;
        for (int step = 1; step <= 40 && hwStep < 0; step++) {
            robot.clickOn("#stepButton");
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !controller.player().isAnimating());
            WaitForAsyncUtils.waitForFxEvents();
            if (copyStep < 0 && canvas().node(copyId) != null) {
                copyStep = step;
            }
            if (canvas().node("hw-payments-3").getLayoutX() > hwStart) {
                hwStep = step;
            }
        }
        assertThat(copyStep).as("the follower copy appeared").isPositive();
        assertThat(hwStep).as("the HW line moved, after the copy (acks=all)").isGreaterThan(copyStep);
        assertThat(canvas().node("hw-payments-3").getLayoutX())
                .isEqualTo(canvas().partitionRow("payments", 3).boundary(1));
    }

    @Test
    void crashingTheLeaderFromItsContextMenuMovesTheLeaderBadgeToTheNextInSyncReplica(FxRobot robot) {
        ClusterSnapshot.PartitionView p3 = now().partition("payments", 3);
        int leader = p3.leader();
        int next = p3.replicas().stream().filter(b -> b != leader && p3.isr().contains(b)).findFirst().orElseThrow();
        robot.interact(() -> robot.lookup("#canvasScroll").queryAs(ScrollPane.class).setVvalue(1));

        robot.rightClickOn(canvas().node("broker-" + leader));
        robot.clickOn("Crash broker " + leader);
        assertThat(now().broker(leader).state().name()).isEqualTo("CRASHED");
        assertThat(now().partition("payments", 3).leader()).as("nobody noticed yet").isEqualTo(leader);
        robot.clickOn("#advance10Button");
        robot.clickOn("#idleButton");

        ClusterSnapshot.PartitionView after = now().partition("payments", 3);
        assertThat(after.leader()).isEqualTo(next);
        assertThat(after.leaderEpoch()).isEqualTo(p3.leaderEpoch() + 1);
        Node badge = canvas().node("leader-badge-payments-3");
        assertThat(badge.getParent()).isSameAs(canvas().node("replica-payments-3-" + next));
        assertThat(canvas().node("broker-" + leader).getStyleClass()).contains("broker", "broker-down");
    }

    @Test
    void undoRestoresTheStateBeforeTheLastAction(FxRobot robot) {
        send(robot, "user-1");
        robot.clickOn("#idleButton");
        assertThat(now().partition("payments", 2).displayLog().logEndOffset()).isEqualTo(1);
        assertThat(canvas().node("diamond-payments-2-0")).isNotNull();

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);

        assertThat(now().partition("payments", 2).displayLog().logEndOffset()).isZero();
        assertThat(canvas().node("diamond-payments-2-0")).isNull();
        assertThat(controller.lab().history()).isEmpty();
        assertThat(robot.lookup("#undoButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void lessonStepsShowWhatTheySayAndF1ShowsTheShortcuts(FxRobot robot) {
        robot.clickOn("#nextStepButton");
        robot.clickOn("#idleButton");
        assertThat(robot.lookup("#stepLabel").queryAs(Label.class).getText()).startsWith("Step 1 of 3");
        assertThat(robot.lookup("#sayLabel").queryAs(Label.class).getText()).contains("Kafka 101");
        assertThat(canvas().node("diamond-payments-3-0")).isNotNull();

        robot.type(KeyCode.F1);
        assertThat(controller.isHelpShowing()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(controller.isHelpShowing()).isFalse();
        assertThat(List.of(robot.lookup("#stepButton").queryAs(Button.class).getTooltip().getText()))
                .allMatch(t -> t.contains("Right"));
    }
}
