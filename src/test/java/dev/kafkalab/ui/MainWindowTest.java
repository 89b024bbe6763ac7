package dev.kafkalab.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new KafkaLabApp().start(stage);
    }

    private static String result(FxRobot robot) {
        return robot.lookup("#resultLabel").queryAs(Label.class).getText();
    }

    private static String clusterText(FxRobot robot) {
        return robot.lookup("#clusterText").queryAs(TextArea.class).getText();
    }

    @Test
    void windowHasTitleAndMinimumSize() {
        assertThat(stage.getTitle()).isEqualTo("Kafka Lab");
        assertThat(stage.getMinWidth()).isEqualTo(800);
        assertThat(stage.getMinHeight()).isEqualTo(560);
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("/assets/css/kafka-lab.css"));
    }

    @Test
    void sendingUser1ShowsTheHashingAndTheRecord(FxRobot robot) {
        robot.clickOn("#keyField").write("user-1");
        robot.clickOn("#valueField").write("42");
        robot.clickOn("#sendButton");

        assertThat(result(robot)).contains("1404122828", "partition 2", "acked at offset 0");
        assertThat(clusterText(robot)).contains("offset 0  key \"user-1\"  value \"42\"");
        assertThat(robot.lookup("#recordsLabel").queryAs(Label.class).getText()).isEqualTo("Records in cluster: 1");
        @SuppressWarnings("unchecked")
        ListView<String> log = robot.lookup("#eventList").queryAs(ListView.class);
        assertThat(log.getItems()).anyMatch(l -> l.contains("RecordSent[") && l.contains("key=user-1"));
    }

    @Test
    void enterAndCtrlEnterEachSendOnce(FxRobot robot) {
        robot.clickOn("#keyField").write("user-1").type(KeyCode.ENTER);
        assertThat(result(robot)).contains("partition 2 -> acked at offset 0");

        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertThat(result(robot)).contains("partition 2 -> acked at offset 1");
        assertThat(robot.lookup("#recordsLabel").queryAs(Label.class).getText()).isEqualTo("Records in cluster: 2");
    }

    @Test
    void emptyKeySendsAKeylessRecord(FxRobot robot) {
        robot.clickOn("#sendButton");
        assertThat(result(robot)).startsWith("no key: the sticky partitioner chose partition")
                .contains("acked at offset 0");
    }
}
