package dev.kafkalab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lesson questions and goals: read, answered by the engine, and judged on what the learner did. */
class LessonsTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private static final String HEAD = """
            title: t
            seed: 1
            cluster: { brokers: 3 }
            topics:
              - { name: payments, partitions: 6, replication.factor: 3 }
            producers:
              - { id: pos, config: { linger.ms: 0 } }
            steps:
            """;

    private Scenario lesson(String steps) throws ScenarioException {
        return loader.load("l.yaml", HEAD + steps);
    }

    @Test
    void aPartitionQuestionIsAnsweredByTheRealHash() throws ScenarioException {
        Scenario s = lesson("""
                  - question:
                      ask: Where?
                      answer: { partition: { topic: payments, key: "Credit Card Payment" } }
                    do:
                      - produce: { producer: pos, topic: payments, key: "Credit Card Payment", value: x }
                """);
        Question q = s.steps().get(0).question();
        assertThat(q.answer()).isEqualTo("partition");
        ScenarioRunner r = new ScenarioRunner(s);
        assertThat(Lessons.answer(q, r)).as("before the send: from the hash").isEqualTo("3");
        r.runNextStep();
        assertThat(Lessons.answer(q, r)).isEqualTo("3");
        assertThat(Lessons.choices(q, r)).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(ScenarioRunner.lessonProblems(s)).isEmpty();
    }

    @Test
    void wrongChoicesAndUnmetSolutionsAreReportedAtTheirPlace() throws ScenarioException {
        Scenario s = lesson("""
                  - question:
                      ask: Where?
                      answer: { partition: { topic: payments, key: "Credit Card Payment" } }
                      choices: ["0", "1"]
                    goal:
                      text: send user-1
                      produce: { topic: payments, key: user-1 }
                    solution:
                      - produce: { producer: pos, topic: payments, key: user-2, value: x }
                      - flush: { producer: pos }
                """);
        List<Problem> problems = ScenarioRunner.lessonProblems(s);
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "l.yaml:10:7: step 1: the engine's answer is '3', which is not among the choices [0, 1]",
                "l.yaml:14:7: step 1: the solution does not meet the goal 'produce' {topic=payments, key=user-1}");
    }

    @Test
    void goalsCountOnlyWhatHappensAfterTheStepBegins() throws ScenarioException {
        Scenario s = lesson("""
                  - do:
                      - produce: { producer: pos, topic: payments, key: user-1, value: early }
                      - flush: { producer: pos }
                    goal:
                      text: send user-1
                      produce: { topic: payments, key: user-1 }
                    solution:
                      - bind: { producer: pos, topic: payments }
                      - produce: { producer: pos, topic: payments, key: user-1, value: x }
                      - flush: { producer: pos }
                """);
        ScenarioRunner r = new ScenarioRunner(s);
        Step step = r.runNextStep();
        StepStart start = StepStart.of(r.simulation());
        assertThat(Lessons.met(step.goal(), r, start)).as("the send in 'do' does not count").isFalse();
        r.runSolution(step);
        assertThat(Lessons.met(step.goal(), r, start)).isTrue();
        assertThat(r.bindings()).containsEntry("pos", "payments");
        assertThat(ScenarioRunner.lessonProblems(s)).isEmpty();
    }

    @Test
    void crashingTheLeaderElectsAnotherWhoseIdTheQuestionReveals() throws ScenarioException {
        Scenario s = lesson("""
                  - goal:
                      text: crash the leader of payments-0
                      crash: { topic: payments, partition: 0 }
                    solution:
                      - crash: { broker: 0 }
                  - question:
                      ask: Who leads now?
                      answer: { leader: { topic: payments, partition: 0 } }
                    do:
                      - advance: { ms: 12000 }
                    goal:
                      text: bring broker 0 back
                      restart: { broker: 0 }
                    solution:
                      - restart: { broker: 0 }
                      - advance: { ms: 5000 }
                """);
        ScenarioRunner r = new ScenarioRunner(s);
        int leader = r.simulation().cluster().topic("payments").partition(0).leader();
        assertThat(leader).isZero();
        Step first = r.runNextStep();
        StepStart start = StepStart.of(r.simulation());
        assertThat(Lessons.met(first.goal(), r, start)).isFalse();
        r.runSolution(first);
        assertThat(Lessons.met(first.goal(), r, start)).isTrue();
        Step second = r.runNextStep();
        String answer = Lessons.answer(second.question(), r);
        assertThat(answer).isEqualTo(Integer.toString(r.simulation().cluster().topic("payments").partition(0)
                .leader())).isNotEqualTo("0");
        assertThat(Lessons.choices(second.question(), r)).containsExactly("0", "1", "2", "none");
        assertThat(ScenarioRunner.lessonProblems(s)).isEmpty();
    }

    @Test
    void anIdleConsumerGoalNeedsMoreMembersThanPartitions() throws ScenarioException {
        Scenario s = loader.load("g.yaml", """
                title: groups
                cluster: { brokers: 1, config: { offsets.topic.replication.factor: 1 } }
                topics: [ { name: orders, partitions: 2 } ]
                consumers:
                  - { id: a, group: g, topics: [orders] }
                  - { id: b, group: g, topics: [orders] }
                steps:
                  - do: [ { advance: { ms: 10000 } } ]
                    question:
                      ask: How many sit idle?
                      answer: { idle: { group: g } }
                      choices: ["0", "1", "2"]
                    goal:
                      text: add a consumer until one is idle
                      join: { group: g, idle: 1 }
                    solution:
                      - join: { consumer: c, group: g, topics: [orders] }
                      - advance: { ms: 10000 }
                """);
        assertThat(ScenarioRunner.lessonProblems(s)).isEmpty();
        ScenarioRunner r = new ScenarioRunner(s);
        r.runToEnd();
        assertThat(Lessons.answer(s.steps().get(0).question(), r)).isEqualTo("1");
    }

    @Test
    void anOversizedRecordMeetsAFailGoalWithKafkasError() throws ScenarioException {
        Scenario s = lesson("""
                  - goal:
                      text: send more than 1 MB
                      fail: { producer: pos, error: RecordTooLargeException }
                    solution:
                      - produce: { producer: pos, topic: payments, key: big, valueBytes: 1048600 }
                  - question:
                      ask: Delivered?
                      answer: { delivered: { producer: pos } }
                """);
        assertThat(ScenarioRunner.lessonProblems(s)).isEmpty();
        ScenarioRunner r = new ScenarioRunner(s);
        r.runToEnd();
        assertThat(r.simulation().producer("pos").deliveries()).singleElement()
                .satisfies(d -> assertThat(d.error()).isEqualTo("RecordTooLargeException"));
    }

    @Test
    void aGoalMetBeforeTheLearnerActsIsAnAuthoringMistake() throws ScenarioException {
        Scenario s = lesson("""
                  - goal:
                      text: have six partitions
                      partitions: { topic: payments, count: 6 }
                    solution:
                      - advance: { ms: 1 }
                """);
        assertThat(ScenarioRunner.lessonProblems(s)).extracting(Problem::message).containsExactly(
                "step 1: the goal 'partitions' is already met before the learner does anything");
    }

    @Test
    void malformedLessonKeysAreLocatedProblems() throws ScenarioException {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> lesson("""
                  - goal:
                      text: two things
                      bind: { topic: payments }
                      crash: { broker: 7 }
                  - question:
                      ask: what?
                      answer: { highWatermark: { topic: payments, partition: 0 } }
                  - question: { ask: "who?", answer: { leader: { topic: payments } }, choices: [a, a] }
                  - solution: [ { bind: { producer: nobody, topic: payments } } ]
                """));
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "l.yaml:9:5: a step with a 'goal' needs a 'solution': the actions that meet it, so that check can"
                        + " prove the lesson can be finished",
                "l.yaml:12:7: a goal has one condition, but 'bind' and 'crash' are both given; split them into two"
                        + " steps",
                "l.yaml:14:7: a question with the answer 'highWatermark' needs 'choices' (only partition, leader,"
                        + " delivered, owner answers bring their own)",
                "l.yaml:16:48: 'leader' needs 'partition'",
                "l.yaml:16:80: 'choices': every choice must be different",
                "l.yaml:17:5: 'solution' without a 'goal': the solution is what meets the goal",
                "l.yaml:17:37: 'producer': no producer 'nobody' (declared: pos)");
    }
}
