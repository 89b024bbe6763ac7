package dev.kafkalab.ui;

import dev.kafkalab.engine.RecordSizes;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.lab.LabCommand;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.scenario.ValueFormats;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Controller of {@code RecordEditor.fxml}. acks is a producer setting in Kafka, not a record's: a
 * different acks sends through a sibling producer with that setting (created on first use). The value
 * is sent in the chosen format (String, JSON, Avro, Protobuf), serialised with the real libraries by
 * {@link ValueFormats}; the size shown is that of the serialised bytes.
 */
public final class RecordEditorController {
    /** Kafka's default max.request.size: the producer refuses a bigger record. */
    public static final int MAX_REQUEST_SIZE = 1_048_576;
    private static final NumberFormat BYTES = NumberFormat.getIntegerInstance(Locale.ENGLISH);

    @FXML
    private DialogPane dialogPane;
    @FXML
    private ChoiceBox<String> producerChoice;
    @FXML
    private ChoiceBox<String> acksChoice;
    @FXML
    private ChoiceBox<String> topicChoice;
    @FXML
    private TextField partitionField;
    @FXML
    private TextField keyField;
    @FXML
    private ChoiceBox<ValueFormats.Format> formatChoice;
    @FXML
    private TextArea valueArea;
    @FXML
    private TextField valueBytesField;
    @FXML
    private TextArea headersArea;
    @FXML
    private Label formatLabel;
    @FXML
    private Label sizeLabel;
    @FXML
    private Label acksNote;

    private ClusterSnapshot snapshot;

    @FXML
    private void initialize() {
        acksChoice.getItems().setAll("0", "1", "all");
        formatChoice.getItems().setAll(ValueFormats.Format.values());
        formatChoice.setValue(ValueFormats.Format.STRING);
        formatChoice.valueProperty().addListener((o, a, b) -> {
            // "repeat value to n bytes" pads text; a JSON/Avro/Protobuf value is sent exactly as serialised
            valueBytesField.setDisable(format() != ValueFormats.Format.STRING);
            updateSize();
        });
        keyField.textProperty().addListener((o, a, b) -> updateSize());
        valueArea.textProperty().addListener((o, a, b) -> updateSize());
        valueBytesField.textProperty().addListener((o, a, b) -> updateSize());
        headersArea.textProperty().addListener((o, a, b) -> updateSize());
        producerChoice.valueProperty().addListener((o, a, b) -> {
            ClusterSnapshot.ProducerView p = snapshot == null || b == null ? null : snapshot.producer(b);
            if (p != null) {
                acksChoice.setValue("-1".equals(p.acks()) ? "all" : p.acks());
            }
        });
        acksChoice.valueProperty().addListener((o, a, b) -> updateAcksNote());
    }

    /** Fills the choices; {@code partition} may be null. */
    public void setUp(ClusterSnapshot s, String producer, String topic, Integer partition, String key, String value) {
        this.snapshot = s;
        for (ClusterSnapshot.ProducerView p : s.producers()) {
            producerChoice.getItems().add(p.id());
        }
        for (ClusterSnapshot.TopicView t : s.topics()) {
            if (!t.internal()) {
                topicChoice.getItems().add(t.name());
            }
        }
        producerChoice.setValue(producer);
        topicChoice.setValue(topic);
        partitionField.setText(partition == null ? "" : partition.toString());
        keyField.setText(key == null ? "" : key);
        valueArea.setText(value == null ? "" : value);
        updateSize();
        updateAcksNote();
    }

    public DialogPane dialogPane() {
        return dialogPane;
    }

    private void updateAcksNote() {
        String producer = producerChoice.getValue();
        ClusterSnapshot.ProducerView p = snapshot == null || producer == null ? null : snapshot.producer(producer);
        String acks = acksChoice.getValue();
        if (p == null || acks == null || normal(acks).equals(normal(p.acks()))) {
            acksNote.setText("acks is the producer's setting: " + (p == null ? "" : producer + " has acks="
                    + p.acks() + "."));
        } else {
            acksNote.setText("acks is a producer setting, so this record goes through producer " + sibling(producer,
                    acks) + " (acks=" + acks + "), created if needed.");
        }
    }

