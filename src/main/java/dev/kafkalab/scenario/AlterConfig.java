package dev.kafkalab.scenario;

import java.util.Map;

/**
 * {@code alterConfig}: change topic settings (when {@code topic} is set) or broker settings (when
 * {@code broker} is set); exactly one of the two is non-null. {@code config} is parsed for that scope.
 */
public record AlterConfig(int step, int index, Location location, String topic, Integer broker,
                          Map<String, Object> config) implements Action {
    public AlterConfig {
        config = Copies.map(config);
    }

    @Override
    public String name() {
        return "alterConfig";
    }
}
