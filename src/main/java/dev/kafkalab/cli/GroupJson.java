package dev.kafkalab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkalab.engine.GroupDescription;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.TopicPartition;
import java.util.List;
import java.util.Map;

/** One consumer group in the contract's {@code groups} section. */
final class GroupJson {
    private GroupJson() {
    }

    static ObjectNode of(Simulation sim, String groupId) {
        GroupDescription g = GroupDescription.of(sim, groupId);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", groupId);
        o.put("protocol", g.protocol());
        o.put("assignor", g.assignor());
        o.put("generation", g.generation());
        o.put("state", g.state());
        ArrayNode ms = o.putArray("members");
        for (Map.Entry<String, List<TopicPartition>> e : g.members().entrySet()) {
            ObjectNode m = ms.addObject();
            m.put("id", e.getKey());
            ArrayNode a = m.putArray("assignment");
            for (TopicPartition tp : e.getValue()) {
                a.addObject().put("topic", tp.topic()).put("partition", tp.partition());
            }
        }
        ArrayNode co = o.putArray("committed");
        for (Map.Entry<TopicPartition, Long> e : g.committed().entrySet()) {
            co.addObject().put("topic", e.getKey().topic()).put("partition", e.getKey().partition())
                    .put("offset", e.getValue());
        }
        ArrayNode lag = o.putArray("lag");
        for (Map.Entry<TopicPartition, Long> e : g.lag().entrySet()) {
            lag.addObject().put("topic", e.getKey().topic()).put("partition", e.getKey().partition())
                    .put("lag", e.getValue());
        }
        return o;
    }
}
