package dev.kafkalab.ui;

import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.ProducerRecord;
import dev.kafkalab.engine.Simulation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterTextTest {

    private static String partitionBlock(String text, int partition) {
        int start = text.indexOf("  partition " + partition + "  (");
        assertThat(start).as("partition %d is listed", partition).isNotNegative();
        int end = text.indexOf("  partition " + (partition + 1) + "  (", start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    @Test
    void describeShowsTheRecordInPartitionTwoAtOffsetZero() {
        Simulation sim = new Simulation(0, 3, Map.of());
        sim.createTopic("payments", 6, 3, null, Map.of());
        Producer p1 = sim.createProducer("p1", Map.of());
        p1.send(ProducerRecord.of("payments", "user-1", "42.00 EUR"));
        sim.runUntilIdle();

        String text = ClusterText.describe(sim);

        assertThat(text).contains("Controller: node 3000", "broker 0  UP", "broker 1  UP", "broker 2  UP",
                "Topic payments: 6 partitions, replication factor 3");
        String p2 = partitionBlock(text, 2);
        assertThat(p2).contains("(payments-2)", "leader broker", "leader epoch 0", "replicas [", "ISR [",
                "log start 0", "high watermark 1", "log end offsets b",
                "offset 0  key \"user-1\"  value \"42.00 EUR\"");
        for (int other : new int[] {0, 1, 3, 4, 5}) {
            assertThat(partitionBlock(text, other)).contains("(no records)", "high watermark 0")
                    .doesNotContain("user-1");
        }
        assertThat(ClusterText.recordCount(sim)).isEqualTo(1);
    }

    @Test
    void keyedResultLineShowsTheHashingSteps() {
        DemoCluster demo = new DemoCluster();
        DemoCluster.SendOutcome out = demo.send("user-1", "42.00 EUR");
        assertThat(out.resultLine()).isEqualTo("key \"user-1\": murmur2 1404122828 -> toPositive 1404122828"
                + " -> 1404122828 % 6 = partition 2 -> acked at offset 0");
        assertThat(demo.send("user-1", "again").resultLine()).endsWith("partition 2 -> acked at offset 1");
    }

    @Test
    void keylessResultLineNamesTheStickyPartition() {
        DemoCluster demo = new DemoCluster();
        DemoCluster.SendOutcome out = demo.send("", "no key here");
        int partition = out.delivery().partition();
        assertThat(out.resultLine()).startsWith("no key: the sticky partitioner chose partition " + partition)
                .contains("-> acked at offset 0");
        assertThat(partitionBlock(ClusterText.describe(demo.simulation()), partition))
                .contains("offset 0  key null  value \"no key here\"");
    }

    @Test
    void onlyTheNewestTwentyRecordsOfAPartitionAreListed() {
        DemoCluster demo = new DemoCluster();
        for (int i = 0; i < 25; i++) {
            demo.send("user-1", "v" + i);
        }
        String p2 = partitionBlock(ClusterText.describe(demo.simulation()), 2);
        assertThat(p2).contains("... 5 older records not shown", "offset 5  key", "offset 24  key \"user-1\"  value \"v24\"")
                .doesNotContain("offset 4  key");
    }

    @Test
    void eventLinesStartWithTheVirtualTime() {
        DemoCluster demo = new DemoCluster();
        demo.send("user-1", "x");
        assertThat(demo.history()).isNotEmpty();
        assertThat(ClusterText.eventLine(demo.history().get(0))).matches("\\s*0 ms  ControllerElected\\[.*");
    }
}
