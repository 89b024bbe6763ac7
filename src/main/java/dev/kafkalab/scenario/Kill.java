package dev.kafkalab.scenario;

/** {@code kill}: the consumer dies without leaving (its session timeout applies). */
public record Kill(int step, int index, Location location, String consumer) implements Action {
    @Override
    public String name() {
        return "kill";
    }
}
