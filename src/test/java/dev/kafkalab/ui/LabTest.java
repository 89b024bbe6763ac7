package dev.kafkalab.ui;

import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.ScenarioLoader;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.lab.Frame;
import dev.kafkalab.ui.lab.Lab;
import dev.kafkalab.ui.lab.SandboxWriter;
import dev.kafkalab.ui.model.ClusterSnapshot;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab without a screen: commands, frames, undo by replay, saving a sandbox. */
class LabTest {
    static Scenario example(String name) throws Exception {
        try (InputStream in = LabTest.class.getResourceAsStream("/lessons/examples/" + name)) {
            return new ScenarioLoader().load(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Commands.SendRecord send(String key, String value) {
        return new Commands.SendRecord("pos", "payments", key, value, Map.of(), null);
    }

    @Test
    void creditCardPaymentIsAppendedToPartitionThreeAndEveryEventComesWithASnapshot() throws Exception {
        Lab lab = new Lab(example("01-events-and-keys.yaml"));
        Lab.Outcome out = lab.execute(send("Credit Card Payment", "Paid $12.50 for a ham sandwich"));

        assertThat(out.refused()).isFalse();
        List<Frame> frames = out.frames();
        assertThat(frames).extracting(f -> f.event().type())
                .startsWith("RecordSent").contains("BatchSent", "BatchAppended", "RecordsReplicated",
                        "HighWatermarkAdvanced", "BatchAcknowledged");
        SimEvent.RecordSent sent = (SimEvent.RecordSent) frames.get(0).event();
        assertThat(sent.hashing().murmur2()).isEqualTo(1095166239);
        assertThat(sent.partition()).isEqualTo(3);
        // the snapshot right after the append holds the diamond at offset 0 on the leader only
        Frame appended = frames.stream().filter(f -> f.event() instanceof SimEvent.BatchAppended).findFirst()
                .orElseThrow();
        ClusterSnapshot.PartitionView p3 = appended.after().partition("payments", 3);
        assertThat(p3.displayLog().record(0).key()).isEqualTo("Credit Card Payment");
        assertThat(p3.highWatermark()).isZero();
        assertThat(lab.snapshot().partition("payments", 3).highWatermark()).isEqualTo(1);
    }

    @Test
    void undoRebuildsFromTheSeedAndReplaysAllButTheLastCommand() throws Exception {
        Lab lab = new Lab(example("01-events-and-keys.yaml"));
        lab.execute(send("user-1", "a"));
        ClusterSnapshot before = lab.snapshot();
        int traceBefore = lab.simulation().trace().size();
        lab.execute(send("Credit Card Payment", "b"));
        lab.execute(new Commands.BrokerCommand(Commands.BrokerOp.CRASH, 2));
        assertThat(lab.snapshot().broker(2).state().name()).isEqualTo("CRASHED");

        lab.undo();
        lab.undo();

        assertThat(lab.snapshot().broker(2).isUp()).isTrue();
        assertThat(lab.snapshot().partition("payments", 3).displayLog().logEndOffset()).isZero();
        assertThat(lab.snapshot().partition("payments", 2).displayLog().logEndOffset())
                .isEqualTo(before.partition("payments", 2).displayLog().logEndOffset());
        assertThat(lab.simulation().trace()).hasSize(traceBefore);
        assertThat(lab.history()).hasSize(1);

        lab.redo();
        assertThat(lab.snapshot().partition("payments", 3).displayLog().logEndOffset()).isEqualTo(1);
    }

    @Test
    void lessonStepsRunInOrderAndRememberWhatTheySay() throws Exception {
        Lab lab = new Lab(example("01-events-and-keys.yaml"));
        assertThat(lab.lastStep()).isNull();
        lab.execute(new Commands.NextStep());
        assertThat(lab.lastStep().index()).isEqualTo(1);
        assertThat(lab.lastStep().say()).contains("Kafka 101");
        lab.execute(new Commands.NextStep());
        lab.undo();
        assertThat(lab.lastStep().index()).isEqualTo(1);
        assertThat(lab.runner().nextStepIndex()).isEqualTo(1);
    }

    @Test
    void aRecordOverOneMegabyteIsRefusedWithKafkasError() throws Exception {
        Lab lab = new Lab(example("01-events-and-keys.yaml"));
        Lab.Outcome out = lab.execute(send("big", "x".repeat(1_100_000)));
        assertThat(out.frames()).anySatisfy(f -> assertThat(f.event()).isInstanceOfSatisfying(
                SimEvent.RecordFailed.class, e -> {
                    assertThat(e.error()).isEqualTo("RecordTooLargeException");
                    assertThat(e.message()).contains("max.request.size");
                }));
    }

    @Test
    void addingABrokerRestartsTheClusterBiggerAndUndoShrinksItAgain() throws Exception {
        Lab lab = new Lab(example("01-events-and-keys.yaml"));
        lab.execute(send("user-1", "a"));
        lab.execute(new Commands.AddBroker());
        assertThat(lab.snapshot().brokers()).hasSize(4);
        assertThat(lab.snapshot().partition("payments", 2).displayLog().logEndOffset()).isEqualTo(1);
        lab.undo();
        assertThat(lab.snapshot().brokers()).hasSize(3);
    }

    @Test
    void aSavedSandboxLoadsBackAndReplaysToTheSameRecords(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Lab lab = new Lab(example("01-events-and-keys.yaml"));
        lab.execute(new Commands.NextStep());
        lab.execute(send("user-9", "hello"));
        lab.execute(new Commands.Composite("add p2", List.of(new Commands.AddProducer("p2", Map.of("acks", "1")),
                new Commands.BindProducer("p2", "payments"))));
        lab.execute(new Commands.Advance(500));
        Path file = dir.resolve("saved.yaml");

        SandboxWriter.write(lab, file);

        assertThat(Files.readString(file)).doesNotContain("valueFormat");
        Scenario again = new ScenarioLoader().load(file);
        assertThat(again.producers()).extracting(p -> p.id()).containsExactly("pos", "p2");
        assertThat(again.steps()).hasSize(4);
        Lab replayed = new Lab(again);
        while (replayed.runner().hasNextStep()) {
            replayed.execute(new Commands.NextStep());
        }
        assertThat(replayed.bindings()).as("the drag survives as a bind action").containsEntry("p2", "payments");
        for (int p = 0; p < 6; p++) {
            assertThat(replayed.snapshot().partition("payments", p).displayLog().logEndOffset())
                    .as("partition %d", p)
                    .isEqualTo(lab.snapshot().partition("payments", p).displayLog().logEndOffset());
        }
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void aSavedSandboxKeepsAvroAndProtobufValuesAsTheirBytes(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Lab lab = new Lab(example("01-events-and-keys.yaml"));
        String json = "{\"card\":\"4111\",\"amount\":12.5,\"approved\":true}";
        lab.execute(new Commands.SendRecord("pos", "payments", "user-1", json, Map.of(), 0,
                dev.kafkalab.scenario.ValueFormats.Format.AVRO));
        lab.execute(new Commands.SendRecord("pos", "payments", "user-1", json, Map.of(), 0,
                dev.kafkalab.scenario.ValueFormats.Format.PROTOBUF));
        Path file = dir.resolve("formats.yaml");

        SandboxWriter.write(lab, file);

        assertThat(Files.readString(file)).contains("valueFormat: avro", "valueFormat: protobuf");
        Lab replayed = new Lab(new ScenarioLoader().load(file));
        while (replayed.runner().hasNextStep()) {
            replayed.execute(new Commands.NextStep());
        }
        ClusterSnapshot.ReplicaView original = lab.snapshot().partition("payments", 0).displayLog();
        ClusterSnapshot.ReplicaView again = replayed.snapshot().partition("payments", 0).displayLog();
        assertThat(again.logEndOffset()).isEqualTo(2);
        for (long offset = 0; offset < 2; offset++) {
            // Avro and Protobuf drop the field names: far smaller than the JSON text would be
            assertThat(again.record(offset).sizeInBytes()).isEqualTo(original.record(offset).sizeInBytes());
            assertThat(again.record(offset).value()).isEqualTo(original.record(offset).value());
        }
    }
}
