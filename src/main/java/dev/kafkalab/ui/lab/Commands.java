package dev.kafkalab.ui.lab;

import dev.kafkalab.engine.Consumer;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.ProducerRecord;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.Topic;
import dev.kafkalab.scenario.ValueFormats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The learner's commands. Each is a record of what was asked, so it can run again on a rebuilt simulation. */
public final class Commands {
    /** Virtual time a sandbox send may take before control returns (Kafka's delivery.timeout.ms bounds it). */
    static final long SETTLE_MS = 2_000;

    private Commands() {
    }

    private static Map<String, Object> action(String name, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                body.put((String) fields[i], fields[i + 1]);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name, body);
        return m;
    }

    /** Runs the lesson's next step. */
    public record NextStep() implements LabCommand {
        @Override
        public String description() {
            return "run the next lesson step";
        }

        @Override
        public void execute(Lab lab) {
            if (!lab.runner().hasNextStep()) {
                throw new IllegalStateException("The lesson has no more steps.");
            }
            lab.runner().runNextStep();
        }

        @Override
        public List<Map<String, Object>> actions() {
            return List.of();
        }
    }

    /** Does what a lesson step's solution does: the "show me" of a goal. Step is 0-based. */
    public record RunSolution(int step) implements LabCommand {
        @Override
        public String description() {
            return "show how to meet the goal of step " + (step + 1);
        }

        @Override
        public void execute(Lab lab) {
            lab.runner().runSolution(lab.scenario().steps().get(step));
        }

        @Override
        public List<Map<String, Object>> actions() {
            return List.of();
        }
    }

    /**
     * Sends one record, then lets the cluster work until it is acknowledged (or failed) and the
     * followers caught up, as a short flush.
     */
    public record SendRecord(String producer, String topic, String key, String value, Map<String, String> headers,
                             Integer partition, ValueFormats.Format format) implements LabCommand {
        public SendRecord {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            format = format == null ? ValueFormats.Format.STRING : format;
        }

        /** A record whose value is sent as UTF-8 text (Kafka's StringSerializer). */
        public SendRecord(String producer, String topic, String key, String value, Map<String, String> headers,
                          Integer partition) {
            this(producer, topic, key, value, headers, partition, ValueFormats.Format.STRING);
        }

        /** The value's bytes: {@code value} serialised in {@link #format()}; null value = tombstone. */
        public byte[] valueBytes() {
            return value == null ? null : ValueFormats.serialize(format, value);
        }

        @Override
        public String description() {
            return "send " + (key == null ? "a keyless record" : "key \"" + key + "\"") + " to " + topic
                    + (format == ValueFormats.Format.STRING ? "" : " as " + format.label());
        }

        @Override
        public void execute(Lab lab) {
            Simulation sim = lab.simulation();
            Producer p = sim.producer(producer);
            if (p == null) {
                throw new IllegalArgumentException("There is no producer " + producer + ".");
            }
            p.send(new ProducerRecord(topic, partition, null, ProducerRecord.utf8(key), valueBytes(), headers));
            sim.runUntil(() -> p.incomplete() == 0);
            settle(sim, topic);
        }

        @Override
        public List<Map<String, Object>> actions() {
            // a JSON/Avro/Protobuf value is saved as the JSON text typed plus its format (an optional key)
            Map<String, Object> produce = action("produce", "producer", producer, "topic", topic, "key", key,
                    "value", value, "headers", headers.isEmpty() ? null : new LinkedHashMap<>(headers),
                    "partition", partition, "valueFormat", format == ValueFormats.Format.STRING ? null
                            : format.name().toLowerCase(java.util.Locale.ROOT));
            return List.of(produce, action("flush", "producer", producer));
        }
    }

    /** Runs background work (follower fetches) until every in-sync follower of the topic caught up. */
    static void settle(Simulation sim, String topic) {
        long deadline = sim.now() + SETTLE_MS;
        while (sim.now() < deadline && !caughtUp(sim, topic) && sim.step()) {
            // fetch loops are background tasks: run them one at a time
        }
    }

    private static boolean caughtUp(Simulation sim, String topicName) {
        Topic topic = sim.cluster().topic(topicName);
        if (topic == null) {
            return true;
        }
        for (Partition p : topic.partitions()) {
            if (!p.hasLeader()) {
                continue;
            }
            long leo = p.log(p.leader()).logEndOffset();
            if (p.highWatermark() < leo) {
                return false;
            }
            for (int b : p.isr()) {
                if (p.replica(b) != null && p.replica(b).highWatermark() < p.highWatermark()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Lets virtual time pass. */
    public record Advance(long ms) implements LabCommand {
        @Override
        public String description() {
            return "advance time by " + ms + " ms";
        }

        @Override
        public void execute(Lab lab) {
            lab.simulation().advance(ms);
        }

        @Override
        public List<Map<String, Object>> actions() {
            return List.of(action("advance", "ms", ms));
        }
    }

    /** Runs until no foreground work is pending. */
    public record RunUntilIdle() implements LabCommand {
        @Override
        public String description() {
            return "run until idle";
        }

        @Override
        public void execute(Lab lab) {
            for (Producer p : lab.simulation().producers().values()) {
                p.flush();
            }
            lab.simulation().runUntilIdle();
        }

        @Override
        public List<Map<String, Object>> actions() {
            List<Map<String, Object>> out = new ArrayList<>();
            return out;
        }
    }

    /** Runs scheduled tasks until the engine says something (at most {@code limit} tasks). */
    public record StepEngine() implements LabCommand {
        static final int LIMIT = 100_000;

        @Override
        public String description() {
            return "step to the next event";
        }

        @Override
        public void execute(Lab lab) {
            int before = lab.simulation().trace().size();
            for (int i = 0; i < LIMIT && lab.simulation().trace().size() == before; i++) {
                if (!lab.simulation().step()) {
                    return;
                }
            }
        }
    }

    /** What a learner can do to a broker. */
    public enum BrokerOp {
        CRASH("crash"), SHUTDOWN("shutdown"), RESTART("restart"), ISOLATE("isolate"), HEAL("heal");

        private final String action;

        BrokerOp(String action) {
            this.action = action;
        }

        public String action() {
            return action;
        }
    }

    public record BrokerCommand(BrokerOp op, int broker) implements LabCommand {
        @Override
        public String description() {
            return op.action() + " broker " + broker;
        }

        @Override
        public void execute(Lab lab) {
            var cluster = lab.simulation().cluster();
            switch (op) {
                case CRASH -> cluster.crash(broker);
                case SHUTDOWN -> cluster.shutdown(broker);
                case RESTART -> cluster.restart(broker);
                case ISOLATE -> cluster.isolate(broker);
                case HEAL -> cluster.heal(broker);
                default -> throw new IllegalStateException(op.name());
            }
        }

        @Override
        public List<Map<String, Object>> actions() {
            return List.of(action(op.action(), "broker", broker));
        }
    }

    public record AddProducer(String id, Map<String, Object> config) implements LabCommand {
        public AddProducer {
            config = config == null ? Map.of() : new LinkedHashMap<>(config);
        }

        @Override
        public String description() {
            return "add producer " + id;
        }

        @Override
        public void execute(Lab lab) {
            lab.simulation().createProducer(id, config);
        }
    }

    /** Points a producer at a topic: the send panel's default. Nothing changes in the cluster. */
    public record BindProducer(String producer, String topic) implements LabCommand {
        @Override
        public String description() {
            return "bind producer " + producer + " to " + topic;
        }

        @Override
        public void execute(Lab lab) {
            lab.bind(producer, topic);
        }

        @Override
        public List<Map<String, Object>> actions() {
            return List.of(Map.of("bind", Map.of("producer", producer, "topic", topic)));
        }
    }

    /** A consumer joins a group subscribed to topics (a new consumer, or one that left, starting again). */
    public record Join(String consumer, String group, List<String> topics, Map<String, Object> config)
            implements LabCommand {
        public Join {
            topics = List.copyOf(topics);
            config = config == null ? Map.of() : new LinkedHashMap<>(config);
        }

        @Override
        public String description() {
            return "consumer " + consumer + " joins group " + group;
        }

        @Override
        public void execute(Lab lab) {
            Simulation sim = lab.simulation();
            Consumer existing = sim.consumer(consumer);
            Consumer c;
            if (existing == null) {
                c = sim.createConsumer(consumer, config);
            } else if (existing.isClosed()) {
                c = sim.replaceConsumer(consumer, config.isEmpty() ? existing.config().explicitValues() : config);
            } else {
                c = existing;
            }
            c.subscribe(group, topics);
            sim.runUntilIdle();
        }

        @Override
        public List<Map<String, Object>> actions() {
            return List.of(action("join", "consumer", consumer, "group", group, "topics", topics,
                    "config", config.isEmpty() ? null : config));
        }
    }

    /** What a learner can do to a consumer. */
    public enum ConsumerOp {
        POLL("poll"), COMMIT("commit"), LEAVE("leave"), KILL("kill");

        private final String action;

        ConsumerOp(String action) {
            this.action = action;
        }

        public String action() {
            return action;
        }
    }

    public record ConsumerCommand(ConsumerOp op, String consumer) implements LabCommand {
        @Override
        public String description() {
            return op.action() + " consumer " + consumer;
        }

        @Override
        public void execute(Lab lab) {
            Consumer c = lab.simulation().consumer(consumer);
            if (c == null) {
                throw new IllegalArgumentException("There is no consumer " + consumer + ".");
            }
            switch (op) {
                case POLL -> c.poll(null);
                case COMMIT -> c.commit(null);
                case LEAVE -> c.leave();
                case KILL -> c.kill();
                default -> throw new IllegalStateException(op.name());
            }
            lab.simulation().runUntilIdle();
        }

        @Override
        public List<Map<String, Object>> actions() {
            return List.of(action(op.action(), "consumer", consumer));
        }
    }

    public record CreateTopic(String name, int partitions, int replicationFactor, Map<String, Object> config)
            implements LabCommand {
        public CreateTopic {
            config = config == null ? Map.of() : new LinkedHashMap<>(config);
        }

        @Override
        public String description() {
            return "create topic " + name;
        }

        @Override
        public void execute(Lab lab) {
            lab.simulation().createTopic(name, partitions, replicationFactor, null, config);
            lab.simulation().runUntilIdle();
        }

        @Override
        public List<Map<String, Object>> actions() {
            return List.of(action("createTopic", "name", name, "partitions", partitions,
                    "replication.factor", replicationFactor, "config", config.isEmpty() ? null : config));
        }
    }

    public record AddPartitions(String topic, int newTotal) implements LabCommand {
        @Override
        public String description() {
            return "grow " + topic + " to " + newTotal + " partitions";
        }

        @Override
        public void execute(Lab lab) {
            lab.simulation().addPartitions(topic, newTotal);
            lab.simulation().runUntilIdle();
        }

        @Override
        public List<Map<String, Object>> actions() {
            return List.of(action("addPartitions", "topic", topic, "partitions", newTotal));
        }
    }

    public record AlterTopicConfig(String topic, Map<String, Object> changes) implements LabCommand {
        public AlterTopicConfig {
            changes = new LinkedHashMap<>(changes);
        }

        @Override
        public String description() {
            return "configure " + topic + " " + changes;
        }

        @Override
        public void execute(Lab lab) {
            lab.simulation().cluster().alterTopicConfig(topic, changes);
        }

        @Override
        public List<Map<String, Object>> actions() {
            return List.of(action("alterConfig", "topic", topic, "config", changes));
        }
    }

    /** Several commands undone as one (e.g. add a producer and bind it to the topic it was dropped on). */
    public record Composite(String description, List<LabCommand> parts) implements LabCommand {
        public Composite {
            parts = List.copyOf(parts);
        }

        @Override
        public void execute(Lab lab) {
            for (LabCommand c : parts) {
                c.execute(lab);
            }
        }

        @Override
        public List<Map<String, Object>> actions() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (LabCommand c : parts) {
                out.addAll(c.actions());
            }
            return out;
        }
    }

    /**
     * One more broker. A simulated cluster's size is fixed when it starts, so the lab rebuilds the
     * cluster with one more broker and replays everything (see {@link Lab#execute}).
     */
    public record AddBroker() implements LabCommand {
        @Override
        public String description() {
            return "add a broker";
        }

        @Override
        public void execute(Lab lab) {
            // applied by Lab when it rebuilds the cluster
        }
    }
}
