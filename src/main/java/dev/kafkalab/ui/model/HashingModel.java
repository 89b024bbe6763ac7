package dev.kafkalab.ui.model;

import dev.kafkalab.engine.SimEvent;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * What the key-hashing panel shows for the last record sent: key bytes → murmur2 → toPositive →
 * mod N → partition, with the engine's real numbers; for a keyless record, which partitioner chose
 * and why. {@code revealed} counts the steps shown so far (the animation raises it one by one).
 */
public final class HashingModel {
    /** Steps of the keyed pipeline: key, bytes, murmur2, toPositive, modulo, partition. */
    public static final int STEPS = 6;
    private static final int MAX_BYTES_SHOWN = 8;

    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty keyBytes = new SimpleStringProperty("");
    private final StringProperty murmur2 = new SimpleStringProperty("");
    private final StringProperty positive = new SimpleStringProperty("");
    private final StringProperty modulo = new SimpleStringProperty("");
    private final StringProperty partition = new SimpleStringProperty("");
    private final StringProperty explanation = new SimpleStringProperty(
            "Send a record to see how its partition is chosen.");
    private final BooleanProperty keyed = new SimpleBooleanProperty(false);
    private final IntegerProperty revealed = new SimpleIntegerProperty(0);
    private String lastSticky;

    /** Shows the numbers of one send; nothing is revealed yet. */
    public void show(SimEvent.RecordSent e) {
        SimEvent.Hashing h = e.hashing();
        String where = e.topic() + "-" + e.partition();
        if (h != null) {
            keyed.set(true);
            key.set("key \"" + e.key() + "\"");
            keyBytes.set("bytes " + bytes(h.keyBytesHex()));
            murmur2.set("murmur2 " + h.murmur2());
            positive.set("toPositive " + h.positive());
            modulo.set(h.positive() + " mod " + h.numPartitions() + " = " + e.partition());
            partition.set("partition " + e.partition());
            explanation.set("Same key, same hash, same partition: every \"" + e.key() + "\" goes to " + where
                    + " while the topic has " + h.numPartitions() + (h.numPartitions() == 1 ? " partition." : " partitions."));
        } else {
            keyed.set(false);
            key.set(e.key() == null ? "no key" : "key \"" + e.key() + "\" (ignored)");
            keyBytes.set("");
            murmur2.set("");
            positive.set("");
            modulo.set("");
            partition.set("partition " + e.partition());
            explanation.set(keyless(e));
        }
        revealed.set(0);
    }

    /** Remembers why the sticky partitioner moved on, for the next keyless record's explanation. */
    public void stickyChanged(SimEvent.StickyPartitionChanged e) {
        lastSticky = "it moved from partition " + e.from() + " to " + e.to() + " because it " + e.reason();
    }

    private String keyless(SimEvent.RecordSent e) {
        return switch (e.choice()) {
            case "sticky" -> "No key, so no hash. Kafka's sticky partitioner sends keyless records to one partition ("
                    + e.partition() + ") until about batch.size bytes went there, then picks another: big batches, "
                    + "fewer requests (KIP-794)." + (lastSticky == null ? "" : " Last switch: " + lastSticky + ".");
            case "round-robin" -> "Round-robin partitioner: each record goes to the next partition in turn; keys are "
                    + "ignored. This one went to partition " + e.partition() + ".";
            case "legacy-round-robin" -> "Legacy partitioner (Kafka 2.3 and older): keyless records go round robin; "
                    + "this one went to partition " + e.partition() + ".";
            case "explicit" -> "The record named its partition (" + e.partition() + "): no partitioner ran.";
            default -> e.choice() + " chose partition " + e.partition() + ".";
        };
    }

    private static String bytes(String hex) {
        StringBuilder sb = new StringBuilder();
        int n = hex.length() / 2;
        for (int i = 0; i < Math.min(n, MAX_BYTES_SHOWN); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(hex, 2 * i, 2 * i + 2);
        }
        if (n > MAX_BYTES_SHOWN) {
            sb.append(" …");
        }
        return sb.append(" (").append(n).append(n == 1 ? " byte)" : " bytes)").toString();
    }

    /** Back to the empty panel (a new lesson). */
    public void clear() {
        for (StringProperty p : List.of(key, keyBytes, murmur2, positive, modulo, partition)) {
            p.set("");
        }
        keyed.set(false);
        explanation.set("Send a record to see how its partition is chosen.");
        revealed.set(0);
        lastSticky = null;
    }

    public void revealAll() {
        revealed.set(STEPS);
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty keyBytesProperty() {
        return keyBytes;
    }

    public StringProperty murmur2Property() {
        return murmur2;
    }

    public StringProperty positiveProperty() {
        return positive;
    }

    public StringProperty moduloProperty() {
        return modulo;
    }

    public StringProperty partitionProperty() {
        return partition;
    }

    public StringProperty explanationProperty() {
        return explanation;
    }

    public BooleanProperty keyedProperty() {
        return keyed;
    }

    public IntegerProperty revealedProperty() {
        return revealed;
    }
}
