package dev.kafkalab.scenario;

import dev.kafkalab.engine.Configs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the items of a step's {@code do} list, checking the ids they name. */
final class ActionReader {
    static final Map<String, List<String>> FIELDS = fields();

    private final ScenarioReader r;
    private final Values values;
    private final Diagnostics d;

    ActionReader(ScenarioReader r) {
        this.r = r;
        this.values = r.values;
        this.d = r.d;
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("produce", List.of("producer", "topic", "key", "value", "headers", "timestamp", "partition", "count",
                "valueBytes", "valueFormat"));
        m.put("flush", List.of("producer"));
        m.put("advance", List.of("ms"));
        for (BrokerAction.Kind k : BrokerAction.Kind.values()) {
            m.put(k.actionName(), List.of("broker"));
        }
        m.put("slow", List.of("broker", "ms"));
        m.put("createTopic", ScenarioReader.TOPIC_KEYS);
        m.put("addPartitions", List.of("topic", "partitions"));
        m.put("alterConfig", List.of("topic", "broker", "config"));
        m.put("join", List.of("consumer", "group", "topics", "config"));
        m.put("leave", List.of("consumer"));
        m.put("kill", List.of("consumer"));
        m.put("poll", List.of("consumer", "max"));
        m.put("commit", List.of("consumer", "offsets"));
        m.put("seek", List.of("consumer", "topic", "partition", "offset"));
        m.put("bind", List.of("producer", "topic"));
        return m;
    }

    /** The action, or null when the item has a problem (reported). */
    Action read(Node item, int step, int index) {
        String allowed = Nodes.join(Action.NAMES);
        if (!(item instanceof MappingNode m)) {
            d.error(item, "expected an action: a mapping with one action key (" + allowed + "), got "
                    + Nodes.describe(item));
            return null;
        }
        Fields keys = new Fields(d, m, "an action", null);
        List<String> names = keys.names();
        if (names.isEmpty()) {
            if (m.getValue().isEmpty()) {
                d.error(item, "an action item needs one action key, got none (allowed: " + allowed + ")");
            }
            return null;
        }
        if (names.size() > 1) {
            d.error(keys.keyNode(names.get(1)), "one action per list item, but '" + names.get(0) + "' and '"
                    + names.get(1) + "' are in the same item; start a new item with '-'"
                    + " (or indent the action's fields under it)");
            return null;
        }
        String name = names.get(0);
        Node keyNode = keys.keyNode(name);
        if (!FIELDS.containsKey(name)) {
            d.error(keyNode, "unknown action '" + name + "' (allowed: " + allowed + ")");
            return null;
        }
        Node body = keys.value(name);
        if (!(body instanceof MappingNode fieldsNode)) {
            d.error(body, "'" + name + "' expects a mapping of its fields (" + Nodes.join(FIELDS.get(name))
                    + "), got " + Nodes.describe(body));
            return null;
        }
        int before = d.count();
        Action a = new Parse(name, step, index, d.at(item), item, fieldsNode).action();
        return d.count() == before ? a : null;
    }

    /** One action item being parsed. */
    private final class Parse {
        private final String name;
        private final int step;
        private final int index;
        private final Location at;
        private final Node item;
        private final MappingNode body;
        private final String what;

        Parse(String name, int step, int index, Location at, Node item, MappingNode body) {
            this.name = name;
            this.step = step;
            this.index = index;
            this.at = at;
            this.item = item;
            this.body = body;
            this.what = "'" + name + "'";
        }

