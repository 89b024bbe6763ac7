package dev.kafkalab.scenario;

/** {@code advance}: let virtual time run for {@code ms} (>= 0). */
public record Advance(int step, int index, Location location, long ms) implements Action {
    @Override
    public String name() {
        return "advance";
    }
}
