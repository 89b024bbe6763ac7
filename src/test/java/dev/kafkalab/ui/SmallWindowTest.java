package dev.kafkalab.ui;

import dev.kafkalab.ui.canvas.ClusterCanvas;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The window at its smallest supported size, 1280 × 800, driven by a robot. */
@ExtendWith(ApplicationExtension.class)
class SmallWindowTest {
    private MainWindowController controller;

    @Start
    void start(Stage stage) {
        KafkaLabApp app = new KafkaLabApp();
        app.start(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
        controller = app.controller();
    }

    private ClusterCanvas canvas() {
        return controller.canvas();
    }

    private Bounds viewport(FxRobot robot) {
        return robot.lookup("#canvasScroll").queryAs(ScrollPane.class).getViewportBounds();
    }

    @Test
    void theBrokersHintShowsBelowTheFoldAndScrollsTheBrokersIntoView(FxRobot robot) {
        Button hint = robot.lookup("#brokersHint").queryButton();
        assertThat(hint.isVisible()).isTrue();

        robot.clickOn(hint);
        WaitForAsyncUtils.waitForFxEvents();

        Node broker = canvas().node("broker-0");
        Bounds onScreen = broker.localToScreen(broker.getBoundsInLocal());
        ScrollPane scroll = robot.lookup("#canvasScroll").queryAs(ScrollPane.class);
        Bounds view = scroll.localToScreen(scroll.getBoundsInLocal());
        assertThat(onScreen.getMinY()).isBetween(view.getMinY(), view.getMaxY() - 40);
        assertThat(hint.isVisible()).isFalse();
    }

    @Test
    void zoomToFitPutsTheWholeClusterOnScreenWithoutScrolling(FxRobot robot) {
        robot.clickOn("#fitButton");
        WaitForAsyncUtils.waitForFxEvents();

        double zoom = controller.zoom();
        Bounds view = viewport(robot);
        assertThat(zoom).isLessThan(1).isGreaterThanOrEqualTo(MainWindowController.MIN_ZOOM);
        assertThat(canvas().pictureHeight() * zoom).isLessThanOrEqualTo(view.getHeight() + 1);
        assertThat(canvas().layoutWidth() * zoom).isLessThanOrEqualTo(view.getWidth() + 1);
        assertThat(robot.lookup("#brokersHint").queryButton().isVisible()).isFalse();
    }

    /** Scrolls the side panel (lessons, send card, palette) so a control in it is on screen, as a user would. */
    private static void scrollSidePanelTo(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        robot.interact(() -> {
            javafx.scene.Parent p = n.getParent();
            while (!(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            ScrollPane sp = (ScrollPane) p;
            double y = sp.getContent().sceneToLocal(n.localToScene(0, 0)).getY();
            double free = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            sp.setVvalue(Math.min(1, Math.max(0, (y - 120) / free)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void afterRunUntilIdleTheCaptionDescribesTheLastEventInTheLog(FxRobot robot) {
        scrollSidePanelTo(robot, "#sendButton");
        robot.clickOn("#keyField").write("user-1");
        robot.clickOn("#sendButton");
        robot.clickOn("#idleButton");
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> log = robot.lookup("#eventList").queryAs(ListView.class);
        MainWindowController.LogLine last = (MainWindowController.LogLine) log.getItems()
                .get(log.getItems().size() - 1);
        assertThat(robot.lookup("#captionLabel").queryAs(Label.class).getText()).endsWith(last.words());
    }

    @Test
    void clickingAGroupsTitleInspectsTheGroup(FxRobot robot) {
        robot.interact(() -> controller.loadResource("/lessons/examples/07-consumer-groups.yaml"));
        robot.clickOn("#nextStepButton");
        robot.clickOn("#idleButton");
        Node group = canvas().node("group-billing");

        // the title text lies over the box: the click must reach the box beneath it
        robot.clickOn(robot.point(group).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(30, 16)));

        assertThat(robot.lookup("#inspectorTitle").queryAs(Label.class).getText()).startsWith("Group billing");
    }

    @Test
    void presentationModeZoomsNoWiderThanTheCanvas(FxRobot robot) {
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(controller.zoom()).isGreaterThanOrEqualTo(1);
        assertThat(canvas().layoutWidth() * controller.zoom()).isLessThanOrEqualTo(viewport(robot).getWidth() + 1);
        robot.push(KeyCode.F5);
    }

    @Test
    void theRecordEditorShowsEveryFieldNameWhole(FxRobot robot) {
        scrollSidePanelTo(robot, "#editorButton");
        robot.clickOn("#editorButton");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane editor = robot.lookup("#recordEditor").queryAs(DialogPane.class);
        int names = 0;
        for (Node n : editor.lookupAll(".label")) {
            if (n instanceof Label l && l.getParent() instanceof javafx.scene.layout.GridPane) {
                names++;
                assertThat(l.getWidth()).as(l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
            }
        }
        assertThat(names).as("the nine field names and the header").isGreaterThanOrEqualTo(9);
        robot.clickOn("Cancel");
    }
}
