package dev.kafkalab.scenario;

/** {@code slow}: the follower on {@code broker} waits {@code ms} (>= 0) before each fetch. */
public record Slow(int step, int index, Location location, int broker, long ms) implements Action {
    @Override
    public String name() {
        return "slow";
    }
}
