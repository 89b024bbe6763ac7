package dev.kafkalab.scenario;

import java.util.List;

/** {@code commit}: commit positions; {@code offsets} null = the consumer's current positions. */
public record Commit(int step, int index, Location location, String consumer, List<OffsetSpec> offsets)
        implements Action {
    public Commit {
        offsets = offsets == null ? null : List.copyOf(offsets);
    }

    @Override
    public String name() {
        return "commit";
    }
}
