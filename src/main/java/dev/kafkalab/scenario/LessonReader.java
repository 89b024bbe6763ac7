package dev.kafkalab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a lesson step's {@code question} and {@code goal}, checking their fields and the ids they name. */
final class LessonReader {
    /** How a field's value is read. */
    enum Type { TEXT, NULLABLE_TEXT, INT, BOOL, BROKER, PRODUCER, CONSUMER, SCALAR }

    record FieldSpec(String name, Type type, boolean required) {
    }

    static final List<String> QUESTION_KEYS = List.of("ask", "answer", "choices", "hints", "explain");
    static final List<String> GOAL_KEYS_FIXED = List.of("text", "hints");

    /** Answers: name -> fields. */
    static final Map<String, List<FieldSpec>> ANSWERS = new LinkedHashMap<>();
    /** Answers whose choices the engine supplies when the file gives none. */
    static final List<String> OWN_CHOICES = List.of("partition", "leader", "delivered", "owner");
    /** Goal conditions: name -> fields. */
    static final Map<String, List<FieldSpec>> CONDITIONS = new LinkedHashMap<>();

    static {
        FieldSpec topic = req("topic", Type.TEXT);
        FieldSpec partition = req("partition", Type.INT);
        FieldSpec group = req("group", Type.TEXT);
        ANSWERS.put("partition", List.of(topic, req("key", Type.NULLABLE_TEXT), opt("producer", Type.PRODUCER)));
        ANSWERS.put("leader", List.of(topic, partition));
        ANSWERS.put("delivered", List.of(req("producer", Type.PRODUCER)));
        ANSWERS.put("error", List.of(req("producer", Type.PRODUCER)));
        ANSWERS.put("highWatermark", List.of(topic, partition));
        ANSWERS.put("logEndOffset", List.of(topic, partition));
        ANSWERS.put("records", List.of(topic, opt("partition", Type.INT)));
        ANSWERS.put("usedPartitions", List.of(topic));
        ANSWERS.put("owner", List.of(group, topic, partition));
        ANSWERS.put("idle", List.of(group));
        ANSWERS.put("lag", List.of(group, opt("topic", Type.TEXT)));
        ANSWERS.put("committed", List.of(group, topic, partition));
        ANSWERS.put("consumed", List.of(req("consumer", Type.CONSUMER)));

        CONDITIONS.put("bind", List.of(topic, opt("producer", Type.PRODUCER)));
        CONDITIONS.put("produce", List.of(topic, opt("key", Type.NULLABLE_TEXT), opt("partition", Type.INT),
                opt("producer", Type.PRODUCER), opt("count", Type.INT), opt("acked", Type.BOOL)));
        CONDITIONS.put("fail", List.of(opt("producer", Type.PRODUCER), opt("error", Type.TEXT)));
        CONDITIONS.put("crash", List.of(opt("broker", Type.BROKER), opt("topic", Type.TEXT),
                opt("partition", Type.INT)));
        CONDITIONS.put("elect", List.of(topic, partition));
        CONDITIONS.put("restart", List.of(req("broker", Type.BROKER)));
        CONDITIONS.put("partitions", List.of(topic, req("count", Type.INT)));
        CONDITIONS.put("join", List.of(group, opt("members", Type.INT), opt("idle", Type.INT)));
        CONDITIONS.put("consume", List.of(opt("consumer", Type.CONSUMER), opt("group", Type.TEXT),
                opt("topic", Type.TEXT), opt("count", Type.INT)));
        CONDITIONS.put("commit", List.of(group, opt("topic", Type.TEXT), opt("partition", Type.INT)));
        CONDITIONS.put("config", List.of(topic, req("key", Type.TEXT), req("value", Type.SCALAR)));
    }

    private static FieldSpec req(String name, Type type) {
        return new FieldSpec(name, type, true);
    }

    private static FieldSpec opt(String name, Type type) {
        return new FieldSpec(name, type, false);
    }

    private final ScenarioReader r;
    private final Values values;
    private final Diagnostics d;

    LessonReader(ScenarioReader r) {
        this.r = r;
        this.values = r.values;
        this.d = r.d;
    }

    /** The question, or null when it has a problem (reported). */
    Question question(Node n) {
        MappingNode m = values.mapping(n, "question", "ask, answer, choices, hints and explain");
        if (m == null) {
            return null;
        }
        int before = d.count();
        Fields f = new Fields(d, m, "a question", QUESTION_KEYS);
        Node askNode = f.required("ask", m, "a question");
        String ask = askNode == null ? null : values.text(askNode, "ask");
        Node answerNode = f.required("answer", m, "a question");
        Map.Entry<String, Map<String, Object>> answer = answerNode == null ? null
                : one(answerNode, "answer", ANSWERS);
        List<String> choices = f.has("choices") ? values.strings(f.value("choices"), "choices", true) : List.of();
        if (choices != null && choices.size() != choices.stream().distinct().count()) {
            d.error(f.value("choices"), "'choices': every choice must be different");
        }
        if (answer != null && !f.has("choices") && !OWN_CHOICES.contains(answer.getKey())) {
            d.error(m, "a question with the answer '" + answer.getKey() + "' needs 'choices' (only "
                    + Nodes.join(OWN_CHOICES) + " answers bring their own)");
        }
        List<String> hints = hints(f);
        String explain = f.has("explain") ? values.text(f.value("explain"), "explain") : null;
        if (d.count() != before || answer == null) {
            return null;
        }
        return new Question(ask, answer.getKey(), answer.getValue(), choices == null ? List.of() : choices, hints,
                explain, d.at(m));
    }

