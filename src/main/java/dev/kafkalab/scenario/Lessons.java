package dev.kafkalab.scenario;

import dev.kafkalab.engine.Broker;
import dev.kafkalab.engine.Configs;
import dev.kafkalab.engine.Consumer;
import dev.kafkalab.engine.Delivery;
import dev.kafkalab.engine.GroupDescription;
import dev.kafkalab.engine.KeyHashing;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.Topic;
import dev.kafkalab.engine.TopicPartition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges lesson steps against the engine: computes a question's answer and tells whether a goal is met.
 * Answers are text, as the learner's choices are. Nothing here is scripted: every value is read from the
 * simulation or its trace.
 */
public final class Lessons {
    /** The answer when what a question asks about does not exist (no such topic, partition or group). */
    public static final String NOTHING = "(nothing)";

    private Lessons() {
    }

    /** The engine's answer to a question, read now (after the step's actions ran). */
    public static String answer(Question q, LessonWorld w) {
        Simulation sim = w.simulation();
        Map<String, Object> f = q.fields();
        return switch (q.answer()) {
            case "partition" -> partitionOf(sim, text(f, "topic"), text(f, "key"), text(f, "producer"));
            case "leader" -> {
                Partition p = partition(sim, f);
                yield p == null ? NOTHING : p.hasLeader() ? Integer.toString(p.leader()) : "none";
            }
            case "delivered" -> delivered(sim.producer(text(f, "producer")));
            case "error" -> {
                Delivery last = last(sim.producer(text(f, "producer")));
                yield last == null || last.acked() ? "none" : last.error();
            }
            case "highWatermark" -> {
                Partition p = partition(sim, f);
                yield p == null ? NOTHING : Long.toString(p.highWatermark());
            }
            case "logEndOffset" -> {
                Partition p = partition(sim, f);
                yield p == null ? NOTHING : Long.toString(p.leaderLog().logEndOffset());
            }
            case "records" -> {
                Topic t = sim.cluster().topic(text(f, "topic"));
                if (t == null || (f.get("partition") instanceof Integer i && i >= t.partitionCount())) {
                    yield NOTHING;
                }
                long n = 0;
                for (Partition p : t.partitions()) {
                    if (!(f.get("partition") instanceof Integer i) || i == p.index()) {
                        n += p.leaderLog().recordCount();
                    }
                }
                yield Long.toString(n);
            }
            case "usedPartitions" -> {
                Topic t = sim.cluster().topic(text(f, "topic"));
                yield t == null ? NOTHING : Long.toString(t.partitions().stream()
                        .filter(p -> p.leaderLog().recordCount() > 0).count());
            }
            case "owner" -> {
                GroupDescription g = GroupDescription.of(sim, text(f, "group"));
                String owner = g == null ? null : g.owner(new TopicPartition(text(f, "topic"), integer(f, "partition")));
                yield owner == null ? "nobody" : owner;
            }
            case "idle" -> {
                GroupDescription g = GroupDescription.of(sim, text(f, "group"));
                yield g == null ? NOTHING : Long.toString(g.idleMembers());
            }
            case "lag" -> {
                GroupDescription g = GroupDescription.of(sim, text(f, "group"));
                String topic = text(f, "topic");
                yield g == null ? NOTHING : Long.toString(g.lag().entrySet().stream()
                        .filter(e -> topic == null || e.getKey().topic().equals(topic))
                        .mapToLong(Map.Entry::getValue).sum());
            }
            case "committed" -> {
                Long c = sim.groupCoordinator().committed(text(f, "group"))
                        .get(new TopicPartition(text(f, "topic"), integer(f, "partition")));
                yield c == null ? "none" : Long.toString(c);
            }
            case "consumed" -> {
                Consumer c = sim.consumer(text(f, "consumer"));
                yield c == null ? NOTHING : Long.toString(c.recordsConsumed());
            }
            default -> throw new IllegalArgumentException("unknown answer " + q.answer());
        };
    }

