package dev.kafkalab.ui.lab;

import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.ui.model.ClusterSnapshot;

/** One engine event and the cluster as it was right after it: the unit the player animates. */
public record Frame(SimEvent event, ClusterSnapshot after) {
}
