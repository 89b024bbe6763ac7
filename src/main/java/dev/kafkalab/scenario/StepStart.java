package dev.kafkalab.scenario;

import dev.kafkalab.engine.Delivery;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.Topic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the world was like when a lesson step's goal began to wait: goals that speak of actions count
 * only what happened since.
 *
 * @param traceSize  events in the trace at that time
 * @param leaders    "topic-partition" -> leader broker id (-1 without a leader)
 * @param deliveries producer id -> number of delivery results it had
 */
public record StepStart(int traceSize, Map<String, Integer> leaders, Map<String, Integer> deliveries) {
    public StepStart {
        leaders = Map.copyOf(leaders);
        deliveries = Map.copyOf(deliveries);
    }

    public static StepStart of(Simulation sim) {
        Map<String, Integer> leaders = new LinkedHashMap<>();
        for (Topic t : sim.cluster().topics().values()) {
            for (Partition p : t.partitions()) {
                leaders.put(p.topicPartition().toString(), p.hasLeader() ? p.leader() : -1);
            }
        }
        Map<String, Integer> deliveries = new LinkedHashMap<>();
        sim.producers().forEach((id, p) -> deliveries.put(id, p.deliveries().size()));
        return new StepStart(sim.trace().size(), leaders, deliveries);
    }

    /** The deliveries a producer got since the step began. */
    List<Delivery> deliveriesSince(String producer, List<Delivery> all) {
        int from = Math.min(all.size(), deliveries.getOrDefault(producer, 0));
        return all.subList(from, all.size());
    }
}
