package dev.kafkalab.scenario;

/** {@code seek}: move the consumer's position on a partition (both >= 0). */
public record Seek(int step, int index, Location location, String consumer, String topic, int partition,
                   long offset) implements Action {
    @Override
    public String name() {
        return "seek";
    }
}
