package dev.kafkalab.ui.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kafkalab.scenario.Action;
import dev.kafkalab.scenario.BrokerAction;
import dev.kafkalab.scenario.ConsumerSpec;
import dev.kafkalab.scenario.CreateTopic;
import dev.kafkalab.scenario.OffsetSpec;
import dev.kafkalab.scenario.Produce;
import dev.kafkalab.scenario.ProducerSpec;
import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.Step;
import dev.kafkalab.scenario.TopicSpec;
import dev.kafkalab.scenario.ValueFormats;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saves a sandbox as a scenario file that replays it: the set-up of the scenario it started from, the
 * producers the learner added, then one step per command (lesson steps keep their words and actions).
 * Written atomically: a temporary file beside the target, then a move.
 */
public final class SandboxWriter {
    private static final Set<String> NOT_FIELDS = Set.of("step", "index", "location", "keyPresent", "kind");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private SandboxWriter() {
    }

    public static void write(Lab lab, Path file) throws IOException {
        String text = toYaml(lab);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".kafka-lab-", ".yaml.tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            dev.kafkalab.ui.render.PngWriter.readable(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static String toYaml(Lab lab) throws IOException {
        return "# Saved by Kafka Lab: replays a sandbox session step by step.\n"
                + YAML.writeValueAsString(toMap(lab));
    }

    static Map<String, Object> toMap(Lab lab) {
        Scenario s = lab.scenario();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", "Sandbox: " + s.title());
        root.put("summary", "What a learner did, saved from Kafka Lab.");
        root.put("seed", s.seed());
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("brokers", lab.simulation().cluster().brokers().size());
        if (!s.cluster().config().isEmpty()) {
            cluster.put("config", s.cluster().config());
        }
        root.put("cluster", cluster);
        List<Object> topics = new ArrayList<>();
        for (TopicSpec t : s.topics()) {
            topics.add(topic(t));
        }
        root.put("topics", topics);
        List<Object> producers = new ArrayList<>();
        for (ProducerSpec p : s.producers()) {
            producers.add(client(p.id(), p.config()));
        }
        for (LabCommand c : flatten(lab.history())) {
            if (c instanceof Commands.AddProducer a) {
                producers.add(client(a.id(), a.config()));
            }
        }
        root.put("producers", producers);
        List<Object> consumers = new ArrayList<>();
        for (ConsumerSpec c : s.consumers()) {
            Map<String, Object> m = client(c.id(), null);
            if (c.group() != null) {
                m.put("group", c.group());
            }
            m.put("topics", c.topics());
            if (!c.config().isEmpty()) {
                m.put("config", c.config());
            }
            consumers.add(m);
        }
        root.put("consumers", consumers);
        List<Object> steps = new ArrayList<>();
        int lessonStep = 0;
        for (LabCommand c : lab.history()) {
            Map<String, Object> step = new LinkedHashMap<>();
            List<Map<String, Object>> actions;
            if (c instanceof Commands.NextStep) {
                Step original = s.steps().get(lessonStep++);
                if (original.title() != null) {
                    step.put("title", original.title());
                }
                step.put("say", original.say() == null ? "Lesson step " + original.index() : original.say());
                actions = new ArrayList<>();
                for (Action a : original.actions()) {
                    actions.add(action(a));
                }
            } else if (c instanceof Commands.RunSolution rs) {
                step.put("say", "The learner met the goal of lesson step " + (rs.step() + 1) + ".");
                actions = new ArrayList<>();
                for (Action a : s.steps().get(rs.step()).solution()) {
                    actions.add(action(a));
                }
            } else {
                actions = c.actions();
                if (actions.isEmpty()) {
                    continue;
                }
                step.put("say", "The learner: " + c.description() + ".");
            }
            if (!actions.isEmpty()) {
                step.put("do", actions);
            }
            steps.add(step);
        }
        root.put("steps", steps);
        return root;
    }

    private static List<LabCommand> flatten(List<LabCommand> commands) {
        List<LabCommand> out = new ArrayList<>();
        for (LabCommand c : commands) {
            if (c instanceof Commands.Composite comp) {
                out.addAll(flatten(comp.parts()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static Map<String, Object> client(String id, Map<String, Object> config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (config != null && !config.isEmpty()) {
            m.put("config", config);
        }
        return m;
    }

    private static Map<String, Object> topic(TopicSpec t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        if (t.partitions() != null) {
            m.put("partitions", t.partitions());
        }
        if (t.replicationFactor() != null) {
            m.put("replication.factor", t.replicationFactor());
        }
        if (!t.replicas().isEmpty()) {
            m.put("replicas", t.replicas());
        }
        if (!t.config().isEmpty()) {
            m.put("config", t.config());
        }
        return m;
    }

    /** A lesson action as the file had it, from the record's fields (their names are the file's). */
    static Map<String, Object> action(Action a) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (a instanceof CreateTopic c) {
            body.putAll(topic(c.topic()));
        } else {
            for (RecordComponent rc : a.getClass().getRecordComponents()) {
                if (NOT_FIELDS.contains(rc.getName())) {
                    continue;
                }
                Object v;
                try {
                    v = rc.getAccessor().invoke(a);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof OffsetSpec) {
                    List<Object> offsets = new ArrayList<>();
                    for (Object o : list) {
                        OffsetSpec spec = (OffsetSpec) o;
                        offsets.add(Map.of("topic", spec.topic(), "partition", spec.partition(), "offset",
                                spec.offset()));
                    }
                    v = offsets;
                }
                if (v instanceof ValueFormats.Format f) {
                    // the default (UTF-8 text) is left out, so files without other formats stay as they were
                    if (f == ValueFormats.Format.STRING) {
                        continue;
                    }
                    v = f.name().toLowerCase(java.util.Locale.ROOT);
                }
                boolean keepNull = a instanceof Produce p && rc.getName().equals("key") && p.keyPresent();
                if ((v == null && !keepNull) || (v instanceof Map<?, ?> m && m.isEmpty())) {
                    continue;
                }
                body.put(rc.getName(), v);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(a instanceof BrokerAction ? a.name() : a.name(), body);
        return m;
    }
}
