package dev.kafkalab.scenario;

import dev.kafkalab.engine.Configs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Builds a {@link Scenario} from a composed YAML document, reporting every problem it finds. */
final class ScenarioReader {
    static final List<String> TOP_KEYS =
            List.of("title", "summary", "seed", "cluster", "topics", "producers", "consumers", "steps",
                    "sandbox");
    static final List<String> CLUSTER_KEYS = List.of("brokers", "config");
    static final List<String> TOPIC_KEYS = List.of("name", "partitions", "replication.factor", "replicas", "config");
    static final List<String> PRODUCER_KEYS = List.of("id", "config");
    static final List<String> CONSUMER_KEYS = List.of("id", "group", "topics", "config");
    static final List<String> STEP_KEYS = List.of("title", "say", "do", "question", "goal", "solution");
    static final int MAX_BROKERS = 12;

    /** A consumer's group and topics as last declared or joined. */
    record Membership(String group, List<String> topics) {
    }

    final Diagnostics d;
    final Values values;
    /** Broker count, or -1 when {@code cluster.brokers} is invalid (then broker ids are not range-checked). */
    int brokers = 1;
    int numPartitions = 1;
    final Map<String, Location> producers = new LinkedHashMap<>();
    final Map<String, Membership> consumers = new LinkedHashMap<>();
    private final Map<String, Location> declaredConsumers = new LinkedHashMap<>();

    ScenarioReader(Diagnostics d) {
        this.d = d;
        this.values = new Values(d);
    }

