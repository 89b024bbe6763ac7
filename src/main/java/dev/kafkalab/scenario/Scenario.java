package dev.kafkalab.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded, valid scenario file (see the scenario-format contract).
 *
 * @param source the file it was read from, or null when loaded from text
 */
public record Scenario(String title, String summary, long seed, ClusterSpec cluster, List<TopicSpec> topics,
                       List<ProducerSpec> producers, List<ConsumerSpec> consumers, List<Step> steps, Path source) {
    public Scenario {
        topics = List.copyOf(topics);
        producers = List.copyOf(producers);
        consumers = List.copyOf(consumers);
        steps = List.copyOf(steps);
    }

    /** Every action of every step, in the order they run. */
    public List<Action> actions() {
        return steps.stream().flatMap(s -> s.actions().stream()).toList();
    }
}