        Action action() {
            if (name.equals("createTopic")) {
                TopicSpec t = r.topic(body, what);
                return t == null ? null : new CreateTopic(step, index, at, t);
            }
            Fields f = new Fields(d, body, what, FIELDS.get(name));
            BrokerAction.Kind kind = BrokerAction.Kind.of(name);
            if (kind != null) {
                Integer b = broker(f, "broker");
                return b == null ? null : new BrokerAction(step, index, at, kind, b);
            }
            return switch (name) {
                case "produce" -> produce(f);
                case "flush" -> new Flush(step, index, at, producer(f));
                case "advance" -> new Advance(step, index, at, orZero(ms(f)));
                case "slow" -> {
                    Integer b = broker(f, "broker");
                    Long ms = ms(f);
                    yield b == null || ms == null ? null : new Slow(step, index, at, b, ms);
                }
                case "addPartitions" -> {
                    String topic = text(f, "topic");
                    Node p = f.required("partitions", item, what);
                    Integer n = p == null ? null : values.integer(p, "partitions", 1);
                    yield n == null ? null : new AddPartitions(step, index, at, topic, n);
                }
                case "alterConfig" -> alterConfig(f);
                case "join" -> join(f);
                case "leave" -> new Leave(step, index, at, consumer(f));
                case "kill" -> new Kill(step, index, at, consumer(f));
                case "poll" -> new Poll(step, index, at, consumer(f),
                        f.has("max") ? values.integer(f.value("max"), "max", 1) : null);
                case "commit" -> commit(f);
                case "seek" -> seek(f);
                case "bind" -> new Bind(step, index, at, producer(f), text(f, "topic"));
                default -> throw new IllegalStateException("action without a reader: " + name);
            };
        }

        private long orZero(Long v) {
            return v == null ? 0 : v;
        }

        private Long ms(Fields f) {
            Node n = f.required("ms", item, what);
            return n == null ? null : values.integer(n, "ms", 0, Long.MAX_VALUE);
        }

        private String text(Fields f, String field) {
            Node n = f.required(field, item, what);
            return n == null ? null : values.text(n, field);
        }

        private Integer broker(Fields f, String field) {
            Node n = f.required(field, item, what);
            return n == null ? null : r.brokerId(n, field);
        }

        private String producer(Fields f) {
            String id = text(f, "producer");
            if (id != null && !r.producers.containsKey(id)) {
                d.error(f.value("producer"), "'producer': no producer '" + id + "' "
                        + (r.producers.isEmpty() ? "(none is declared under 'producers')"
                        : "(declared: " + Nodes.join(r.producers.keySet()) + ")"));
            }
            return id;
        }

        private String consumer(Fields f) {
            String id = text(f, "consumer");
            if (id != null && !r.consumers.containsKey(id)) {
                d.error(f.value("consumer"), "'consumer': no consumer '" + id + "' "
                        + (r.consumers.isEmpty() ? "(none is declared under 'consumers' or joined by an earlier 'join')"
                        : "(declared or joined so far: " + Nodes.join(r.consumers.keySet()) + ")"));
            }
            return id;
        }

        private Produce produce(Fields f) {
            String producer = producer(f);
            String topic = text(f, "topic");
            boolean[] ok = {true};
            String key = f.has("key") ? values.nullableText(f.value("key"), "key", ok) : null;
            String value = f.has("value") ? values.nullableText(f.value("value"), "value", ok) : null;
            Map<String, String> headers = new LinkedHashMap<>();
            if (f.has("headers") && !Nodes.isNull(f.value("headers"))) {
                MappingNode hm = values.mapping(f.value("headers"), "headers", "header name -> value");
                if (hm != null) {
                    Fields h = new Fields(d, hm, "'headers'", null);
                    for (String header : h.names()) {
                        headers.put(header, values.nullableText(h.value(header), "headers", ok));
                    }
                }
            }
            Long timestamp = f.has("timestamp")
                    ? values.integer(f.value("timestamp"), "timestamp", 0, Long.MAX_VALUE) : null;
            Integer partition = f.has("partition") ? values.integer(f.value("partition"), "partition", 0) : null;
            Integer count = f.has("count") ? values.integer(f.value("count"), "count", 1) : null;
            Integer valueBytes = f.has("valueBytes") ? values.integer(f.value("valueBytes"), "valueBytes", 0) : null;
            ValueFormats.Format format = f.has("valueFormat") ? valueFormat(f, value, count) : null;
            return new Produce(step, index, at, producer, topic, key, f.has("key"), value, headers, timestamp,
                    partition, count, valueBytes, format);
        }

