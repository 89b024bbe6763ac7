package dev.kafkalab.scenario;

/** One entry of {@code commit.offsets}. */
public record OffsetSpec(String topic, int partition, long offset, Location location) {
}
