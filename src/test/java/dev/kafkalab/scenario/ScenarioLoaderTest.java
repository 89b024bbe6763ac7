package dev.kafkalab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    static final String FULL = """
            title: Replication under failure
            summary: One line for the lesson list
            seed: 7
            cluster:
              brokers: 3
              config:
                replica.lag.time.max.ms: 30000
            topics:
              - name: payments
                partitions: 6
                replication.factor: 3
                replicas:
                  0: [0, 1, 2]
                config: { min.insync.replicas: 2, cleanup.policy: delete }
            producers:
              - id: p1
                config: { acks: all, partitioner.class: default, batch.size: 16384, linger.ms: 5 }
            consumers:
              - id: c1
                group: g1
                topics: [payments]
                config: { group.protocol: classic, partition.assignment.strategy: range,
                          auto.offset.reset: earliest, enable.auto.commit: true }
            steps:
              - title: Events
                say: |
                  Every event has a key, a value, a timestamp and optional headers.
                do:
                  - produce: { producer: p1, topic: payments, key: "Credit Card Payment",
                               value: "Paid $12.50 for a ham sandwich", headers: { source: pos-7 } }
                  - produce: { producer: p1, topic: payments, key: 42, value: null, timestamp: 1000, partition: 2 }
                  - produce: { producer: p1, topic: payments, count: 10, key: "user-{i}", valueBytes: 100 }
                  - flush: { producer: p1 }
                goal: { text: Send one more, produce: { topic: payments, key: ~, count: 12, acked: true } }
                solution: [ { produce: { producer: p1, topic: payments, value: more } } ]
              - do:
                  - advance: { ms: 20000 }
                  - crash: { broker: 1 }
                  - shutdown: { broker: 2 }
                  - restart: { broker: 1 }
                  - isolate: { broker: 0 }
                  - heal: { broker: 0 }
                  - slow: { broker: 2, ms: 250 }
                  - createTopic: { name: audit, partitions: 2, replication.factor: 2, config: { retention.ms: 1000 } }
                  - addPartitions: { topic: audit, partitions: 4 }
                  - alterConfig: { topic: audit, config: { retention.ms: 5000 } }
                  - alterConfig: { broker: 2, config: { min.insync.replicas: 2 } }
              - do:
                  - join: { consumer: c2, group: g1, topics: [payments, audit], config: { max.poll.records: 10 } }
                  - poll: { consumer: c2, max: 5 }
                  - commit: { consumer: c2, offsets: [ { topic: payments, partition: 0, offset: 3 } ] }
                  - commit: { consumer: c1 }
                  - seek: { consumer: c1, topic: payments, partition: 1, offset: 0 }
                  - leave: { consumer: c2 }
                  - kill: { consumer: c1 }
                  - join: { consumer: c1 }
                  - poll: { consumer: c1 }
            """;

    private final ScenarioLoader loader = new ScenarioLoader();

    @Test
    void loadsTheFullExample() throws ScenarioException {
        Scenario s = loader.load("full.yaml", FULL);

        assertThat(s.title()).isEqualTo("Replication under failure");
        assertThat(s.summary()).isEqualTo("One line for the lesson list");
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.source()).isNull();
        assertThat(s.cluster().brokers()).isEqualTo(3);
        assertThat(s.cluster().config()).containsExactly(Map.entry("replica.lag.time.max.ms", 30000L));
        assertThat(s.cluster().location()).hasToString("full.yaml:5:3");

        TopicSpec t = s.topics().get(0);
        assertThat(t.name()).isEqualTo("payments");
        assertThat(t.partitions()).isEqualTo(6);
        assertThat(t.replicationFactor()).isEqualTo(3);
        assertThat(t.replicas()).containsExactly(Map.entry(0, List.of(0, 1, 2)));
        assertThat(t.config()).containsExactly(Map.entry("min.insync.replicas", 2),
                Map.entry("cleanup.policy", List.of("delete")));
        assertThat(t.location()).hasToString("full.yaml:9:5");

        ProducerSpec p = s.producers().get(0);
        assertThat(p.id()).isEqualTo("p1");
        assertThat(p.config()).containsExactly(Map.entry("acks", "all"), Map.entry("partitioner.class", "default"),
                Map.entry("batch.size", 16384), Map.entry("linger.ms", 5L));

        ConsumerSpec c = s.consumers().get(0);
        assertThat(c.id()).isEqualTo("c1");
        assertThat(c.group()).isEqualTo("g1");
        assertThat(c.topics()).containsExactly("payments");
        assertThat(c.config()).containsEntry("partition.assignment.strategy", List.of("range"))
                .containsEntry("enable.auto.commit", true).containsEntry("auto.offset.reset", "earliest");

        assertThat(s.steps()).hasSize(3);
        Step first = s.steps().get(0);
        assertThat(first.index()).isEqualTo(1);
        assertThat(first.title()).isEqualTo("Events");
        assertThat(first.say()).isEqualTo("Every event has a key, a value, a timestamp and optional headers.\n");
        assertThat(first.goal().condition()).isEqualTo("produce");
        assertThat(first.goal().text()).isEqualTo("Send one more");
        assertThat(first.goal().fields()).containsEntry("topic", "payments").containsEntry("key", null)
                .containsEntry("count", 12).containsEntry("acked", true);
        assertThat(first.solution()).singleElement().isInstanceOf(Produce.class)
                .extracting(a -> ((Produce) a).index()).isEqualTo(first.actions().size() + 1);

        Produce one = (Produce) first.actions().get(0);
        assertThat(one).isEqualTo(new Produce(1, 1, new Location("full.yaml", 29, 9), "p1", "payments",
                "Credit Card Payment", true, "Paid $12.50 for a ham sandwich", Map.of("source", "pos-7"), null,
                null, null, null));
        Produce tombstone = (Produce) first.actions().get(1);
        assertThat(tombstone.key()).isEqualTo("42");
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.timestamp()).isEqualTo(1000L);
        assertThat(tombstone.partition()).isEqualTo(2);
        Produce many = (Produce) first.actions().get(2);
        assertThat(many.count()).isEqualTo(10);
        assertThat(many.key()).isEqualTo("user-{i}");
        assertThat(many.valueBytes()).isEqualTo(100);
        assertThat(many.index()).isEqualTo(3);
        assertThat(first.actions().get(3)).isEqualTo(new Flush(1, 4, new Location("full.yaml", 33, 9), "p1"));

        List<Action> second = s.steps().get(1).actions();
        assertThat(second).extracting(Action::name).containsExactly("advance", "crash", "shutdown", "restart",
                "isolate", "heal", "slow", "createTopic", "addPartitions", "alterConfig", "alterConfig");
        assertThat(((Advance) second.get(0)).ms()).isEqualTo(20000);
        assertThat(second.get(1)).isInstanceOfSatisfying(BrokerAction.class, b -> {
            assertThat(b.kind()).isEqualTo(BrokerAction.Kind.CRASH);
            assertThat(b.broker()).isEqualTo(1);
            assertThat(b.step()).isEqualTo(2);
        });
        assertThat((Slow) second.get(6)).extracting(Slow::broker, Slow::ms).containsExactly(2, 250L);
        TopicSpec audit = ((CreateTopic) second.get(7)).topic();
        assertThat(audit.name()).isEqualTo("audit");
        assertThat(audit.replicationFactor()).isEqualTo(2);
        assertThat(audit.config()).containsExactly(Map.entry("retention.ms", 1000L));
        assertThat((AddPartitions) second.get(8)).extracting(AddPartitions::topic, AddPartitions::partitions)
                .containsExactly("audit", 4);
        AlterConfig topicChange = (AlterConfig) second.get(9);
        assertThat(topicChange.topic()).isEqualTo("audit");
        assertThat(topicChange.broker()).isNull();
        AlterConfig brokerChange = (AlterConfig) second.get(10);
        assertThat(brokerChange.broker()).isEqualTo(2);
        assertThat(brokerChange.config()).containsExactly(Map.entry("min.insync.replicas", 2));

        List<Action> third = s.steps().get(2).actions();
        Join join = (Join) third.get(0);
        assertThat(join.consumer()).isEqualTo("c2");
        assertThat(join.group()).isEqualTo("g1");
        assertThat(join.topics()).containsExactly("payments", "audit");
        assertThat(join.config()).containsExactly(Map.entry("max.poll.records", 10));
        assertThat(((Poll) third.get(1)).max()).isEqualTo(5);
        assertThat(((Commit) third.get(2)).offsets()).singleElement()
                .extracting(OffsetSpec::topic, OffsetSpec::partition, OffsetSpec::offset)
                .containsExactly("payments", 0, 3L);
        assertThat(((Commit) third.get(3)).offsets()).isNull();
        assertThat((Seek) third.get(4)).extracting(Seek::consumer, Seek::topic, Seek::partition, Seek::offset)
                .containsExactly("c1", "payments", 1, 0L);
        Join rejoin = (Join) third.get(7);
        assertThat(rejoin.group()).isEqualTo("g1");
        assertThat(rejoin.topics()).containsExactly("payments");
        assertThat(((Poll) third.get(8)).max()).isNull();
        assertThat(s.actions()).as("with the solution").hasSize(4 + 1 + 11 + 9);
    }

    @Test
    void defaultsWhenSectionsAreAbsent() throws ScenarioException {
        Scenario s = loader.load("min.yaml", "title: Minimal\n");
        assertThat(s.seed()).isZero();
        assertThat(s.summary()).isNull();
        assertThat(s.cluster().brokers()).isEqualTo(1);
        assertThat(s.cluster().config()).isEmpty();
        assertThat(s.topics()).isEmpty();
        assertThat(s.producers()).isEmpty();
        assertThat(s.consumers()).isEmpty();
        assertThat(s.steps()).isEmpty();
    }

    @Test
    void keysAndValuesAreTheTextOfScalars() throws ScenarioException {
        Scenario s = loader.load("k.yaml", """
                title: keys
                producers: [ { id: p1 } ]
                steps:
                  - do:
                      - produce: { producer: p1, topic: t, key: 007, value: true }
                      - produce: { producer: p1, topic: t, key: ~, value: "null" }
                      - produce: { producer: p1, topic: t, headers: { n: 1, empty: ~ } }
                """);
        List<Action> a = s.actions();
        Produce first = (Produce) a.get(0);
        assertThat(first.key()).isEqualTo("007");
        assertThat(first.value()).isEqualTo("true");
        Produce second = (Produce) a.get(1);
        assertThat(second.key()).isNull();
        assertThat(second.keyPresent()).isTrue();
        assertThat(second.value()).isEqualTo("null");
        Produce third = (Produce) a.get(2);
        assertThat(third.keyPresent()).isFalse();
        assertThat(third.value()).isNull();
        assertThat(third.headers()).containsEntry("n", "1").containsEntry("empty", null);
        assertThat(third.headers().keySet()).containsExactly("n", "empty");
    }

    @Test
    void reportsEveryProblemInFileOrder() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> loader.load("three.yaml", """
                summary: no title
                cluster: { brokers: 0 }
                steps:
                  - do:
                      - explode: {}
                """));
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "three.yaml:1:1: a scenario needs 'title'",
                "three.yaml:2:21: 'brokers': expected an integer from 1 to 12, got 0",
                "three.yaml:5:9: unknown action 'explode' (allowed: " + String.join(", ", Action.NAMES) + ")");
        assertThat(e.getMessage()).isEqualTo(String.join("\n",
                e.problems().stream().map(Problem::toString).toList()));
    }

    @Test
    void aValueFormatMustBeKnownAndItsValueAFlatJsonObject() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> loader.load("f.yaml", """
                title: x
                producers: [ { id: p } ]
                steps:
                  - do:
                      - produce: { producer: p, topic: t, value: "{\\"a\\": 1}", valueFormat: avro }
                      - produce: { producer: p, topic: t, value: "{\\"a\\": 1}", valueFormat: xml }
                      - produce: { producer: p, topic: t, value: "plain", valueFormat: protobuf }
                """));
        assertThat(e.problems()).extracting(Problem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith("f.yaml:6:77: 'valueFormat': expected string, json, avro or protobuf"),
                p -> assertThat(p).startsWith("f.yaml:7:50: 'value' as Protobuf: Not valid JSON"));
    }

    @Test
    void aConsumerIsKnownOnlyAfterItJoins() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> loader.load("j.yaml", """
                title: x
                steps:
                  - do:
                      - poll: { consumer: late }
                  - do:
                      - join: { consumer: late, topics: [t] }
                      - poll: { consumer: late }
                """));
        assertThat(e.problems()).extracting(Problem::toString)
                .containsExactly("j.yaml:4:27: 'consumer': no consumer 'late' (none is declared under 'consumers'"
                        + " or joined by an earlier 'join')");
    }

    @Test
    void unreadableFilesAreProblemsAtTheStart(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.yaml");
        assertThat(catchThrowableOfType(ScenarioException.class, () -> loader.load(missing)).problems())
                .extracting(Problem::toString).containsExactly(missing + ":1:1: no such file");

        assertThat(catchThrowableOfType(ScenarioException.class, () -> loader.load(dir)).problems())
                .singleElement().satisfies(p -> assertThat(p.location()).isEqualTo(Location.start(dir.toString())));

        Path latin1 = Files.write(dir.resolve("latin1.yaml"),
                "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(catchThrowableOfType(ScenarioException.class, () -> loader.load(latin1)).problems())
                .extracting(Problem::message).containsExactly("the file is not UTF-8 text");

        Path big = Files.write(dir.resolve("big.yaml"), new byte[ScenarioLoader.MAX_SIZE + 1]);
        assertThat(catchThrowableOfType(ScenarioException.class, () -> loader.load(big)).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("the file is too large"));
    }

    @Test
    void anEmptyTitleIsRefused() {
        assertThat(catchThrowableOfType(ScenarioException.class, () -> loader.load("e.yaml", "title: ''\n"))
                .problems()).extracting(Problem::toString)
                .containsExactly("e.yaml:1:8: 'title': expected a non-empty string, got an empty one");
    }

    @Test
    void loadsFromAFileWithItsPathAsSource(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("ok.yaml"), "\uFEFFtitle: caf\u00e9\n");
        Scenario s = loader.load(f);
        assertThat(s.title()).isEqualTo("caf\u00e9");
        assertThat(s.source()).isEqualTo(f);
    }

    @Test
    void recursiveAndNestedGoalsAreRefusedNotCrashed() {
        assertThat(catchThrowableOfType(ScenarioException.class, () -> loader.load("r.yaml",
                "title: x\nsteps:\n  - goal: &g { self: *g }\n")).problems())
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("unknown key 'self'"));
        String deep = "title: x\nsteps:\n  - goal: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThat(catchThrowableOfType(ScenarioException.class, () -> loader.load("d.yaml", deep)).problems())
                .isNotEmpty();
    }
}
