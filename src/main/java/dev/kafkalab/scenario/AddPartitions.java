package dev.kafkalab.scenario;

/** {@code addPartitions}: grow {@code topic} to {@code partitions} in total (>= 1). */
public record AddPartitions(int step, int index, Location location, String topic, int partitions) implements Action {
    @Override
    public String name() {
        return "addPartitions";
    }
}
