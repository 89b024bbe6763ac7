package dev.kafkalab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.ScenarioLoader;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.lab.Lab;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lesson player's model, driven without a window. */
class LessonSessionTest {
    private static final String LESSON = """
            title: Mini
            seed: 5
            cluster: { brokers: 3 }
            topics: [ { name: payments, partitions: 6, replication.factor: 3 } ]
            producers: [ { id: pos, config: { linger.ms: 0 } } ]
            sandbox: Try **anything**.
            steps:
              - title: Bind
                say: Drag the producer.
                goal:
                  text: Drag pos onto payments.
                  bind: { topic: payments }
                  hints: ["Drag it from the left.", "Drop it on the rectangle."]
                solution: [ { bind: { producer: pos, topic: payments } } ]
              - title: Predict
                say: Where?
                question:
                  ask: Which partition?
                  answer: { partition: { topic: payments, key: "Credit Card Payment" } }
                  hints: ["It is a remainder."]
                  explain: 1095166239 mod 6 = 3
                do:
                  - produce: { producer: pos, topic: payments, key: "Credit Card Payment", value: x }
                  - flush: { producer: pos }
              - title: Crash
                say: Crash the leader.
                goal:
                  text: Crash the leader of payments-0.
                  crash: { topic: payments, partition: 0 }
                solution: [ { crash: { broker: 0 } } ]
            """;

    private final Scenario scenario = new ScenarioLoader().load("mini.yaml", LESSON);
    private final Lab lab = new Lab(scenario);
    private final LessonSession session = new LessonSession(scenario, lab, lab::execute);

    LessonSessionTest() throws Exception {
    }

    @Test
    void aGoalWaitsForTheLearnerAndHintsComeAfterMisses() {
        session.begin();
        assertThat(session.phase()).isEqualTo(LessonSession.Phase.GOAL);
        assertThat(session.canGoOn()).isFalse();
        assertThatThrownBy(session::next).isInstanceOf(IllegalStateException.class);

        lab.execute(new Commands.Advance(100));
        assertThat(session.commandRan(false)).isFalse();
        assertThat(session.goalHints()).as("time passing is no try").isEmpty();
        lab.execute(new Commands.BindProducer("pos", "clicks"));
        assertThat(session.commandRan(true)).isFalse();
        assertThat(session.goalHints()).containsExactly("Drag it from the left.");

        lab.execute(new Commands.BindProducer("pos", "payments"));
        assertThat(session.commandRan(true)).isTrue();
        assertThat(session.phase()).isEqualTo(LessonSession.Phase.COMPLETE);
        assertThat(session.stepsDone()).isEqualTo(1);
    }

    @Test
    void aWrongGuessEarnsAHintThenTheRevealRunsTheStepAndReadsTheEngine() {
        session.begin();
        session.showMe();
        assertThat(session.shownHow()).isTrue();
        session.next();
        assertThat(session.phase()).isEqualTo(LessonSession.Phase.QUESTION);
        assertThat(session.choices()).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(lab.snapshot().partition("payments", 3).displayLog().logEndOffset())
                .as("nothing sent before the guess").isZero();

        LessonSession.GuessResult first = session.guess("2");
        assertThat(first).isEqualTo(new LessonSession.GuessResult(false, "It is a remainder.", false));
        LessonSession.GuessResult second = session.guess("1");
        assertThat(second.revealed()).as("no hints left: the reveal").isTrue();
        assertThat(second.correct()).isFalse();
        assertThat(session.revealedAnswer()).isEqualTo("3");
        assertThat(session.firstGuess()).isEqualTo("2");
        assertThat(lab.snapshot().partition("payments", 3).displayLog().logEndOffset()).isEqualTo(1);
        assertThat(session.phase()).isEqualTo(LessonSession.Phase.COMPLETE);
    }

    @Test
    void theRightGuessRevealsAtOnceAndTheLastStepLeadsIntoTheSandbox() {
        session.begin();
        lab.execute(new Commands.BindProducer("pos", "payments"));
        session.commandRan(true);
        session.next();
        assertThat(session.guess("3")).isEqualTo(new LessonSession.GuessResult(true, null, true));
        session.next();
        assertThat(session.phase()).isEqualTo(LessonSession.Phase.GOAL);
        int leader = lab.simulation().cluster().topic("payments").partition(0).leader();
        lab.execute(new Commands.BrokerCommand(Commands.BrokerOp.CRASH, (leader + 1) % 3));
        assertThat(session.commandRan(true)).as("another broker").isFalse();
        lab.execute(new Commands.BrokerCommand(Commands.BrokerOp.CRASH, leader));
        assertThat(session.commandRan(true)).isTrue();
        session.next();
        assertThat(session.phase()).isEqualTo(LessonSession.Phase.SANDBOX);
        assertThat(session.stepsDone()).isEqualTo(3);
        assertThat(session.step()).isNull();
    }

