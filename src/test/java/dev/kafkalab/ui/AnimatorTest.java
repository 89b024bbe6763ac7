package dev.kafkalab.ui;

import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.ui.anim.Animator;
import dev.kafkalab.ui.canvas.ClusterCanvas;
import dev.kafkalab.ui.canvas.LogRow;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.lab.Frame;
import dev.kafkalab.ui.lab.Lab;
import dev.kafkalab.ui.model.HashingModel;
import javafx.animation.Transition;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One Transition per event, stopped anywhere: play, pause, jump, and read positions. No robot. */
class AnimatorTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    private static List<Frame> sendCreditCardPayment(Lab lab) {
        return lab.execute(new Commands.SendRecord("pos", "payments", "Credit Card Payment", "Paid", Map.of(), null))
                .frames();
    }

    private static int indexOf(List<Frame> frames, Class<? extends SimEvent> type) {
        for (int i = 0; i < frames.size(); i++) {
            if (type.isInstance(frames.get(i).event())) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }

    @Test
    void highWatermarkLineIsHalfWayHalfWayThroughItsTransition() throws Exception {
        Lab lab = new Lab(LabTest.example("01-events-and-keys.yaml"));
        List<Frame> frames = sendCreditCardPayment(lab);
        int hw = indexOf(frames, SimEvent.HighWatermarkAdvanced.class);
        double[] moved = fx(() -> {
            ClusterCanvas canvas = new ClusterCanvas();
            new Scene(canvas);
            canvas.setSnapshot(frames.get(hw - 1).after());
            Transition t = new Animator(canvas, new HashingModel())
                    .animate(frames.get(hw).event(), frames.get(hw - 1).after(), frames.get(hw).after());
            Node line = canvas.node("hw-payments-3");
            LogRow row = canvas.partitionRow("payments", 3);
            double distance = row.boundary(1) - row.boundary(0);
            t.play();
            t.pause();
            t.jumpTo(t.getTotalDuration().divide(2));
            double half = line.getTranslateX();
            t.jumpTo(t.getTotalDuration());
            return new double[] {distance, half, line.getTranslateX()};
        });
        assertThat(moved[0]).isGreaterThan(20);
        assertThat(moved[1]).isCloseTo(moved[0] / 2, within(1.0));
        assertThat(moved[2]).isCloseTo(moved[0], within(0.01));
    }

    @Test
    void followerCopiesFlyFromTheLeaderRowToTheFollowerRow() throws Exception {
        Lab lab = new Lab(LabTest.example("01-events-and-keys.yaml"));
        List<Frame> frames = sendCreditCardPayment(lab);
        int rep = indexOf(frames, SimEvent.RecordsReplicated.class);
        SimEvent.RecordsReplicated e = (SimEvent.RecordsReplicated) frames.get(rep).event();
        double[] xs = fx(() -> {
            ClusterCanvas canvas = new ClusterCanvas();
            new Scene(canvas);
            canvas.setSnapshot(frames.get(rep - 1).after());
            int leader = frames.get(rep - 1).after().partition("payments", 3).leader();
            Transition t = new Animator(canvas, new HashingModel())
                    .animate(e, frames.get(rep - 1).after(), frames.get(rep).after());
            Node copy = canvas.overlay().getChildren().get(0);
            double fromX = canvas.replicaRow("payments", 3, leader).slotCenter(0);
            double toX = canvas.replicaRow("payments", 3, e.broker()).slotCenter(0);
            t.play();
            t.pause();
            t.jumpTo(Duration.ZERO);
            double start = copy.getLayoutX() + copy.getTranslateX();
            t.jumpTo(t.getTotalDuration());
            double end = copy.getLayoutX() + copy.getTranslateX();
            return new double[] {fromX, toX, start, end};
        });
        assertThat(xs[2]).isCloseTo(xs[0], within(0.5));
        assertThat(xs[3]).isCloseTo(xs[1], within(0.5));
    }

    @Test
    void recordSentRevealsTheHashingStepsOneByOne() throws Exception {
        Lab lab = new Lab(LabTest.example("01-events-and-keys.yaml"));
        List<Frame> frames = sendCreditCardPayment(lab);
        int[] revealed = fx(() -> {
            ClusterCanvas canvas = new ClusterCanvas();
            new Scene(canvas);
            canvas.setSnapshot(lab.snapshot());
            HashingModel hashing = new HashingModel();
            Transition t = new Animator(canvas, hashing).animate(frames.get(0).event(), lab.snapshot(),
                    frames.get(0).after());
            t.play();
            t.pause();
            t.jumpTo(Animator.HASH_STEP.multiply(3.5));
            int mid = hashing.revealedProperty().get();
            t.jumpTo(t.getTotalDuration());
            return new int[] {mid, hashing.revealedProperty().get()};
        });
        assertThat(revealed[0]).isEqualTo(3);
        assertThat(revealed[1]).isEqualTo(HashingModel.STEPS);
    }
}
