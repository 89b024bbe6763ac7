package dev.kafkalab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkalab.engine.ClassicGroup;
import dev.kafkalab.engine.Consumer;
import dev.kafkalab.engine.ConsumerGroup;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.Topic;
import dev.kafkalab.engine.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** One consumer group in the contract's {@code groups} section. */
final class GroupJson {
    private GroupJson() {
    }

    static ObjectNode of(Simulation sim, String groupId) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", groupId);
        Map<String, List<TopicPartition>> members = new TreeMap<>();
        ClassicGroup classic = sim.groupCoordinator().classicGroups().get(groupId);
        if (classic != null) {
            o.put("protocol", "classic");
            o.put("assignor", classic.protocol());
            o.put("generation", classic.generation());
            o.put("state", classic.state().kafkaName());
            classic.members().forEach((id, m) -> members.put(id, m.assignment()));
        } else {
            ConsumerGroup g = sim.groupCoordinator().consumerGroups().get(groupId);
            o.put("protocol", "consumer");
            o.put("assignor", g.assignor());
            o.put("generation", g.groupEpoch());
            o.put("state", g.state().kafkaName());
            g.members().forEach((id, m) -> members.put(id, m.assignment()));
        }
        ArrayNode ms = o.putArray("members");
        TreeSet<String> topics = new TreeSet<>();
        for (Map.Entry<String, List<TopicPartition>> e : members.entrySet()) {
            ObjectNode m = ms.addObject();
            m.put("id", e.getKey());
            ArrayNode a = m.putArray("assignment");
            for (TopicPartition tp : e.getValue()) {
                a.addObject().put("topic", tp.topic()).put("partition", tp.partition());
            }
            Consumer c = sim.consumer(e.getKey());
            if (c != null) {
                topics.addAll(c.subscription());
            }
        }
        Map<TopicPartition, Long> committed = sim.groupCoordinator().committed(groupId);
        ArrayNode co = o.putArray("committed");
        for (Map.Entry<TopicPartition, Long> e : committed.entrySet()) {
            co.addObject().put("topic", e.getKey().topic()).put("partition", e.getKey().partition())
                    .put("offset", e.getValue());
            topics.add(e.getKey().topic());
        }
        ArrayNode lag = o.putArray("lag");
        for (String t : topics) {
            Topic topic = sim.cluster().topic(t);
            if (topic == null) {
                continue;
            }
            for (Partition p : topic.partitions()) {
                TopicPartition tp = p.topicPartition();
                Long position = null;
                for (Map.Entry<String, List<TopicPartition>> e : members.entrySet()) {
                    Consumer c = sim.consumer(e.getKey());
                    if (e.getValue().contains(tp) && c != null && c.positions().containsKey(tp)) {
                        position = c.positions().get(tp);
                    }
                }
                if (position == null) {
                    position = committed.getOrDefault(tp, p.leaderLog().logStartOffset());
                }
                lag.addObject().put("topic", t).put("partition", p.index())
                        .put("lag", Math.max(0, p.highWatermark() - position));
            }
        }
        return o;
    }
}
