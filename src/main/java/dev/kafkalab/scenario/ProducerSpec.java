package dev.kafkalab.scenario;

import java.util.Map;

/** A producer from {@code producers}: its id and producer settings, parsed, in file order. */
public record ProducerSpec(String id, Map<String, Object> config, Location location) {
    public ProducerSpec {
        config = Copies.map(config);
    }
}
