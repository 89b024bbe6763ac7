package dev.kafkalab.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded, valid scenario file (see the scenario-format contract).
 *
 * @param source  the file it was read from, or null when loaded from text
 * @param sandbox what to try after a lesson's last step (Markdown), or null
 */
public record Scenario(String title, String summary, long seed, ClusterSpec cluster, List<TopicSpec> topics,
                       List<ProducerSpec> producers, List<ConsumerSpec> consumers, List<Step> steps, Path source,
                       String sandbox) {
    public Scenario {
        topics = List.copyOf(topics);
        producers = List.copyOf(producers);
        consumers = List.copyOf(consumers);
        steps = List.copyOf(steps);
    }

    /** A scenario without lesson extras. */
    public Scenario(String title, String summary, long seed, ClusterSpec cluster, List<TopicSpec> topics,
                    List<ProducerSpec> producers, List<ConsumerSpec> consumers, List<Step> steps, Path source) {
        this(title, summary, seed, cluster, topics, producers, consumers, steps, source, null);
    }

    /** Every action of every step (its solution included), in the order a finished lesson runs them. */
    public List<Action> actions() {
        return steps.stream().flatMap(s -> java.util.stream.Stream.concat(s.actions().stream(),
                s.solution().stream())).toList();
    }

    /** True when some step has a question or a goal. */
    public boolean isLesson() {
        return steps.stream().anyMatch(Step::interactive);
    }
}
