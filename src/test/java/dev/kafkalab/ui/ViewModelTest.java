package dev.kafkalab.ui;

import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.TopicPartition;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.ui.lab.Lab;
import dev.kafkalab.ui.model.CanvasTarget;
import dev.kafkalab.ui.model.EventWords;
import dev.kafkalab.ui.model.HashingModel;
import dev.kafkalab.ui.model.Inspection;
import dev.kafkalab.ui.model.KeyColors;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** View models tested below the view, with plain JUnit: no robot, no window. */
class ViewModelTest {

    @Test
    void hashingPanelShowsTheRealNumbersOfTheCoursesPayment() {
        HashingModel m = new HashingModel();
        m.show(new SimEvent.RecordSent(0, "pos", "payments", 3, "Credit Card Payment", "Paid", 0, "key-hash",
                new SimEvent.Hashing("4372656469742043617264205061796d656e74", 1095166239, 1095166239, 6), 80));

        assertThat(m.keyedProperty().get()).isTrue();
        assertThat(m.keyBytesProperty().get()).startsWith("bytes 43 72 65 64").endsWith("(19 bytes)");
        assertThat(m.murmur2Property().get()).isEqualTo("murmur2 1095166239");
        assertThat(m.positiveProperty().get()).isEqualTo("toPositive 1095166239");
        assertThat(m.moduloProperty().get()).isEqualTo("1095166239 mod 6 = 3");
        assertThat(m.partitionProperty().get()).isEqualTo("partition 3");
        assertThat(m.revealedProperty().get()).isZero();
        m.revealAll();
        assertThat(m.revealedProperty().get()).isEqualTo(HashingModel.STEPS);
    }

    @Test
    void keylessRecordsExplainTheStickyChoice() {
        HashingModel m = new HashingModel();
        m.stickyChanged(new SimEvent.StickyPartitionChanged(0, "p1", "t", 1, 4, 17000, "produced 17000 bytes"));
        m.show(new SimEvent.RecordSent(0, "p1", "t", 4, null, "v", 0, "sticky", null, 70));
        assertThat(m.keyedProperty().get()).isFalse();
        assertThat(m.keyProperty().get()).isEqualTo("no key");
        assertThat(m.partitionProperty().get()).isEqualTo("partition 4");
        assertThat(m.explanationProperty().get()).contains("sticky", "batch.size", "from partition 1 to 4");
    }

    @Test
    void equalKeysLookAlikeAndKeylessRecordsHaveTheirOwnColour() {
        assertThat(KeyColors.styleClass("user-1")).isEqualTo(KeyColors.styleClass("user-1"))
                .startsWith("key-color-");
        assertThat(KeyColors.styleClass(null)).isEqualTo("key-none");
        assertThat(KeyColors.index("Credit Card Payment")).isBetween(0, KeyColors.COUNT - 1);
    }

    @Test
    void inspectorTellsARecordsLineageFromPartitionerToReader() throws Exception {
        Lab lab = new Lab(LabTest.example("01-events-and-keys.yaml"));
        lab.execute(new Commands.SendRecord("pos", "payments", "Credit Card Payment", "Paid", Map.of(), null));
        lab.execute(new Commands.ConsumerCommand(Commands.ConsumerOp.POLL, "reader"));

        Inspection i = Inspection.of(new CanvasTarget.Record("payments", 3, 0), lab.snapshot(), lab.tracker());

        assertThat(i.title()).isEqualTo("Record payments-3 @ offset 0");
        assertThat(i.value("key")).isEqualTo("\"Credit Card Payment\"");
        assertThat(i.value("partitioner")).isEqualTo("murmur2 1095166239 → toPositive 1095166239 → mod 6 = 3");
        assertThat(i.value("sent by")).startsWith("producer pos");
        assertThat(i.value("replicas holding it")).contains("b0", "b1", "b2", "(leader)");
        assertThat(i.value("committed")).startsWith("HW passed it at");
        assertThat(i.value("read by")).startsWith("reader at");
    }

    @Test
    void inspectorShowsAPartitionsLeaderEpochIsrAndOffsets() throws Exception {
        Lab lab = new Lab(LabTest.example("04-replication-failover.yaml"));
        lab.execute(new Commands.NextStep());
        lab.execute(new Commands.NextStep());

        Inspection i = Inspection.of(new CanvasTarget.Partition("payments", 0), lab.snapshot(), lab.tracker());

        assertThat(i.value("leader")).isEqualTo("broker 2");
        assertThat(i.value("leader epoch")).isEqualTo("1");
        assertThat(i.value("ISR")).doesNotContain("1");
        assertThat(i.value("high watermark")).isEqualTo("5");
    }

    @Test
    void theInspectorsGroupLagIsTheLagLessonsAskAbout() throws Exception {
        Lab lab = new Lab(LabTest.example("07-consumer-groups.yaml"));
        lab.execute(new Commands.NextStep());
        lab.execute(new Commands.Advance(5_000));
        long engine = dev.kafkalab.engine.GroupDescription.of(lab.simulation(), "billing").lag().values().stream()
                .mapToLong(Long::longValue).sum();

        Inspection i = Inspection.of(new CanvasTarget.Group("billing"), lab.snapshot(), lab.tracker());

        assertThat(engine).as("c2 polled but did not commit: its reads count").isLessThan(30);
        assertThat(i.value("total lag")).isEqualTo(Long.toString(engine));
    }

    @Test
    void everyEventOfAFailoverLessonReadsAsASentence() throws Exception {
        Lab lab = new Lab(LabTest.example("04-replication-failover.yaml"));
        while (lab.runner().hasNextStep()) {
            lab.execute(new Commands.NextStep());
        }
        for (SimEvent e : lab.simulation().trace()) {
            String words = EventWords.describe(e);
            assertThat(words).as(e.type()).isNotBlank().doesNotContain(e.type() + "[");
        }
        assertThat(lab.tracker().lineage(new TopicPartition("payments", 0), 0)).isNotNull();
    }
}