    /** The options a learner picks from: the file's, or those the answer brings. */
    public static List<String> choices(Question q, LessonWorld w) {
        if (!q.choices().isEmpty()) {
            return q.choices();
        }
        Simulation sim = w.simulation();
        List<String> out = new ArrayList<>();
        switch (q.answer()) {
            case "partition" -> {
                Topic t = sim.cluster().topic(text(q.fields(), "topic"));
                for (int i = 0; t != null && i < t.partitionCount(); i++) {
                    out.add(Integer.toString(i));
                }
            }
            case "leader" -> {
                sim.cluster().brokers().forEach(b -> out.add(Integer.toString(b.id())));
                out.add("none");
            }
            case "delivered" -> out.addAll(List.of("yes", "no"));
            case "owner" -> {
                GroupDescription g = GroupDescription.of(sim, text(q.fields(), "group"));
                if (g != null) {
                    out.addAll(g.members().keySet());
                }
                out.add("nobody");
            }
            default -> throw new IllegalArgumentException("the answer " + q.answer() + " needs choices");
        }
        return out;
    }

    /** Whether the goal holds now, counting actions since {@code start}. */
    public static boolean met(Goal g, LessonWorld w, StepStart start) {
        Simulation sim = w.simulation();
        Map<String, Object> f = g.fields();
        List<SimEvent> since = sim.trace().subList(Math.min(start.traceSize(), sim.trace().size()),
                sim.trace().size());
        return switch (g.condition()) {
            case "bind" -> w.bindings().entrySet().stream().anyMatch(e -> e.getValue().equals(text(f, "topic"))
                    && (!f.containsKey("producer") || e.getKey().equals(text(f, "producer"))));
            case "produce" -> produced(sim, f, start, since) >= count(f);
            case "fail" -> sim.producers().entrySet().stream()
                    .filter(e -> !f.containsKey("producer") || e.getKey().equals(text(f, "producer")))
                    .flatMap(e -> start.deliveriesSince(e.getKey(), e.getValue().deliveries()).stream())
                    .anyMatch(d -> !d.acked() && (!f.containsKey("error") || d.error().equals(text(f, "error"))));
            case "crash" -> {
                int broker = f.containsKey("broker") ? integer(f, "broker")
                        : start.leaders().getOrDefault(text(f, "topic") + "-" + integer(f, "partition"), -1);
                Broker b = broker < 0 ? null : sim.cluster().broker(broker);
                yield b != null && b.state() != Broker.State.UP;
            }
            case "elect" -> {
                Partition p = partition(sim, f);
                int before = start.leaders().getOrDefault(p == null ? "" : p.topicPartition().toString(), -1);
                yield p != null && p.hasLeader() && p.leader() != before;
            }
            case "restart" -> {
                int broker = integer(f, "broker");
                Broker b = sim.cluster().broker(broker);
                yield b != null && b.state() == Broker.State.UP && since.stream().anyMatch(e ->
                        e instanceof SimEvent.BrokerRestarted r && r.broker() == broker
                                || e instanceof SimEvent.BrokerHealed h && h.broker() == broker);
            }
            case "partitions" -> {
                Topic t = sim.cluster().topic(text(f, "topic"));
                yield t != null && t.partitionCount() >= integer(f, "count");
            }
            case "join" -> {
                GroupDescription d = GroupDescription.of(sim, text(f, "group"));
                int members = f.containsKey("members") ? integer(f, "members") : 1;
                int idle = f.containsKey("idle") ? integer(f, "idle") : 0;
                yield d != null && d.stable() && d.members().size() >= members && d.idleMembers() >= idle;
            }
            case "consume" -> consumed(sim, f, since) >= count(f);
            case "commit" -> since.stream().anyMatch(e -> e instanceof SimEvent.OffsetsCommitted c
                    && c.group().equals(text(f, "group")) && c.offsets().keySet().stream().anyMatch(tp ->
                    (!f.containsKey("topic") || tp.startsWith(text(f, "topic") + "-"))
                            && (!f.containsKey("partition") || tp.endsWith("-" + integer(f, "partition")))));
            case "config" -> {
                Topic t = sim.cluster().topic(text(f, "topic"));
                yield t != null && Objects.equals(Configs.text(t.config().get(text(f, "key"))), text(f, "value"));
            }
            default -> throw new IllegalArgumentException("unknown goal condition " + g.condition());
        };
    }

