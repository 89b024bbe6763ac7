package dev.kafkalab.ui;

import dev.kafkalab.engine.Configs;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.model.ClusterSnapshot;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import org.controlsfx.control.PropertySheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Edits a topic's settings in a ControlsFX PropertySheet; the changes become one undoable command. */
final class TopicConfigDialog {
    /** Settings a learner is most likely to try, with Kafka's defaults. */
    static final List<Setting> SETTINGS = List.of(
            new Setting("cleanup.policy", "Retention", "delete", "delete, compact, or delete,compact"),
            new Setting("retention.ms", "Retention", 604_800_000L, "how long records are kept (ms; -1 = forever)"),
            new Setting("retention.bytes", "Retention", -1L, "largest size of a partition before old segments go"),
            new Setting("segment.bytes", "Segments", 1_073_741_824, "a new segment starts after this many bytes"),
            new Setting("segment.ms", "Segments", 604_800_000L, "a new segment starts after this long"),
            new Setting("min.insync.replicas", "Durability", 1, "replicas that must have a record for acks=all"),
            new Setting("max.message.bytes", "Limits", 1_048_588, "largest record batch the topic accepts"));

    record Setting(String name, String category, Object kafkaDefault, String description) {
    }

    private static final class Item implements PropertySheet.Item {
        private final Setting setting;
        private Object value;

        Item(Setting setting, Object value) {
            this.setting = setting;
            this.value = value;
        }

        @Override
        public Class<?> getType() {
            return setting.kafkaDefault().getClass();
        }

        @Override
        public String getCategory() {
            return setting.category();
        }

        @Override
        public String getName() {
            return setting.name();
        }

        @Override
        public String getDescription() {
            return setting.description();
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object v) {
            value = v;
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }

    private TopicConfigDialog() {
    }

    /** Shows the sheet; returns the command for what changed, or empty. */
    static Optional<Commands.AlterTopicConfig> show(ClusterSnapshot.TopicView topic, javafx.stage.Window owner) {
        List<Item> items = SETTINGS.stream().map(s -> new Item(s, current(topic, s))).toList();
        PropertySheet sheet = new PropertySheet();
        sheet.getItems().setAll(items);
        sheet.setPrefSize(520, 360);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Configure topic " + topic.name());
        dialog.setHeaderText("Topic settings (Kafka names). Changes apply at once, as kafka-configs --alter does.");
        dialog.getDialogPane().setContent(sheet);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return Optional.empty();
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Item i : items) {
            if (!Objects.equals(i.getValue(), current(topic, i.setting))) {
                changes.put(i.getName(), i.getValue());
            }
        }
        return changes.isEmpty() ? Optional.empty()
                : Optional.of(new Commands.AlterTopicConfig(topic.name(), changes));
    }

    /** The setting's value as the sheet edits it (numbers typed as the default, lists joined by commas). */
    static Object current(ClusterSnapshot.TopicView topic, Setting s) {
        Object v = topic.config().get(s.name());
        if (v == null) {
            return s.kafkaDefault();
        }
        if (s.kafkaDefault() instanceof Long && v instanceof Number n) {
            return n.longValue();
        }
        if (s.kafkaDefault() instanceof Integer && v instanceof Number n) {
            return n.intValue();
        }
        if (s.kafkaDefault() instanceof String && !(v instanceof String)) {
            return Configs.text(v);
        }
        return v;
    }
}
