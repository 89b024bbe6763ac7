package dev.kafkalab.scenario;

/** {@code poll}: fetch and process records; {@code max} (>= 1) or null for the consumer's max.poll.records. */
public record Poll(int step, int index, Location location, String consumer, Integer max) implements Action {
    @Override
    public String name() {
        return "poll";
    }
}
