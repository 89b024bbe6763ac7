package dev.kafkalab.scenario;

import java.util.List;
import java.util.Map;

/**
 * A consumer from {@code consumers}; it joins when the run starts.
 *
 * @param group  null = no group (assigned every partition of its topics)
 * @param topics at least one topic name
 * @param config consumer settings, parsed, in file order
 */
public record ConsumerSpec(String id, String group, List<String> topics, Map<String, Object> config,
                           Location location) {
    public ConsumerSpec {
        topics = List.copyOf(topics);
        config = Copies.map(config);
    }
}