    private static String normal(String acks) {
        return "-1".equals(acks) ? "all" : acks;
    }

    static String sibling(String producer, String acks) {
        return producer + "-acks" + ("all".equals(acks) ? "all" : acks);
    }

    /** The value format chosen (String by default). */
    ValueFormats.Format format() {
        ValueFormats.Format f = formatChoice.getValue();
        return f == null ? ValueFormats.Format.STRING : f;
    }

    /**
     * The value: the text, or (String format only) repeated and cut to exactly the byte count asked for.
     * In JSON, Avro and Protobuf formats it is the JSON typed, serialised when sent.
     */
    String value() {
        String v = valueArea.getText();
        Integer n = parseInt(valueBytesField.getText());
        if (n == null || n < 0 || format() != ValueFormats.Format.STRING) {
            return v;
        }
        String pattern = v == null || v.isEmpty() ? "x" : v;
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = p[i % p.length];
        }
        return new String(out, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "x");
    }

    Map<String, String> headers() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : headersArea.getText().split("\\R")) {
            int eq = line.indexOf('=');
            if (line.isBlank()) {
                continue;
            }
            out.put(eq < 0 ? line.strip() : line.substring(0, eq).strip(), eq < 0 ? "" : line.substring(eq + 1).strip());
        }
        return out;
    }

    private void updateSize() {
        String key = keyField.getText().isEmpty() ? null : keyField.getText();
        byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        byte[] v;
        try {
            v = ValueFormats.serialize(format(), value());
        } catch (IllegalArgumentException e) {
            formatLabel.setText(format().label() + ": " + e.getMessage());
            setStyle(formatLabel, false);
            sizeLabel.setText("Serialized size: - (the value does not serialise as " + format().label() + ")");
            setStyle(sizeLabel, false);
            setOkDisabled(true);
            return;
        }
        setOkDisabled(false);
        formatLabel.setText(ValueFormats.explain(format(), v));
        setStyle(formatLabel, true);
        int size = RecordSizes.producerUpperBound(k, v, headers());
        boolean tooBig = size > MAX_REQUEST_SIZE;
        sizeLabel.setText("Serialized size: " + BYTES.format(size) + " bytes (limit max.request.size "
                + BYTES.format(MAX_REQUEST_SIZE) + ")" + (tooBig ? " — too large: Kafka will refuse it with "
                + "RecordTooLargeException" : ""));
        setStyle(sizeLabel, !tooBig);
    }

    private static void setStyle(Label label, boolean ok) {
        label.getStyleClass().removeAll("result-ok", "result-error");
        label.getStyleClass().add(ok ? "result-ok" : "result-error");
    }

    private void setOkDisabled(boolean disabled) {
        Node ok = dialogPane == null ? null : dialogPane.lookupButton(ButtonType.OK);
        if (ok != null) {
            ok.setDisable(disabled);
        }
    }

    private static Integer parseInt(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The command for what was typed, or null when no producer or topic was chosen or the value does not
     * serialise in the chosen format.
     */
    public LabCommand command() {
        String producer = producerChoice.getValue();
        String topic = topicChoice.getValue();
        if (producer == null || topic == null) {
            return null;
        }
        ValueFormats.Format format = format();
        try {
            ValueFormats.serialize(format, value());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String key = keyField.getText().isEmpty() ? null : keyField.getText();
        Integer partition = parseInt(partitionField.getText());
        ClusterSnapshot.ProducerView p = snapshot.producer(producer);
        String acks = acksChoice.getValue();
        List<LabCommand> parts = new ArrayList<>();
        String via = producer;
        if (p != null && acks != null && !normal(acks).equals(normal(p.acks()))) {
            via = sibling(producer, acks);
            if (snapshot.producer(via) == null) {
                parts.add(new Commands.AddProducer(via, Map.of("acks", "all".equals(acks) ? "all" : acks)));
            }
        }
        Commands.SendRecord send = new Commands.SendRecord(via, topic, key, value(), headers(), partition, format);
        if (parts.isEmpty()) {
            return send;
        }
        parts.add(send);
        return new Commands.Composite(send.description() + " with acks=" + acks, parts);
    }
}
