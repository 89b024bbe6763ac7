package dev.kafkalab.scenario;

/** {@code leave}: the consumer leaves its group cleanly. */
public record Leave(int step, int index, Location location, String consumer) implements Action {
    @Override
    public String name() {
        return "leave";
    }
}
