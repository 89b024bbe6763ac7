package dev.kafkalab.scenario;

/** {@code flush}: wait until every record the producer sent is acknowledged or failed. */
public record Flush(int step, int index, Location location, String producer) implements Action {
    @Override
    public String name() {
        return "flush";
    }
}
