package dev.kafkalab.ui.lab;

import java.util.List;
import java.util.Map;

/**
 * One thing a learner did (send a record, crash a broker, run a lesson step). Commands are plain data:
 * undo rebuilds the simulation from its seed and runs every command again but the last one, which
 * gives exactly the state before it because the engine is deterministic.
 */
public interface LabCommand {
    /** Short words for menus and the undo tooltip, e.g. "crash broker 1". */
    String description();

    /**
     * Does it. A refusal by Kafka is thrown as {@link dev.kafkalab.engine.KafkaException}; any other
     * exception means the command was not possible and leaves no trace.
     */
    void execute(Lab lab);

    /** The scenario actions that do the same in a saved sandbox file ({@code do} items); empty if none. */
    default List<Map<String, Object>> actions() {
        return List.of();
    }
}
