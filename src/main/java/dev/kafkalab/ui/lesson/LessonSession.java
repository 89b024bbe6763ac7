package dev.kafkalab.ui.lesson;

import dev.kafkalab.scenario.Goal;
import dev.kafkalab.scenario.Lessons;
import dev.kafkalab.scenario.Question;
import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.Step;
import dev.kafkalab.scenario.StepStart;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.lab.Lab;
import dev.kafkalab.ui.lab.LabCommand;
import java.util.List;
import java.util.function.Function;

/**
 * A learner's way through one lesson: which step is shown, whether its question was answered and its
 * goal met, and which hints are out. The engine answers every question and judges every goal; nothing
 * here knows a lesson's content. No JavaFX: the panel draws this, tests drive it directly.
 *
 * <p>A step runs in this order: its narrative shows; if it asks a question, the learner guesses first (a
 * wrong guess shows the next hint and may be changed while hints last), otherwise the learner reads and
 * runs the step; then the step's actions play (for a question, the reveal); then, if it has a goal, the
 * session waits until the learner's commands meet it. After the last step the lesson is a free sandbox.
 */
public final class LessonSession {
    public enum Phase {
        /** The narrative is shown; the step's actions run when the learner says so. */
        READY,
        /** Waiting for the learner's guess. */
        QUESTION,
        /** Waiting for the learner to meet the goal. */
        GOAL,
        /** The step is done: Next goes on. */
        COMPLETE,
        /** After the last step: everything is the learner's. */
        SANDBOX
    }

    /** What a guess led to: a hint and another try, or the reveal. */
    public record GuessResult(boolean correct, String hint, boolean revealed) {
    }

    /** How far ahead a goal is looked for before an action counts as a miss. */
    static final long SETTLE_MS = 30_000;

    private final Scenario scenario;
    private final Lab lab;
    private final Function<LabCommand, Lab.Outcome> driver;
    private int index = -1;
    private Phase phase = Phase.COMPLETE;
    private List<String> choices = List.of();
    private String expected;
    private String firstGuess;
    private String guess;
    private String revealed;
    private int questionHints;
    private StepStart start;
    private int misses;
    private boolean pending;
    private boolean shownHow;

    /**
     * @param driver runs a command the learner should see (animated in the app); the lab must be the one it
     *               runs on, already loaded with the lesson
     */
    public LessonSession(Scenario scenario, Lab lab, Function<LabCommand, Lab.Outcome> driver) {
        this.scenario = scenario;
        this.lab = lab;
        this.driver = driver;
    }

    /** Shows the first step. */
    public void begin() {
        enter(0);
    }

    private void enter(int i) {
        index = i;
        choices = List.of();
        expected = null;
        firstGuess = null;
        guess = null;
        revealed = null;
        questionHints = 0;
        start = null;
        misses = 0;
        pending = false;
        shownHow = false;
        if (i >= scenario.steps().size()) {
            phase = Phase.SANDBOX;
            return;
        }
        alignLab(i);
        Question q = step().question();
        if (q != null) {
            Lab after = lab.preview(new Commands.NextStep());
            expected = Lessons.answer(q, after);
            choices = Lessons.choices(q, after);
            phase = Phase.QUESTION;
        } else if (!step().actions().isEmpty()) {
            phase = Phase.READY;
        } else {
            driver.apply(new Commands.NextStep());
            afterActions();
        }
    }

    /** Runs the step's actions for the learner to watch (after reading its narrative). */
    public void run() {
        if (phase != Phase.READY) {
            throw new IllegalStateException("the step has nothing waiting to run");
        }
        driver.apply(new Commands.NextStep());
        afterActions();
    }

    /** The lab's runner must stand before step i (a learner's undo may have taken a step back). */
    private void alignLab(int i) {
        if (lab.runner().nextStepIndex() == i) {
            return;
        }
        lab.load(scenario);
        for (int k = 0; k < i; k++) {
            lab.execute(new Commands.NextStep());
            if (scenario.steps().get(k).goal() != null) {
                lab.execute(new Commands.RunSolution(k));
            }
        }
    }

    private void afterActions() {
        Goal g = step().goal();
        if (g == null) {
            phase = Phase.COMPLETE;
            return;
        }
        start = StepStart.of(lab.simulation());
        phase = Lessons.met(g, lab, start) ? Phase.COMPLETE : Phase.GOAL;
    }

