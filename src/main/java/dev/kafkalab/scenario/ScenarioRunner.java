package dev.kafkalab.scenario;

import dev.kafkalab.engine.Config;
import dev.kafkalab.engine.Configs;
import dev.kafkalab.engine.Consumer;
import dev.kafkalab.engine.KafkaException;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.ProducerRecord;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.TopicPartition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a scenario against a fresh {@link Simulation}: sets up the cluster, topics and clients, then
 * the steps one at a time. A refusal by Kafka is recorded as a {@link RunFailure} and the run goes on.
 */
public final class ScenarioRunner implements LessonWorld {
    /** The actions this version of the engine runs (all of the contract's); others are refused by {@code check}. */
    public static final Set<String> SUPPORTED_ACTIONS = Set.copyOf(Action.NAMES);

    private final Scenario scenario;
    private final Simulation sim;
    private final List<RunFailure> failures = new ArrayList<>();
    private final Map<String, String> bindings = new LinkedHashMap<>();
    private int nextStep;

    /** Builds the cluster and runs the set-up (topics, producers, consumers) at virtual time 0. */
    public ScenarioRunner(Scenario scenario) {
        this.scenario = scenario;
        this.sim = new Simulation(scenario.seed(), scenario.cluster().brokers(), scenario.cluster().config());
        List<TopicSpec> topics = scenario.topics();
        for (int i = 0; i < topics.size(); i++) {
            TopicSpec t = topics.get(i);
            attempt(0, i + 1, "createTopic", t.location(), () -> createTopic(t));
        }
        for (ProducerSpec p : scenario.producers()) {
            sim.createProducer(p.id(), p.config());
        }
        List<ConsumerSpec> consumers = scenario.consumers();
        for (int i = 0; i < consumers.size(); i++) {
            ConsumerSpec c = consumers.get(i);
            Consumer consumer = sim.createConsumer(c.id(), c.config());
            if (c.group() != null) {
                attempt(0, i + 1, "join", c.location(), () -> consumer.subscribe(c.group(), c.topics()));
            } else {
                attempt(0, i + 1, "assign", c.location(), () -> consumer.assignTopics(c.topics()));
            }
        }
    }