    @Test
    void backShowsThePreviousStepFromItsStartAndUndoneStepsAreRebuilt() {
        session.begin();
        session.showMe();
        session.next();
        session.guess("3");
        session.next();
        session.back();
        assertThat(session.index()).isEqualTo(1);
        assertThat(session.phase()).isEqualTo(LessonSession.Phase.QUESTION);
        assertThat(lab.bindings()).as("step 1 done for the learner").containsEntry("pos", "payments");
        assertThat(lab.snapshot().partition("payments", 3).displayLog().logEndOffset())
                .as("step 2 not yet run").isZero();
        session.restart();
        assertThat(session.index()).isZero();
        assertThat(lab.bindings()).isEmpty();
    }

    @Test
    void aStepWithActionsWaitsToBeRunAfterItsNarrativeIsRead() throws Exception {
        Scenario plain = new ScenarioLoader().load("p.yaml", """
                title: Plain
                topics: [ { name: t } ]
                producers: [ { id: p } ]
                steps:
                  - say: Read me first.
                    do: [ { produce: { producer: p, topic: t, key: a, value: b } }, { flush: { producer: p } } ]
                  - say: Nothing to run here.
                """);
        Lab plainLab = new Lab(plain);
        LessonSession s = new LessonSession(plain, plainLab, plainLab::execute);
        s.begin();
        assertThat(s.phase()).isEqualTo(LessonSession.Phase.READY);
        assertThat(s.canGoOn()).isFalse();
        assertThat(plainLab.simulation().producer("p").deliveries()).isEmpty();
        s.run();
        assertThat(plainLab.simulation().producer("p").deliveries()).hasSize(1);
        assertThat(s.phase()).isEqualTo(LessonSession.Phase.COMPLETE);
        s.next();
        assertThat(s.phase()).as("no actions: nothing to run").isEqualTo(LessonSession.Phase.COMPLETE);
        assertThatThrownBy(s::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anActionThatOnlyNeedsTimeIsNoMiss() throws Exception {
        Scenario failover = new ScenarioLoader().load("f.yaml", """
                title: Failover
                cluster: { brokers: 3 }
                topics: [ { name: payments, partitions: 1, replication.factor: 3 } ]
                steps:
                  - say: Make the controller elect another leader.
                    goal:
                      text: A new leader for payments-0.
                      elect: { topic: payments, partition: 0 }
                      hints: ["Crash its leader."]
                    solution:
                      - crash: { broker: 0 }
                      - advance: { ms: 10000 }
                """);
        Lab failLab = new Lab(failover);
        LessonSession s = new LessonSession(failover, failLab, failLab::execute);
        s.begin();
        int leader = failLab.simulation().cluster().topic("payments").partition(0).leader();
        failLab.execute(new Commands.BrokerCommand(Commands.BrokerOp.RESTART, (leader + 1) % 3));
        assertThat(s.commandRan(true)).isFalse();
        assertThat(s.goalHints()).as("a real miss earns a hint").containsExactly("Crash its leader.");
        failLab.execute(new Commands.BrokerCommand(Commands.BrokerOp.CRASH, leader));
        assertThat(s.commandRan(true)).as("nobody noticed the crash yet").isFalse();
        assertThat(s.goalPending()).isTrue();
        assertThat(s.goalHints()).as("no more hints for the right move").hasSize(1);
        failLab.execute(new Commands.Advance(10_000));
        assertThat(s.commandRan(false)).isTrue();
        assertThat(s.goalPending()).isFalse();
    }

    @Test
    void theLabPreviewLeavesTheLabAlone() {
        lab.execute(new Commands.NextStep());
        int history = lab.history().size();
        Lab after = lab.preview(new Commands.SendRecord("pos", "payments", "k", "v", Map.of(), null));
        assertThat(after.simulation().producer("pos").deliveries()).hasSize(1);
        assertThat(lab.simulation().producer("pos").deliveries()).isEmpty();
        assertThat(lab.history()).hasSize(history);
        assertThat(List.of(lab.runner().nextStepIndex())).containsExactly(1);
    }
}
