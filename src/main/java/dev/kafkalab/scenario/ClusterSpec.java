package dev.kafkalab.scenario;

import java.util.Map;

/**
 * The {@code cluster} section: broker count (ids 0..brokers-1) and broker settings, parsed by
 * {@link dev.kafkalab.engine.ConfigKey#parse}, in file order.
 */
public record ClusterSpec(int brokers, Map<String, Object> config, Location location) {
    public ClusterSpec {
        config = Copies.map(config);
    }
}