    /**
     * Problems that keep this version from running the scenario: actions it does not run, and client
     * settings Kafka's producer or consumer would refuse together.
     */
    public static List<Problem> problems(Scenario scenario) {
        List<Problem> out = new ArrayList<>(ScenarioChecker.unsupported(scenario, SUPPORTED_ACTIONS));
        for (ConsumerSpec c : scenario.consumers()) {
            String problem = Consumer.configProblem(Config.parse(Configs.Scope.CONSUMER, c.config(), null));
            if (problem != null) {
                out.add(new Problem(c.location(), "consumer '" + c.id() + "': ConfigException: " + problem));
            }
        }
        for (Action a : scenario.actions()) {
            if (a instanceof Join j && j.config() != null) {
                String problem = Consumer.configProblem(Config.parse(Configs.Scope.CONSUMER, j.config(), null));
                if (problem != null) {
                    out.add(new Problem(j.location(), "consumer '" + j.consumer() + "': ConfigException: " + problem));
                }
            }
        }
        for (ProducerSpec p : scenario.producers()) {
            String problem = Producer.configProblem(Config.parse(Configs.Scope.PRODUCER, p.config(), null));
            if (problem != null) {
                out.add(new Problem(p.location(), "producer '" + p.id() + "': ConfigException: " + problem));
            }
        }
        Collections.sort(out);
        return out;
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public Simulation simulation() {
        return sim;
    }

    @Override
    public Map<String, String> bindings() {
        return Collections.unmodifiableMap(bindings);
    }

    /** Binds a producer to a topic (the {@code bind} action; a drag in the app). */
    public void bind(String producer, String topic) {
        if (sim.producer(producer) == null) {
            throw new IllegalArgumentException("no producer '" + producer + "'");
        }
        bindings.put(producer, topic);
    }

    public List<RunFailure> failures() {
        return Collections.unmodifiableList(failures);
    }

    public boolean hasNextStep() {
        return nextStep < scenario.steps().size();
    }

    /** 0-based index of the next step to run. */
    public int nextStepIndex() {
        return nextStep;
    }

    /** Runs the next step's actions in order, at the current virtual time. */
    public Step runNextStep() {
        Step step = scenario.steps().get(nextStep++);
        for (Action a : step.actions()) {
            attempt(a.step(), a.index(), a.name(), a.location(), () -> execute(a));
        }
        return step;
    }

    /** Runs a lesson step's solution: what a learner could do to meet its goal. */
    public void runSolution(Step step) {
        for (Action a : step.solution()) {
            attempt(a.step(), a.index(), a.name(), a.location(), () -> execute(a));
        }
    }

    /**
     * Runs every remaining step as a finished lesson would (each step's actions, then its solution),
     * then lets in-flight work finish as closing producers would.
     */
    public void runToEnd() {
        while (hasNextStep()) {
            runSolution(runNextStep());
        }
        for (Producer p : sim.producers().values()) {
            p.flush();
        }
        sim.runUntilIdle();
    }

    /**
     * Plays a lesson headless as a learner who always does the right thing, and reports what would stop
     * one: a question whose computed answer is missing or not among its choices, a goal already met before
     * the learner acts, a solution that does not meet its goal.
     */
    public static List<Problem> lessonProblems(Scenario scenario) {
        List<Problem> out = new ArrayList<>();
        ScenarioRunner r = new ScenarioRunner(scenario);
        while (r.hasNextStep()) {
            Step step = r.runNextStep();
            Question q = step.question();
            if (q != null) {
                String answer = Lessons.answer(q, r);
                List<String> choices = Lessons.choices(q, r);
                if (answer.equals(Lessons.NOTHING)) {
                    out.add(new Problem(q.location(), "step " + step.index() + ": the engine has no answer to '"
                            + q.answer() + "' " + q.fields() + " (no such topic, partition, group or send?)"));
                } else if (!choices.contains(answer)) {
                    out.add(new Problem(q.location(), "step " + step.index() + ": the engine's answer is '"
                            + answer + "', which is not among the choices " + choices));
                }
            }
            Goal g = step.goal();
            if (g != null) {
                StepStart start = StepStart.of(r.simulation());
                if (Lessons.met(g, r, start)) {
                    out.add(new Problem(g.location(), "step " + step.index() + ": the goal '" + g.condition()
                            + "' is already met before the learner does anything"));
                }
                r.runSolution(step);
                if (!Lessons.met(g, r, start)) {
                    out.add(new Problem(g.location(), "step " + step.index() + ": the solution does not meet the"
                            + " goal '" + g.condition() + "' " + g.fields()));
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    private void attempt(int step, int index, String name, Location where, Runnable r) {
        try {
            r.run();
        } catch (KafkaException e) {
            failures.add(new RunFailure(step, index, name, e.exceptionName(), e.getMessage(), where));
            sim.refused(name, e);
        }
    }

    private void createTopic(TopicSpec t) {
        sim.createTopic(t.name(), t.partitions(), t.replicationFactor(), t.replicas().isEmpty() ? null : t.replicas(),
                t.config());
    }

    private void execute(Action action) {
        if (action instanceof Produce p) {
            produce(p);
        } else if (action instanceof Flush f) {
            Producer producer = sim.producer(f.producer());
            producer.flush();
            sim.runUntil(() -> producer.incomplete() == 0);
        } else if (action instanceof Advance a) {
            sim.advance(a.ms());
        } else if (action instanceof CreateTopic c) {
            createTopic(c.topic());
        } else if (action instanceof AddPartitions a) {
            sim.addPartitions(a.topic(), a.partitions());
        } else if (action instanceof AlterConfig a) {
            if (a.topic() != null) {
                sim.cluster().alterTopicConfig(a.topic(), a.config());
            } else {
                sim.cluster().alterBrokerConfig(a.config());
            }
        } else if (action instanceof Poll p) {
            sim.consumer(p.consumer()).poll(p.max());
        } else if (action instanceof BrokerAction b) {
            switch (b.kind()) {
                case CRASH -> sim.cluster().crash(b.broker());
                case SHUTDOWN -> sim.cluster().shutdown(b.broker());
                case RESTART -> sim.cluster().restart(b.broker());
                case ISOLATE -> sim.cluster().isolate(b.broker());
                case HEAL -> sim.cluster().heal(b.broker());
                default -> throw new IllegalStateException("unknown broker action " + b.kind());
            }
        } else if (action instanceof Slow s) {
            sim.cluster().slow(s.broker(), s.ms());
        } else if (action instanceof Join j) {
            join(j);
        } else if (action instanceof Leave l) {
            sim.consumer(l.consumer()).leave();
        } else if (action instanceof Kill k) {
            sim.consumer(k.consumer()).kill();
        } else if (action instanceof Commit c) {
            Map<TopicPartition, Long> offsets = null;
            if (c.offsets() != null) {
                offsets = new java.util.TreeMap<>();
                for (OffsetSpec o : c.offsets()) {
                    offsets.put(new TopicPartition(o.topic(), o.partition()), o.offset());
                }
            }
            sim.consumer(c.consumer()).commit(offsets);
        } else if (action instanceof Bind b) {
            bind(b.producer(), b.topic());
        } else if (action instanceof Seek s) {
            sim.consumer(s.consumer()).seek(new TopicPartition(s.topic(), s.partition()), s.offset());
        } else {
            throw new KafkaException("UnsupportedVersionException",
                    "The action '" + action.name() + "' is not supported by this version of Kafka Lab.");
        }
    }

    /** A consumer joins a group: a new one, a left or killed one starting again, or a known one subscribing. */
    private void join(Join j) {
        Consumer existing = sim.consumer(j.consumer());
        Consumer c;
        if (existing == null || existing.isClosed()) {
            Map<String, Object> config = j.config() != null ? j.config()
                    : existing != null ? existing.config().explicitValues() : Map.of();
            c = existing == null ? sim.createConsumer(j.consumer(), config)
                    : sim.replaceConsumer(j.consumer(), config);
        } else {
            c = existing;
        }
        String group = j.group() != null ? j.group() : existing != null ? existing.group() : null;
        List<String> topics = j.topics() != null && !j.topics().isEmpty() ? j.topics()
                : existing != null ? existing.subscription() : List.of();
        c.subscribe(group, topics);
    }

    private void produce(Produce p) {
        Producer producer = sim.producer(p.producer());
        int count = p.count() == null ? 1 : p.count();
        for (int i = 0; i < count; i++) {
            String key = p.keyPresent() ? fill(p.key(), i, p.count() != null) : null;
            byte[] value = value(p, i);
            Map<String, String> headers = new LinkedHashMap<>();
            for (Map.Entry<String, String> h : p.headers().entrySet()) {
                headers.put(h.getKey(), fill(h.getValue(), i, p.count() != null));
            }
            producer.send(new ProducerRecord(p.topic(), p.partition(), p.timestamp(), ProducerRecord.utf8(key), value,
                    headers));
        }
    }

    private static String fill(String template, int i, boolean templated) {
        return template == null || !templated ? template : template.replace("{i}", Integer.toString(i));
    }

    /** The value: the template, or exactly valueBytes bytes (the template repeated and cut, or filler). */
    private static byte[] value(Produce p, int i) {
        String v = fill(p.value(), i, p.count() != null);
        if (p.valueBytes() == null) {
            return v == null ? null : ValueFormats.serialize(p.valueFormat(), v);
        }
        byte[] pattern = v == null || v.isEmpty() ? new byte[] {'x'} : v.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[p.valueBytes()];
        for (int k = 0; k < out.length; k++) {
            out[k] = pattern[k % pattern.length];
        }
        return out;
    }
}