        /** string, json, avro or protobuf; a non-string value must then be a flat JSON object. */
        private ValueFormats.Format valueFormat(Fields f, String value, Integer count) {
            String name = text(f, "valueFormat");
            if (name == null) {
                return null;
            }
            ValueFormats.Format format = null;
            for (ValueFormats.Format candidate : ValueFormats.Format.values()) {
                if (candidate.name().equalsIgnoreCase(name)) {
                    format = candidate;
                }
            }
            if (format == null) {
                d.error(f.value("valueFormat"), "'valueFormat': expected string, json, avro or protobuf, got '"
                        + name + "'");
                return null;
            }
            if (format != ValueFormats.Format.STRING && value != null) {
                try {
                    ValueFormats.serialize(format, count == null ? value : value.replace("{i}", "0"));
                } catch (IllegalArgumentException e) {
                    d.error(f.value("value"), "'value' as " + format.label() + ": " + e.getMessage());
                }
            }
            return format;
        }

        private AlterConfig alterConfig(Fields f) {
            boolean topic = f.has("topic");
            boolean broker = f.has("broker");
            if (topic == broker) {
                d.error(item, "'alterConfig' needs exactly one of 'topic' or 'broker', got "
                        + (topic ? "both" : "neither"));
                return null;
            }
            Node config = f.required("config", item, what);
            if (topic) {
                String t = values.text(f.value("topic"), "topic");
                return new AlterConfig(step, index, at, t, null, values.config(config, Configs.Scope.TOPIC, "config"));
            }
            Integer b = r.brokerId(f.value("broker"), "broker");
            return new AlterConfig(step, index, at, null, b, values.config(config, Configs.Scope.BROKER, "config"));
        }

        private Join join(Fields f) {
            String id = text(f, "consumer");
            String group = f.has("group") ? values.text(f.value("group"), "group") : null;
            List<String> topics = f.has("topics") ? values.strings(f.value("topics"), "topics", true) : null;
            Map<String, Object> config = values.config(f.value("config"), Configs.Scope.CONSUMER, "config");
            if (id == null) {
                return null;
            }
            ScenarioReader.Membership before = r.consumers.get(id);
            if (before == null && !f.has("topics")) {
                d.error(item, "'join' of a new consumer '" + id + "' needs 'topics' (a consumer that is not under"
                        + " 'consumers' and has not joined before)");
            }
            if (before != null) {
                group = f.has("group") ? group : before.group();
                topics = f.has("topics") ? topics : before.topics();
            }
            r.consumers.put(id, new ScenarioReader.Membership(group, topics == null ? List.of() : topics));
            return topics == null ? null : new Join(step, index, at, id, group, topics, config);
        }

        private Commit commit(Fields f) {
            String consumer = consumer(f);
            if (!f.has("offsets") || Nodes.isNull(f.value("offsets"))) {
                return new Commit(step, index, at, consumer, null);
            }
            List<Node> items = values.sequence(f.value("offsets"), "offsets", "{topic, partition, offset}");
            List<OffsetSpec> offsets = new ArrayList<>();
            for (Node o : items == null ? List.<Node>of() : items) {
                MappingNode om = values.mapping(o, "offsets", "topic, partition and offset");
                if (om == null) {
                    continue;
                }
                Fields of = new Fields(d, om, "an offset", List.of("topic", "partition", "offset"));
                String topic = textIn(of, om, "topic", "an offset");
                Node p = of.required("partition", om, "an offset");
                Integer partition = p == null ? null : values.integer(p, "partition", 0);
                Node off = of.required("offset", om, "an offset");
                Long offset = off == null ? null : values.integer(off, "offset", 0, Long.MAX_VALUE);
                if (topic != null && partition != null && offset != null) {
                    offsets.add(new OffsetSpec(topic, partition, offset, d.at(om)));
                }
            }
            return new Commit(step, index, at, consumer, offsets);
        }

        private String textIn(Fields f, Node at, String field, String where) {
            Node n = f.required(field, at, where);
            return n == null ? null : values.text(n, field);
        }

        private Seek seek(Fields f) {
            String consumer = consumer(f);
            String topic = text(f, "topic");
            Node p = f.required("partition", item, what);
            Integer partition = p == null ? null : values.integer(p, "partition", 0);
            Node o = f.required("offset", item, what);
            Long offset = o == null ? null : values.integer(o, "offset", 0, Long.MAX_VALUE);
            return partition == null || offset == null ? null
                    : new Seek(step, index, at, consumer, topic, partition, offset);
        }
    }
}