    /** The learner commits to a choice. */
    public GuessResult guess(String choice) {
        if (phase != Phase.QUESTION) {
            throw new IllegalStateException("no question is waiting");
        }
        if (!choices.contains(choice)) {
            throw new IllegalArgumentException("not a choice: " + choice);
        }
        if (firstGuess == null) {
            firstGuess = choice;
        }
        guess = choice;
        Question q = step().question();
        boolean correct = choice.equals(expected);
        if (!correct && questionHints < q.hints().size()) {
            return new GuessResult(false, q.hints().get(questionHints++), false);
        }
        driver.apply(new Commands.NextStep());
        revealed = Lessons.answer(q, lab);
        afterActions();
        return new GuessResult(choice.equals(revealed), null, true);
    }

    /**
     * Judges the goal after a command of the learner's.
     *
     * @param attempt true for an action that tried something (send, drag, crash, ...), false for time
     *                passing; only attempts that miss bring the next hint
     * @return true when this command met the goal
     */
    public boolean commandRan(boolean attempt) {
        if (phase != Phase.GOAL) {
            return false;
        }
        if (Lessons.met(step().goal(), lab, start)) {
            phase = Phase.COMPLETE;
            pending = false;
            return true;
        }
        // an action whose effect only needs time (a rebalance, a fencing) is no miss: ask the future. The
        // look ahead replays the lab, so only an attempt (or a promise to re-check) pays for it
        if (attempt || pending) {
            pending = Lessons.met(step().goal(), lab.preview(new Commands.Advance(SETTLE_MS)), start);
        }
        if (attempt && !pending) {
            misses++;
        }
        return false;
    }

    /** True when the goal is not met yet but will be once time passes (the learner did the right thing). */
    public boolean goalPending() {
        return pending;
    }

    /** Runs the step's solution for the learner to watch ("show me"). */
    public void showMe() {
        if (phase != Phase.GOAL) {
            return;
        }
        shownHow = true;
        driver.apply(new Commands.RunSolution(index));
        commandRan(false);
    }

    public boolean canGoOn() {
        return phase == Phase.COMPLETE;
    }

    /** Goes to the next step, or into the sandbox after the last. */
    public void next() {
        if (!canGoOn()) {
            throw new IllegalStateException("the step is not done yet");
        }
        enter(index + 1);
    }

    /** Shows the previous step again, from the state it began in. */
    public void back() {
        jumpTo(phase == Phase.SANDBOX ? scenario.steps().size() - 1 : index - 1);
    }

    /** Shows step i (0-based) from the state it begins in: the steps before it as if done. */
    public void jumpTo(int i) {
        lab.load(scenario);
        enter(Math.max(0, Math.min(i, scenario.steps().size() - 1)));
    }

    /** Starts the lesson over. */
    public void restart() {
        lab.load(scenario);
        enter(0);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Phase phase() {
        return phase;
    }

    /** 0-based index of the step shown (equal to the step count in the sandbox). */
    public int index() {
        return index;
    }

    public int stepCount() {
        return scenario.steps().size();
    }

    /** The step shown, or null in the sandbox. */
    public Step step() {
        return index < scenario.steps().size() ? scenario.steps().get(index) : null;
    }

    /** The options of the waiting or answered question. */
    public List<String> choices() {
        return choices;
    }

    /** The last guess, or null. */
    public String guessMade() {
        return guess;
    }

    /** The learner's first guess, or null: what counts for "right first time". */
    public String firstGuess() {
        return firstGuess;
    }

    /** The engine's answer after the reveal, or null before it. */
    public String revealedAnswer() {
        return revealed;
    }

    /** The hints the learner has earned so far for the step's goal. */
    public List<String> goalHints() {
        Goal g = step() == null ? null : step().goal();
        return g == null ? List.of() : g.hints().subList(0, Math.min(misses, g.hints().size()));
    }

    /** True when the goal was met by "show me" rather than by the learner. */
    public boolean shownHow() {
        return shownHow;
    }

    /** Steps done: those before the one shown, plus the one shown when it is complete. */
    public int stepsDone() {
        return phase == Phase.SANDBOX ? stepCount() : index + (phase == Phase.COMPLETE ? 1 : 0);
    }
}
