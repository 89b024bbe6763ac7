package dev.kafkalab.scenario;

/** {@code bind}: the topic becomes the producer's target, as dragging it onto the topic does in the app. */
public record Bind(int step, int index, Location location, String producer, String topic) implements Action {
    @Override
    public String name() {
        return "bind";
    }
}