    /** The goal, or null when it has a problem (reported). */
    Goal goal(Node n) {
        MappingNode m = values.mapping(n, "goal", "text, one condition and hints");
        if (m == null) {
            return null;
        }
        int before = d.count();
        List<String> allowed = new ArrayList<>(GOAL_KEYS_FIXED);
        allowed.addAll(CONDITIONS.keySet());
        Fields f = new Fields(d, m, "a goal", allowed);
        Node textNode = f.required("text", m, "a goal");
        String text = textNode == null ? null : values.text(textNode, "text");
        List<String> conditions = f.names().stream().filter(CONDITIONS::containsKey).toList();
        if (conditions.isEmpty()) {
            d.error(m, "a goal needs one condition (" + Nodes.join(CONDITIONS.keySet()) + ")");
        } else if (conditions.size() > 1) {
            d.error(f.keyNode(conditions.get(1)), "a goal has one condition, but '" + conditions.get(0) + "' and '"
                    + conditions.get(1) + "' are both given; split them into two steps");
        }
        Map<String, Object> fields = conditions.size() == 1
                ? fields(f.value(conditions.get(0)), conditions.get(0), CONDITIONS.get(conditions.get(0))) : null;
        if (fields != null && conditions.get(0).equals("crash")) {
            boolean broker = fields.containsKey("broker");
            boolean tp = fields.containsKey("topic") && fields.containsKey("partition");
            if (broker == tp || (!broker && fields.containsKey("topic") != fields.containsKey("partition"))) {
                d.error(f.value("crash"), "'crash' needs either 'broker', or 'topic' and 'partition' (the"
                        + " partition's leader when the step begins)");
            }
        }
        List<String> hints = hints(f);
        if (d.count() != before || fields == null) {
            return null;
        }
        return new Goal(text, conditions.get(0), fields, hints, d.at(m));
    }

    private List<String> hints(Fields f) {
        if (!f.has("hints")) {
            return List.of();
        }
        List<String> hints = values.strings(f.value("hints"), "hints", false);
        return hints == null ? List.of() : hints;
    }

    /** A mapping with exactly one key of {@code kinds}, and that key's fields. */
    private Map.Entry<String, Map<String, Object>> one(Node n, String field, Map<String, List<FieldSpec>> kinds) {
        MappingNode m = values.mapping(n, field, "one of " + Nodes.join(kinds.keySet()));
        if (m == null) {
            return null;
        }
        Fields f = new Fields(d, m, "'" + field + "'", kinds.keySet());
        List<String> names = f.names();
        if (names.size() != 1) {
            d.error(m, "'" + field + "' needs exactly one of " + Nodes.join(kinds.keySet()) + ", got "
                    + (names.isEmpty() ? "none" : Nodes.join(names)));
            return null;
        }
        String kind = names.get(0);
        if (!kinds.containsKey(kind)) {
            return null;
        }
        Map<String, Object> fields = fields(f.value(kind), kind, kinds.get(kind));
        return fields == null ? null : Map.entry(kind, fields);
    }

    /** The fields of an answer or condition, typed; null when one is wrong (reported). */
    private Map<String, Object> fields(Node n, String kind, List<FieldSpec> specs) {
        List<String> names = specs.stream().map(FieldSpec::name).toList();
        MappingNode m = values.mapping(n, kind, Nodes.join(names));
        if (m == null) {
            return null;
        }
        int before = d.count();
        Fields f = new Fields(d, m, "'" + kind + "'", names);
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldSpec spec : specs) {
            Node v = spec.required() ? f.required(spec.name(), m, "'" + kind + "'") : f.value(spec.name());
            if (v != null) {
                out.put(spec.name(), value(v, spec));
            }
        }
        return d.count() == before ? out : null;
    }

    private Object value(Node v, FieldSpec spec) {
        String name = spec.name();
        return switch (spec.type()) {
            case TEXT -> values.text(v, name);
            case NULLABLE_TEXT -> values.nullableText(v, name, new boolean[] {true});
            case INT -> values.integer(v, name, 0);
            case BOOL -> values.bool(v, name);
            case BROKER -> r.brokerId(v, name);
            case PRODUCER -> {
                String id = values.text(v, name);
                if (id != null && !r.producers.containsKey(id)) {
                    d.error(v, "'" + name + "': no producer '" + id + "' (declared: "
                            + Nodes.join(r.producers.keySet()) + ")");
                }
                yield id;
            }
            case CONSUMER -> {
                String id = values.text(v, name);
                if (id != null && !r.consumers.containsKey(id)) {
                    d.error(v, "'" + name + "': no consumer '" + id + "' (declared or joined so far: "
                            + Nodes.join(r.consumers.keySet()) + ")");
                }
                yield id;
            }
            case SCALAR -> values.text(v, name);
        };
    }
}