    private static long produced(Simulation sim, Map<String, Object> f, StepStart start, List<SimEvent> since) {
        boolean acked = !(f.get("acked") instanceof Boolean b) || b;
        String topic = text(f, "topic");
        if (!acked) {
            return since.stream().filter(e -> e instanceof SimEvent.RecordSent s && s.topic().equals(topic)
                    && (!f.containsKey("producer") || s.producer().equals(text(f, "producer")))
                    && (!f.containsKey("key") || Objects.equals(s.key(), text(f, "key")))
                    && (!f.containsKey("partition") || s.partition() == integer(f, "partition"))).count();
        }
        long n = 0;
        for (Map.Entry<String, Producer> e : sim.producers().entrySet()) {
            if (f.containsKey("producer") && !e.getKey().equals(text(f, "producer"))) {
                continue;
            }
            for (Delivery d : start.deliveriesSince(e.getKey(), e.getValue().deliveries())) {
                if (d.acked() && d.topic().equals(topic)
                        && (!f.containsKey("key") || Objects.equals(d.key(), text(f, "key")))
                        && (!f.containsKey("partition") || d.partition() == integer(f, "partition"))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long consumed(Simulation sim, Map<String, Object> f, List<SimEvent> since) {
        long n = 0;
        for (SimEvent e : since) {
            if (!(e instanceof SimEvent.RecordsPolled p)) {
                continue;
            }
            Consumer c = sim.consumer(p.consumer());
            boolean match = (!f.containsKey("consumer") || p.consumer().equals(text(f, "consumer")))
                    && (!f.containsKey("group") || (c != null && text(f, "group").equals(c.group())))
                    && (!f.containsKey("topic") || p.topic().equals(text(f, "topic")));
            n += match ? p.toOffset() - p.fromOffset() : 0;
        }
        return n;
    }

    private static String partitionOf(Simulation sim, String topic, String key, String producer) {
        List<SimEvent> trace = sim.trace();
        for (int i = trace.size() - 1; i >= 0; i--) {
            if (trace.get(i) instanceof SimEvent.RecordSent s && s.topic().equals(topic)
                    && Objects.equals(s.key(), key) && (producer == null || s.producer().equals(producer))) {
                return Integer.toString(s.partition());
            }
        }
        Topic t = sim.cluster().topic(topic);
        if (t == null || key == null) {
            return NOTHING;
        }
        return Integer.toString(KeyHashing.steps(key, t.partitionCount()).partition());
    }

    private static String delivered(Producer p) {
        if (p == null) {
            return NOTHING;
        }
        if (p.incomplete() > 0) {
            return "pending";
        }
        Delivery last = last(p);
        return last == null ? NOTHING : last.acked() ? "yes" : "no";
    }

    /** The result of the producer's most recent send that has one. */
    private static Delivery last(Producer p) {
        return p == null ? null : p.deliveries().stream().max(Comparator.comparingLong(Delivery::sequence))
                .orElse(null);
    }

    private static Partition partition(Simulation sim, Map<String, Object> f) {
        Topic t = sim.cluster().topic(text(f, "topic"));
        int i = integer(f, "partition");
        return t == null || i >= t.partitionCount() ? null : t.partition(i);
    }

    private static int count(Map<String, Object> f) {
        return f.get("count") instanceof Integer c ? c : 1;
    }

    private static String text(Map<String, Object> f, String name) {
        Object v = f.get(name);
        return v == null ? null : v.toString();
    }

    private static int integer(Map<String, Object> f, String name) {
        return ((Number) f.get(name)).intValue();
    }
}
