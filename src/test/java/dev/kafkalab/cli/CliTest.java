package dev.kafkalab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CliTest {
    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(out);
        }
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = KafkaLabCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("lessons/examples"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Stream<Path> badScenarios() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/scenarios/bad"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void partitionJsonPrintsTheSpecNumbersForTheCoursesKeys() throws IOException {
        Result r = cli("partition", "--partitions", "6", "--json", "Credit Card Payment", "user-1", "user-2");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode arr = r.json();
        assertThat(arr).hasSize(3);
        assertThat(arr.get(0).get("murmur2").asInt()).isEqualTo(1095166239);
        assertThat(arr.get(0).get("partition").asInt()).isEqualTo(3);
        assertThat(arr.get(1).get("murmur2").asInt()).isEqualTo(1404122828);
        assertThat(arr.get(1).get("partition").asInt()).isEqualTo(2);
        assertThat(arr.get(2).get("murmur2").asInt()).isEqualTo(-324981792);
        assertThat(arr.get(2).get("positive").asInt()).isEqualTo(1822501856);
        assertThat(arr.get(2).get("partition").asInt()).isEqualTo(2);
        assertThat(arr.get(2).get("partitions").asInt()).isEqualTo(6);
        assertThat(r.out().trim()).startsWith("[{\"key\":\"Credit Card Payment\",\"murmur2\":1095166239,"
                + "\"positive\":1095166239,\"partitions\":6,\"partition\":3}");
    }

    @Test
    void partitionReadsKeysFromAFileAndTreatsDoubleDashAsEndOfOptions(@TempDir Path dir) throws IOException {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "user-3\né\n", StandardCharsets.UTF_8);
        Result r = cli("partition", "--partitions", "12", "--json", "--keys-file", keys.toString(), "--", "--json");
        assertThat(r.exit()).isZero();
        JsonNode arr = r.json();
        assertThat(arr).hasSize(3);
        assertThat(arr.get(0).get("key").asText()).isEqualTo("--json");
        assertThat(arr.get(1).get("partition").asInt()).isEqualTo(11);
        assertThat(arr.get(2).get("key").asText()).isEqualTo("é");
        assertThat(arr.get(2).get("murmur2").asInt()).isEqualTo(186971271);
    }

    @Test
    void usageErrorsExitWithTwoAndInvalidInputWithOne(@TempDir Path dir) {
        assertThat(cli("partition", "user-1").exit()).isEqualTo(2);
        assertThat(cli("partition", "--partitions", "0", "k").exit()).isEqualTo(2);
        assertThat(cli("frobnicate").exit()).isEqualTo(2);
        assertThat(cli().exit()).isEqualTo(2);
        Result missing = cli("partition", "--partitions", "3", "--keys-file", dir.resolve("nope.txt").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.txt:1:1:");
        Result noFile = cli("run", dir.resolve("missing.yaml").toString());
        assertThat(noFile.exit()).isEqualTo(1);
        assertThat(noFile.err()).contains("missing.yaml:1:1");
        assertThat(noFile.out()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleChecksCleanAndRunsToTheContractsJson(Path example) throws IOException {
        Result check = cli("check", example.toString());
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        Result run = cli("run", "--json", example.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode state = run.json();
        for (String field : List.of("time", "brokers", "controller", "topics", "groups", "producers", "failures")) {
            assertThat(state.has(field)).as(field).isTrue();
        }
        assertThat(state.get("controller").get("id").asInt()).isEqualTo(3000);
        JsonNode partition = state.get("topics").get(0).get("partitions").get(0);
        for (String field : List.of("partition", "leader", "leaderEpoch", "replicas", "isr", "elr",
                "logStartOffset", "highWatermark", "logEndOffsets", "records")) {
            assertThat(partition.has(field)).as(field).isTrue();
        }
        assertThat(state.get("brokers").get(0).get("state").asText()).isEqualTo("up");
        JsonNode producer = state.get("producers").get(0);
        assertThat(producer.has("acked")).isTrue();
        assertThat(producer.has("failed")).isTrue();
    }

    @Test
    void theRefusalsExampleReportsKafkasExceptionsAndKeepsRunning() throws IOException {
        JsonNode state = cli("run", "--json", "lessons/examples/03-limits-and-refusals.yaml").json();
        JsonNode failures = state.get("failures");
        assertThat(failures.findValuesAsText("error")).containsExactly("InvalidTopicException",
                "InvalidTopicException", "InvalidReplicationFactorException", "InvalidPartitionsException");
        assertThat(failures.get(1).get("message").asText())
                .isEqualTo("Topic 'my_topic' collides with existing topic: my.topic");
        assertThat(failures.get(3).get("step").asInt()).isEqualTo(2);
        assertThat(failures.get(3).get("action").asInt()).isEqualTo(1);
        JsonNode p1 = state.get("producers").get(0);
        assertThat(p1.get("acked")).hasSize(60);
        assertThat(p1.get("failed").findValuesAsText("error"))
                .containsExactly("RecordTooLargeException", "TimeoutException");
        JsonNode big = state.get("producers").get(1);
        assertThat(big.get("failed").get(0).get("message").asText())
                .isEqualTo("The request included a message larger than the max message size the server will accept.");
        JsonNode orders = state.get("topics").get(1);
        assertThat(orders.get("name").asText()).isEqualTo("orders");
        assertThat(orders.get("partitions")).hasSize(8);
        assertThat(orders.get("partitions").get(0).get("segments").size()).isGreaterThan(1);
    }

    @ParameterizedTest
    @MethodSource("badScenarios")
    void everyMalformedScenarioExitsOneWithALocatedMessageAndNoStackTrace(Path bad) {
        for (String command : List.of("check", "run")) {
            Result r = cli(command, bad.toString());
            assertThat(r.exit()).as(command + " " + bad).isEqualTo(1);
            String text = r.out() + r.err();
            assertThat(text).contains(bad.toString() + ":");
            assertThat(text).matches("(?s).*:\\d+:\\d+: .*");
            assertThat(text).doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
    }

    @Test
    void checkPassesTheWholeLessonsFolderAndRunFinishesEachLesson() throws IOException {
        Result check = cli("check", "lessons");
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        assertThat(check.err()).contains("0 problem(s)");
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            for (Path lesson : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Result run = cli("run", lesson.toString(), "--json");
                assertThat(run.exit()).as(lesson + ": " + run.err()).isZero();
                assertThat(run.json().get("topics")).as(lesson + ": the final state, topics and all").isNotEmpty();
            }
        }
    }

    @Test
    void checkRefusesSettingsKafkasClientsRefuseTogetherWithTheirLocation(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("protocol.yaml");
        Files.writeString(f, "title: t\nproducers:\n  - { id: p1, config: { acks: 1, enable.idempotence: true } }\n"
                + "consumers:\n  - { id: c1, group: g, topics: [t],\n"
                + "      config: { group.protocol: consumer, session.timeout.ms: 10000 } }\nsteps: []\n");
        Result r = cli("check", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(f + ":3:").contains("Must set acks to all in order to use the idempotent producer")
                .contains(f + ":5:").contains("session.timeout.ms cannot be set when group.protocol=CONSUMER");
        assertThat(cli("run", f.toString()).exit()).isEqualTo(1);
    }

    @Test
    void runWritesOneJsonObjectPerEventToTheTrace(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("t.jsonl");
        Result r = cli("run", "lessons/examples/01-events-and-keys.yaml", "--trace", trace.toString());
        assertThat(r.exit()).isZero();
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(Json.MAPPER.readTree(line).get("type").asText()).isNotBlank();
        }
        assertThat(lines).anyMatch(l -> l.contains("\"type\":\"RecordSent\"") && l.contains("\"murmur2\":1095166239"));
    }
}
