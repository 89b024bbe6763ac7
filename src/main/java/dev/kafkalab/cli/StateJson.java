package dev.kafkalab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkalab.engine.Broker;
import dev.kafkalab.engine.Consumer;
import dev.kafkalab.engine.Delivery;
import dev.kafkalab.engine.LogRecord;
import dev.kafkalab.engine.LogSegment;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.Topic;
import dev.kafkalab.engine.TopicPartition;
import dev.kafkalab.scenario.RunFailure;
import dev.kafkalab.scenario.ScenarioRunner;
import java.util.Locale;
import java.util.Map;

/** The final state of a run in the shape of the public contract ({@code run --json}). */
final class StateJson {
    private StateJson() {
    }

    static ObjectNode of(ScenarioRunner runner) {
        Simulation sim = runner.simulation();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("title", runner.scenario().title());
        root.put("seed", sim.seed());
        root.put("time", sim.now());
        ArrayNode brokers = root.putArray("brokers");
        for (Broker b : sim.cluster().brokers()) {
            brokers.addObject().put("id", b.id()).put("state", b.state().name().toLowerCase(Locale.ROOT));
        }
        root.putObject("controller").put("id", sim.cluster().controllerId());
        ArrayNode topics = root.putArray("topics");
        for (Topic t : sim.cluster().topics().values()) {
            topics.add(topic(t));
        }
        ArrayNode groups = root.putArray("groups");
        for (String g : sim.groupCoordinator().groupIds()) {
            groups.add(GroupJson.of(sim, g));
        }
        ArrayNode producers = root.putArray("producers");
        for (Producer p : sim.producers().values()) {
            producers.add(producer(p));
        }
        ArrayNode consumers = root.putArray("consumers");
        for (Consumer c : sim.consumers().values()) {
            consumers.add(consumer(c));
        }
        ArrayNode failures = root.putArray("failures");
        for (RunFailure f : runner.failures()) {
            failures.addObject().put("step", f.step()).put("action", f.action()).put("name", f.name())
                    .put("error", f.error()).put("message", f.message());
        }
        return root;
    }

    private static ObjectNode topic(Topic t) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", t.name());
        o.put("replicationFactor", t.replicationFactor());
        o.set("config", Json.MAPPER.valueToTree(t.config().explicitValues()));
        ArrayNode parts = o.putArray("partitions");
        for (Partition p : t.partitions()) {
            ObjectNode po = parts.addObject();
            po.put("partition", p.index());
            po.put("leader", p.leader());
            po.put("leaderEpoch", p.leaderEpoch());
            ArrayNode replicas = po.putArray("replicas");
            p.replicas().forEach(replicas::add);
            ArrayNode isr = po.putArray("isr");
            p.isr().forEach(isr::add);
            ArrayNode elr = po.putArray("elr");
            p.elr().forEach(elr::add);
            po.put("logStartOffset", p.leaderLog().logStartOffset());
            po.put("highWatermark", p.highWatermark());
            ObjectNode leos = po.putObject("logEndOffsets");
            for (Map.Entry<Integer, Long> e : p.logEndOffsets().entrySet()) {
                leos.put(Integer.toString(e.getKey()), e.getValue());
            }
            ArrayNode segments = po.putArray("segments");
            for (LogSegment s : p.leaderLog().segments()) {
                segments.addObject().put("baseOffset", s.baseOffset()).put("file", s.fileName())
                        .put("sizeInBytes", s.sizeInBytes()).put("records", s.recordCount());
            }
            ArrayNode records = po.putArray("records");
            for (LogRecord r : p.leaderLog().records()) {
                ObjectNode ro = records.addObject();
                ro.put("offset", r.offset());
                ro.put("key", r.keyString());
                ro.put("value", r.valueString());
                ro.put("timestamp", r.timestamp());
                ro.set("headers", Json.MAPPER.valueToTree(r.headers()));
            }
        }
        return o;
    }

    private static ObjectNode producer(Producer p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", p.id());
        o.put("partitioner", p.partitionerName());
        ArrayNode acked = o.putArray("acked");
        ArrayNode failed = o.putArray("failed");
        for (Delivery d : p.deliveries()) {
            if (d.acked()) {
                acked.addObject().put("topic", d.topic()).put("partition", d.partition()).put("offset", d.offset())
                        .put("key", d.key()).put("timestamp", d.timestamp());
            } else {
                ObjectNode f = failed.addObject().put("topic", d.topic());
                if (d.partition() >= 0) {
                    f.put("partition", d.partition());
                }
                f.put("key", d.key()).put("error", d.error()).put("message", d.message());
            }
        }
        return o;
    }

    private static ObjectNode consumer(Consumer c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", c.id());
        ArrayNode assignment = o.putArray("assignment");
        for (TopicPartition tp : c.assignment()) {
            assignment.addObject().put("topic", tp.topic()).put("partition", tp.partition());
        }
        ArrayNode positions = o.putArray("positions");
        for (Map.Entry<TopicPartition, Long> e : c.positions().entrySet()) {
            positions.addObject().put("topic", e.getKey().topic()).put("partition", e.getKey().partition())
                    .put("offset", e.getValue());
        }
        o.put("recordsConsumed", c.recordsConsumed());
        if (c.group() != null) {
            o.put("group", c.group());
        }
        o.put("state", c.isClosed() ? "closed" : "open");
        return o;
    }
}
