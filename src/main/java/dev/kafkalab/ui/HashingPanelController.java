package dev.kafkalab.ui;

import dev.kafkalab.ui.model.HashingModel;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

import java.util.List;

/**
 * Controller of {@code HashingPanel.fxml}: binds the step labels to a {@link HashingModel}. A step is
 * shown once the model has revealed it; keyless records show only the key and the chosen partition.
 */
public final class HashingPanelController {
    @FXML
    private FlowPane panel;
    @FXML
    private Label hashKey;
    @FXML
    private Label hashBytes;
    @FXML
    private Label hashMurmur2;
    @FXML
    private Label hashPositive;
    @FXML
    private Label hashModulo;
    @FXML
    private Label hashPartition;
    @FXML
    private Label hashExplanation;
    @FXML
    private Label arrow1;
    @FXML
    private Label arrow2;
    @FXML
    private Label arrow3;
    @FXML
    private Label arrow4;
    @FXML
    private Label arrow5;

    private HashingModel model;

    /** Binds the panel to {@code m}. */
    public void bind(HashingModel m) {
        this.model = m;
        hashKey.textProperty().bind(m.keyProperty());
        hashBytes.textProperty().bind(m.keyBytesProperty());
        hashMurmur2.textProperty().bind(m.murmur2Property());
        hashPositive.textProperty().bind(m.positiveProperty());
        hashModulo.textProperty().bind(m.moduloProperty());
        hashPartition.textProperty().bind(m.partitionProperty());
        hashExplanation.textProperty().bind(m.explanationProperty());
        hashExplanation.prefWidthProperty().bind(panel.widthProperty().subtract(30));
        m.revealedProperty().addListener((obs, was, now) -> update());
        m.keyedProperty().addListener((obs, was, now) -> update());
        update();
    }

    private void update() {
        boolean keyed = model.keyedProperty().get();
        int revealed = model.revealedProperty().get();
        boolean any = !model.keyProperty().get().isEmpty();
        List<Label> keyedSteps = List.of(hashKey, hashBytes, hashMurmur2, hashPositive, hashModulo, hashPartition);
        List<Label> arrows = List.of(arrow1, arrow2, arrow3, arrow4, arrow5);
        for (int i = 0; i < keyedSteps.size(); i++) {
            Label step = keyedSteps.get(i);
            boolean visible = any && (keyed || step == hashKey || step == hashPartition);
            show(step, visible);
            step.getStyleClass().remove("revealed");
            int order = keyed ? i : step == hashKey ? 0 : 1;
            if (visible && revealed > order) {
                step.getStyleClass().add("revealed");
            }
            step.setOpacity(visible && revealed > order ? 1 : 0.35);
        }
        for (int i = 0; i < arrows.size(); i++) {
            show(arrows.get(i), any && (keyed || i == 0));
        }
    }

    private static void show(Label l, boolean on) {
        l.setVisible(on);
        l.setManaged(on);
    }
}
