package dev.kafkalab.scenario;

import java.util.List;
import java.util.Map;

/**
 * {@code join}: a consumer joins. It is either new (not in {@code consumers} and not joined before; then
 * {@code topics} is required in the file) or joins again, in which case an omitted {@code group} or
 * {@code topics} is taken from its last declaration or join.
 *
 * @param group  null = no group
 * @param config the consumer settings given in this join (parsed), possibly empty
 */
public record Join(int step, int index, Location location, String consumer, String group, List<String> topics,
                   Map<String, Object> config) implements Action {
    public Join {
        topics = List.copyOf(topics);
        config = Copies.map(config);
    }

    @Override
    public String name() {
        return "join";
    }
}