    /** The scenario, or null when the document is unusable (reported). */
    Scenario read(Node root, Path source) {
        if (root == null || Nodes.isNull(root)) {
            d.error(d.start(), "the file is empty; expected a mapping with at least 'title'");
            return null;
        }
        if (!(root instanceof MappingNode m)) {
            d.error(root, "expected a mapping at the top level (title, steps, ...), got " + Nodes.describe(root));
            return null;
        }
        Fields top = new Fields(d, m, "the scenario", TOP_KEYS);
        Node titleNode = top.required("title", m, "a scenario");
        String title = titleNode == null ? null : values.text(titleNode, "title");
        if (title != null && title.isBlank()) {
            d.error(titleNode, "'title': expected a non-empty string, got an empty one");
        }
        String summary = top.has("summary") ? values.text(top.value("summary"), "summary") : null;
        String sandbox = top.has("sandbox") ? values.text(top.value("sandbox"), "sandbox") : null;
        Long seed = top.has("seed") ? values.integer(top.value("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE) : null;
        ClusterSpec cluster = cluster(top.value("cluster"), m);
        List<TopicSpec> topics = new ArrayList<>();
        for (Node item : list(top.value("topics"), "topics", "topics")) {
            MappingNode tm = values.mapping(item, "topics", "name, partitions, ...");
            if (tm != null) {
                addIfPresent(topics, topic(tm, "a topic"));
            }
        }
        List<ProducerSpec> producerSpecs = new ArrayList<>();
        for (Node item : list(top.value("producers"), "producers", "producers")) {
            addIfPresent(producerSpecs, producer(item));
        }
        List<ConsumerSpec> consumerSpecs = new ArrayList<>();
        for (Node item : list(top.value("consumers"), "consumers", "consumers")) {
            addIfPresent(consumerSpecs, consumer(item));
        }
        List<Step> steps = new ArrayList<>();
        ActionReader actions = new ActionReader(this);
        LessonReader lessons = new LessonReader(this);
        List<Node> stepNodes = list(top.value("steps"), "steps", "steps");
        for (int i = 0; i < stepNodes.size(); i++) {
            addIfPresent(steps, step(stepNodes.get(i), i + 1, actions, lessons));
        }
        return new Scenario(title, summary, seed == null ? 0 : seed, cluster, topics, producerSpecs, consumerSpecs,
                steps, source, sandbox);
    }

    private static <T> void addIfPresent(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }

    /** The items of an optional list (absent or null = none). */
    private List<Node> list(Node n, String field, String what) {
        if (n == null || Nodes.isNull(n)) {
            return List.of();
        }
        List<Node> items = values.sequence(n, field, what);
        return items == null ? List.of() : items;
    }

    private ClusterSpec cluster(Node n, Node root) {
        if (n == null || Nodes.isNull(n)) {
            return new ClusterSpec(1, Map.of(), d.at(n == null ? root : n));
        }
        MappingNode m = values.mapping(n, "cluster", "brokers and config");
        if (m == null) {
            brokers = -1;
            return new ClusterSpec(1, Map.of(), d.at(n));
        }
        Fields f = new Fields(d, m, "'cluster'", CLUSTER_KEYS);
        if (f.has("brokers")) {
            Long b = values.integer(f.value("brokers"), "brokers", 1, MAX_BROKERS);
            brokers = b == null ? -1 : b.intValue();
        }
        Map<String, Object> config = values.config(f.value("config"), Configs.Scope.BROKER, "config");
        if (config.get("num.partitions") instanceof Integer p) {
            numPartitions = p;
        }
        return new ClusterSpec(Math.max(brokers, 1), config, d.at(m));
    }

    /** A topic of {@code topics} or {@code createTopic}; null when a required part is unusable. */
    TopicSpec topic(MappingNode m, String what) {
        Fields f = new Fields(d, m, what, TOPIC_KEYS);
        Node nameNode = f.required("name", m, what);
        String name = nameNode == null ? null : values.text(nameNode, "name");
        Integer partitions = f.has("partitions") ? values.integer(f.value("partitions"), "partitions", 1) : null;
        Integer rf = f.has("replication.factor")
                ? values.integer(f.value("replication.factor"), "replication.factor", 1) : null;
        boolean partitionsOk = !f.has("partitions") || partitions != null;
        int effective = partitions != null ? partitions : partitionsOk ? numPartitions : Integer.MAX_VALUE;
        Map<Integer, List<Integer>> replicas = replicas(f.value("replicas"), effective, rf);
        Map<String, Object> config = values.config(f.value("config"), Configs.Scope.TOPIC, "config");
        return name == null ? null : new TopicSpec(name, partitions, rf, replicas, config, d.at(m));
    }

    private Map<Integer, List<Integer>> replicas(Node n, int partitions, Integer rf) {
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        MappingNode m = values.mapping(n, "replicas", "partition -> broker ids");
        if (m == null) {
            return out;
        }
        for (var t : m.getValue()) {
            Node k = t.getKeyNode();
            Long p = values.integer(k, "replicas", 0, Long.MAX_VALUE);
            if (p != null && p >= partitions) {
                d.error(k, "'replicas': no partition " + p + " in this topic (partitions are 0.." + (partitions - 1)
                        + ")");
                p = null;
            }
            if (p != null && out.containsKey(p.intValue())) {
                d.error(k, "'replicas': partition " + p + " is placed twice");
                p = null;
            }
            List<Integer> ids = brokerList(t.getValueNode(), p, rf);
            if (p != null && ids != null) {
                out.put(p.intValue(), List.copyOf(ids));
            }
        }
        return out;
    }

    private List<Integer> brokerList(Node n, Long partition, Integer rf) {
        List<Node> items = values.sequence(n, "replicas", "broker ids");
        if (items == null) {
            return null;
        }
        List<Integer> ids = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        boolean ok = true;
        for (Node item : items) {
            Integer id = brokerId(item, "replicas");
            if (id != null && !seen.add(id)) {
                d.error(item, "'replicas': broker " + id + " is listed twice");
                ok = false;
            }
            ok &= id != null;
            ids.add(id);
        }
        if (items.isEmpty()) {
            d.error(n, "'replicas': expected at least one broker id, got an empty list");
            return null;
        }
        if (rf != null && items.size() != rf) {
            d.error(n, "'replicas': " + items.size() + " broker ids for partition "
                    + (partition == null ? "?" : partition) + " but replication.factor is " + rf);
            ok = false;
        }
        return ok ? ids : null;
    }

    /** A broker id that exists in the cluster. */
    Integer brokerId(Node n, String field) {
        Long id = values.integer(n, field, 0, Integer.MAX_VALUE);
        if (id != null && brokers > 0 && id >= brokers) {
            d.error(n, "'" + field + "': no broker " + id + " in this cluster (broker ids are 0.." + (brokers - 1)
                    + ")");
            return null;
        }
        return id == null ? null : id.intValue();
    }

    private ProducerSpec producer(Node item) {
        MappingNode m = values.mapping(item, "producers", "id and config");
        if (m == null) {
            return null;
        }
        Fields f = new Fields(d, m, "a producer", PRODUCER_KEYS);
        Node idNode = f.required("id", m, "a producer");
        String id = idNode == null ? null : values.text(idNode, "id");
        Map<String, Object> config = values.config(f.value("config"), Configs.Scope.PRODUCER, "config");
        if (id == null) {
            return null;
        }
        Location first = producers.putIfAbsent(id, d.at(idNode));
        if (first != null) {
            d.error(idNode, "duplicate producer id '" + id + "' (already declared at line " + first.line() + ")");
            return null;
        }
        return new ProducerSpec(id, config, d.at(m));
    }

    private ConsumerSpec consumer(Node item) {
        MappingNode m = values.mapping(item, "consumers", "id, group, topics and config");
        if (m == null) {
            return null;
        }
        Fields f = new Fields(d, m, "a consumer", CONSUMER_KEYS);
        Node idNode = f.required("id", m, "a consumer");
        String id = idNode == null ? null : values.text(idNode, "id");
        String group = f.has("group") ? values.text(f.value("group"), "group") : null;
        Node topicsNode = f.required("topics", m, "a consumer");
        List<String> topics = topicsNode == null ? null : values.strings(topicsNode, "topics", true);
        Map<String, Object> config = values.config(f.value("config"), Configs.Scope.CONSUMER, "config");
        if (id == null) {
            return null;
        }
        Location first = declaredConsumers.putIfAbsent(id, d.at(idNode));
        if (first != null) {
            d.error(idNode, "duplicate consumer id '" + id + "' (already declared at line " + first.line() + ")");
            return null;
        }
        consumers.put(id, new Membership(group, topics == null ? List.of() : topics));
        boolean ok = topics != null && (group != null || !f.has("group"));
        return ok ? new ConsumerSpec(id, group, topics, config, d.at(m)) : null;
    }

    private Step step(Node item, int index, ActionReader actions, LessonReader lessons) {
        MappingNode m = values.mapping(item, "steps", "title, say, do, question, goal and solution");
        if (m == null) {
            return null;
        }
        Fields f = new Fields(d, m, "a step", STEP_KEYS);
        String title = f.has("title") ? values.text(f.value("title"), "title") : null;
        String say = f.has("say") ? values.text(f.value("say"), "say") : null;
        List<Action> list = actions(f, "do", index, actions, 0);
        Question question = f.has("question") ? lessons.question(f.value("question")) : null;
        int doItems = f.value("do") instanceof SequenceNode s ? s.getValue().size() : 0;
        List<Action> solution = actions(f, "solution", index, actions, doItems);
        Goal goal = f.has("goal") ? lessons.goal(f.value("goal")) : null;
        if (f.has("goal") && !f.has("solution")) {
            d.error(f.keyNode("goal"), "a step with a 'goal' needs a 'solution': the actions that meet it, so"
                    + " that check can prove the lesson can be finished");
        }
        if (f.has("solution") && !f.has("goal")) {
            d.error(f.keyNode("solution"), "'solution' without a 'goal': the solution is what meets the goal");
        }
        return new Step(index, say, list, d.at(m), title, question, goal, solution);
    }

    /** The actions of {@code do} or {@code solution}; a solution's are numbered after the step's own. */
    private List<Action> actions(Fields f, String field, int step, ActionReader actions, int offset) {
        List<Action> list = new ArrayList<>();
        List<Node> items = list(f.value(field), field, "actions");
        for (int i = 0; i < items.size(); i++) {
            addIfPresent(list, actions.read(items.get(i), step, offset + i + 1));
        }
        return list;
    }
}
