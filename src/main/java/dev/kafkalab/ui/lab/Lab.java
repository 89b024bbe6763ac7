package dev.kafkalab.ui.lab;

import dev.kafkalab.engine.Cluster;
import dev.kafkalab.engine.KafkaException;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.scenario.ClusterSpec;
import dev.kafkalab.scenario.LessonWorld;
import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.ScenarioRunner;
import dev.kafkalab.scenario.Step;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.ui.model.EventTracker;
import dev.kafkalab.ui.model.SnapshotBuilder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner's world: a scenario (lesson or sandbox) built into a simulation, and the commands run on
 * it since. Each command's events come back as {@link Frame}s to animate. Undo rebuilds the simulation
 * from the scenario's seed and replays the history minus the last command (the RaftScope way: the model
 * is a pure function of the seed and the inputs). No JavaFX here.
 */
public final class Lab implements LessonWorld {
    /** What a command did: its frames, or Kafka's refusal. */
    public record Outcome(LabCommand command, List<Frame> frames, String error) {
        public boolean refused() {
            return error != null;
        }
    }

    private Scenario scenario;
    private ScenarioRunner runner;
    private EventTracker tracker;
    private SnapshotBuilder builder;
    private ClusterSnapshot snapshot;
    private final List<LabCommand> history = new ArrayList<>();
    private final Deque<LabCommand> redo = new ArrayDeque<>();
    private final List<Frame> recorded = new ArrayList<>();
    private boolean recording;
    private Step lastStep;

    public Lab(Scenario scenario) {
        load(scenario);
    }

    /** Starts over with another scenario; the history is cleared. */
    public void load(Scenario s) {
        this.scenario = s;
        history.clear();
        redo.clear();
        rebuild();
    }

    private void rebuild() {
        runner = new ScenarioRunner(withBrokers(scenario, brokersAdded()));
        tracker = new EventTracker();
        builder = new SnapshotBuilder();
        lastStep = null;
        for (SimEvent e : runner.simulation().trace()) {
            tracker.accept(e);
        }
        runner.simulation().addListener(this::onEvent);
        snapshot = builder.build(runner.simulation(), tracker, null);
    }

    private void onEvent(SimEvent e) {
        tracker.accept(e);
        if (recording) {
            snapshot = builder.build(runner.simulation(), tracker, e);
            recorded.add(new Frame(e, snapshot));
        }
    }

    private int brokersAdded() {
        int n = 0;
        for (LabCommand c : history) {
            n += c instanceof Commands.AddBroker ? 1 : 0;
        }
        return n;
    }

    private static Scenario withBrokers(Scenario s, int extra) {
        if (extra == 0) {
            return s;
        }
        ClusterSpec c = s.cluster();
        return new Scenario(s.title(), s.summary(), s.seed(),
                new ClusterSpec(Math.min(Cluster.MAX_BROKERS, c.brokers() + extra), c.config(), c.location()),
                s.topics(), s.producers(), s.consumers(), s.steps(), s.source(), s.sandbox());
    }

    /** Runs a command and records it for undo. A refused command stays in the history (Kafka saw it). */
    public Outcome execute(LabCommand command) {
        if (command instanceof Commands.AddBroker) {
            if (simulation().cluster().brokers().size() >= Cluster.MAX_BROKERS) {
                return new Outcome(command, null, "Kafka Lab simulates at most " + Cluster.MAX_BROKERS + " brokers.");
            }
            history.add(command);
            redo.clear();
            replay();
            return new Outcome(command, List.of(), null);
        }
        Outcome out = run(command, true);
        if (out.frames() != null) {
            history.add(command);
            redo.clear();
        }
        return out;
    }

    /** @return frames null when the command could not run at all (nothing happened). */
    private Outcome run(LabCommand command, boolean record) {
        recording = record;
        recorded.clear();
        String error = null;
        try {
            if (command instanceof Commands.NextStep && runner.hasNextStep()) {
                lastStep = scenario.steps().get(runner.nextStepIndex());
            }
            command.execute(this);
        } catch (KafkaException e) {
            runner.simulation().refused(command.description(), e);
            error = e.exceptionName() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            recording = false;
            snapshot = builder.build(runner.simulation(), tracker, null);
            return new Outcome(command, null, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            recording = false;
        }
        snapshot = builder.build(runner.simulation(), tracker, null);
        List<Frame> frames = List.copyOf(recorded);
        recorded.clear();
        return new Outcome(command, frames, error);
    }

    /**
     * What the world would be after one more command, without touching this one: a copy rebuilt from the
     * seed with the same history. Lesson questions read their answer from it before the learner guesses.
     */
    public Lab preview(LabCommand command) {
        Lab copy = new Lab(scenario);
        copy.history.addAll(history);
        copy.replay();
        copy.run(command, false);
        return copy;
    }

    public boolean canUndo() {
        return !history.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The command undo would take back, or null. */
    public LabCommand lastCommand() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** Takes back the last command: rebuild from the seed, replay the others silently. */
    public LabCommand undo() {
        if (history.isEmpty()) {
            return null;
        }
        LabCommand last = history.remove(history.size() - 1);
        redo.push(last);
        replay();
        return last;
    }

    /** Runs the last undone command again (with frames to animate). */
    public Outcome redo() {
        if (redo.isEmpty()) {
            return null;
        }
        LabCommand c = redo.pop();
        if (c instanceof Commands.AddBroker) {
            history.add(c);
            replay();
            return new Outcome(c, List.of(), null);
        }
        Outcome out = run(c, true);
        history.add(c);
        return out;
    }

    /** Back to the scenario's start; the history is kept for redo in reverse is not needed: cleared. */
    public void reset() {
        history.clear();
        redo.clear();
        rebuild();
    }

    private void replay() {
        List<LabCommand> again = new ArrayList<>(history);
        rebuild();
        for (LabCommand c : again) {
            run(c, false);
        }
    }

    void bind(String producer, String topic) {
        runner.bind(producer, topic);
    }

    /** The topic a producer was dragged onto, or null. */
    public String boundTopic(String producer) {
        return runner.bindings().get(producer);
    }

    @Override
    public Map<String, String> bindings() {
        return runner.bindings();
    }

    public Scenario scenario() {
        return scenario;
    }

    public ScenarioRunner runner() {
        return runner;
    }

    @Override
    public Simulation simulation() {
        return runner.simulation();
    }

    public EventTracker tracker() {
        return tracker;
    }

    /** The cluster as it is now (after every command). */
    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    public List<LabCommand> history() {
        return Collections.unmodifiableList(history);
    }

    /** The lesson step run last, or null before the first. */
    public Step lastStep() {
        return lastStep;
    }
}
