package dev.kafkalab.scenario;

/** {@code createTopic}: create a topic later in the run. */
public record CreateTopic(int step, int index, Location location, TopicSpec topic) implements Action {
    @Override
    public String name() {
        return "createTopic";
    }
}
