package dev.kafkalab.scenario;

import java.util.List;
import java.util.Map;

/**
 * A topic from {@code topics} or {@code createTopic}. The name is not checked here: a bad name is a
 * runtime refusal.
 *
 * @param partitions        null = the broker's {@code num.partitions}
 * @param replicationFactor null = default (1)
 * @param replicas          explicit placement, partition -> broker ids (first = preferred leader); may be empty
 * @param config            topic settings, parsed, in file order
 */
public record TopicSpec(String name, Integer partitions, Integer replicationFactor,
                        Map<Integer, List<Integer>> replicas, Map<String, Object> config, Location location) {
    public TopicSpec {
        replicas = Copies.map(replicas);
        config = Copies.map(config);
    }
}
