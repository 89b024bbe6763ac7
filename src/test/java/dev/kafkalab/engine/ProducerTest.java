package dev.kafkalab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a producer does with records: partitioning, batching, acknowledgements and refusals. */
class ProducerTest {

    private static <T extends SimEvent> List<T> events(Simulation sim, Class<T> type) {
        return sim.trace().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Simulation withTopic(String topic, int partitions, Map<String, ?> topicConfig) {
        Simulation sim = new Simulation(7, 3, Map.of());
        sim.createTopic(topic, partitions, 3, null, topicConfig);
        return sim;
    }

    // ---------------------------------------------------------------- batching

    @Test
    void lingerGathersRecordsSentTogetherIntoOneBatch() {
        Simulation sim = withTopic("orders", 6, null);
        Producer producer = sim.createProducer("p", Map.of("linger.ms", 5, "batch.size", 1_000_000));
        for (int i = 0; i < 10; i++) {
            producer.send(ProducerRecord.of("orders", null, "r" + i));
        }
        sim.runUntilIdle();

        List<SimEvent.BatchSent> batches = events(sim, SimEvent.BatchSent.class);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).time()).as("sent when linger.ms expired").isEqualTo(5);
        assertThat(batches.get(0).records()).isEqualTo(10);

        assertThat(producer.deliveries()).hasSize(10).allMatch(Delivery::acked);
        assertThat(producer.deliveries()).extracting(Delivery::offset)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(producer.deliveries()).extracting(Delivery::partition).containsOnly(batches.get(0).partition());
        SimEvent.BatchAcknowledged ack = events(sim, SimEvent.BatchAcknowledged.class).get(0);
        assertThat(ack.baseOffset()).isZero();
        assertThat(ack.records()).isEqualTo(10);
    }

    @Test
    void withoutLingerEachRecordGoesOutInItsOwnBatchAtOnce() {
        Simulation sim = withTopic("orders", 6, null);
        Producer producer = sim.createProducer("p", Map.of("linger.ms", 0));
        for (int i = 0; i < 10; i++) {
            long sentAt = sim.now();
            producer.send(ProducerRecord.of("orders", "k", "r" + i));
            sim.runUntilIdle();
            SimEvent.BatchSent last = events(sim, SimEvent.BatchSent.class).get(i);
            assertThat(last.time()).as("no waiting with linger.ms=0").isEqualTo(sentAt);
            assertThat(last.records()).isEqualTo(1);
        }
        assertThat(events(sim, SimEvent.BatchSent.class)).hasSize(10);
        assertThat(producer.deliveries()).extracting(Delivery::offset)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void aFullBatchIsSentWithoutWaitingForLinger() {
        Simulation sim = withTopic("orders", 1, null);
        Producer producer = sim.createProducer("p", Map.of("linger.ms", 10_000, "batch.size", 1_000));
        for (int i = 0; i < 30; i++) {
            producer.send(ProducerRecord.of("orders", null, "x".repeat(100)));
        }
        sim.runUntil(100);
        List<SimEvent.BatchSent> batches = events(sim, SimEvent.BatchSent.class);
        assertThat(batches).isNotEmpty();
        assertThat(batches).allSatisfy(b -> assertThat(b.sizeInBytes()).isLessThanOrEqualTo(1_000));
        assertThat(batches.get(0).time()).isLessThan(10_000);
    }

    @Test
    void acksZeroGetsNoOffsetBack() {
        Simulation sim = withTopic("orders", 3, null);
        Producer producer = sim.createProducer("p", Map.of("acks", "0"));
        for (int i = 0; i < 3; i++) {
            producer.send(ProducerRecord.of("orders", "user-1", "r" + i));
        }
        sim.runUntilIdle();
        assertThat(producer.deliveries()).hasSize(3).allSatisfy(d -> {
            assertThat(d.acked()).isTrue();
            assertThat(d.offset()).isEqualTo(-1L);
        });
        // the broker still wrote them: "user-1" -> partition 2 of 3
        assertThat(sim.cluster().topic("orders").partition(2).leaderLog().logEndOffset()).isEqualTo(3);
    }

    @Test
    void anExplicitPartitionWinsOverTheKey() {
        Simulation sim = withTopic("orders", 6, null);
        Producer producer = sim.createProducer("p", Map.of());
        // "user-3" would hash to partition 5 of 6
        producer.send(new ProducerRecord("orders", 1, null, ProducerRecord.utf8("user-3"), ProducerRecord.utf8("v"),
                null));
        sim.runUntilIdle();
        assertThat(producer.deliveries().get(0).partition()).isEqualTo(1);
        assertThat(events(sim, SimEvent.RecordSent.class).get(0).choice()).isEqualTo("explicit");
    }

    @Test
    void aPartitionOutOfRangeFails() {
        Simulation sim = withTopic("orders", 6, null);
        Producer producer = sim.createProducer("p", Map.of());
        producer.send(new ProducerRecord("orders", 7, null, null, ProducerRecord.utf8("v"), null));
        sim.runUntilIdle();
        Delivery d = producer.deliveries().get(0);
        assertThat(d.acked()).isFalse();
        assertThat(d.error()).isEqualTo("KafkaException");
        assertThat(d.message()).isEqualTo("Invalid partition given with record: 7 is not in the range [0...6).");
        assertThat(events(sim, SimEvent.BatchSent.class)).isEmpty();
    }

    @Test
    void keyedRecordsKeepTheirOrderWithinAPartition() {
        Simulation sim = withTopic("orders", 6, null);
        Producer producer = sim.createProducer("p", Map.of());
        for (int i = 0; i < 20; i++) {
            producer.send(ProducerRecord.of("orders", "truck_123", "pos-" + i));
            if (i % 4 == 0) {
                sim.runUntilIdle();
            }
        }
        sim.runUntilIdle();
        // spec vector: "truck_123" -> partition 1 of 6
        List<LogRecord> log = sim.cluster().topic("orders").partition(1).leaderLog().records();
        assertThat(log).extracting(LogRecord::valueString)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "pos-" + i).toList());
    }

    // ---------------------------------------------------------------- size limits

    @Test
    void aRecordAboveMaxRequestSizeIsRefusedByTheProducer() {
        Simulation sim = withTopic("orders", 1, null);
        Producer producer = sim.createProducer("p", Map.of());
        producer.send(new ProducerRecord("orders", null, null, null, new byte[2 * 1024 * 1024], null));
        sim.runUntilIdle();
        Delivery d = producer.deliveries().get(0);
        assertThat(d.error()).isEqualTo("RecordTooLargeException");
        assertThat(d.message()).startsWith("The message is ").contains("max.request.size");
        assertThat(events(sim, SimEvent.BatchSent.class)).as("never left the producer").isEmpty();
    }

    @Test
    void aRecordAboveTheTopicsMaxMessageBytesIsRefusedByTheBroker() {
        Simulation sim = withTopic("orders", 1, null);
        Producer producer = sim.createProducer("p", Map.of("max.request.size", 5 * 1024 * 1024));
        producer.send(new ProducerRecord("orders", null, null, null, new byte[2 * 1024 * 1024], null));
        sim.runUntilIdle();
        Delivery d = producer.deliveries().get(0);
        assertThat(d.error()).isEqualTo("RecordTooLargeException");
        assertThat(events(sim, SimEvent.BatchSent.class)).as("the producer sent it").hasSize(1);
        assertThat(sim.cluster().topic("orders").partition(0).leaderLog().logEndOffset()).as("nothing written")
                .isZero();
    }

    @Test
    void raisingMaxMessageBytesOnTheTopicLetsTheLargeRecordThrough() {
        Simulation sim = withTopic("orders", 1, Map.of("max.message.bytes", 5 * 1024 * 1024));
        Producer producer = sim.createProducer("p", Map.of("max.request.size", 5 * 1024 * 1024));
        producer.send(new ProducerRecord("orders", null, null, null, new byte[2 * 1024 * 1024], null));
        sim.runUntilIdle();
        assertThat(producer.deliveries().get(0).acked()).isTrue();
        assertThat(producer.deliveries().get(0).offset()).isZero();
    }

    // ---------------------------------------------------------------- compaction, auto-creation

    @Test
    void aCompactedTopicRefusesKeylessRecords() {
        Simulation sim = withTopic("latest-prices", 1, Map.of("cleanup.policy", "compact"));
        Producer producer = sim.createProducer("p", Map.of("linger.ms", 0));
        producer.send(ProducerRecord.of("latest-prices", null, "12.50"));
        sim.runUntilIdle();
        producer.send(ProducerRecord.of("latest-prices", "AAPL", "12.50"));
        sim.runUntilIdle();
        Delivery keyless = producer.deliveries().get(0);
        assertThat(keyless.error()).isEqualTo("InvalidRecordException");
        assertThat(keyless.message()).contains("Compacted topic cannot accept message without key");
        assertThat(producer.deliveries().get(1).acked()).as("a keyed record is fine").isTrue();
        assertThat(producer.deliveries().get(1).offset()).isZero();
    }

    @Test
    void producingToAMissingTopicAutoCreatesItWithOnePartition() {
        Simulation sim = new Simulation(1, 3, Map.of());
        Producer producer = sim.createProducer("p", Map.of());
        producer.send(ProducerRecord.of("clicks", "k", "v"));
        sim.runUntilIdle();
        SimEvent.TopicCreated created = events(sim, SimEvent.TopicCreated.class).get(0);
        assertThat(created.topic()).isEqualTo("clicks");
        assertThat(created.autoCreated()).isTrue();
        assertThat(created.partitions()).isEqualTo(1);
        assertThat(created.replicationFactor()).isEqualTo(1);
        assertThat(producer.deliveries().get(0).acked()).isTrue();
    }

    @Test
    void withoutAutoCreationTheProducerTimesOutAfterMaxBlockMs() {
        Simulation sim = new Simulation(1, 3, Map.of("auto.create.topics.enable", false));
        Producer producer = sim.createProducer("p", Map.of());
        producer.send(ProducerRecord.of("clicks", "k", "v"));
        sim.runUntilIdle();
        assertThat(sim.cluster().topic("clicks")).isNull();
        Delivery d = producer.deliveries().get(0);
        assertThat(d.error()).isEqualTo("TimeoutException");
        assertThat(d.message()).isEqualTo("Topic clicks not present in metadata after 60000 ms.");
        SimEvent.RecordFailed failed = events(sim, SimEvent.RecordFailed.class).get(0);
        assertThat(failed.time()).as("after max.block.ms of virtual time").isEqualTo(60_000);
    }

    @Test
    void maxBlockMsBoundsTheWaitForAMissingTopic() {
        Simulation sim = new Simulation(1, 1, Map.of("auto.create.topics.enable", false));
        Producer producer = sim.createProducer("p", Map.of("max.block.ms", 2_500));
        producer.send(ProducerRecord.of("clicks", null, "v"));
        sim.runUntilIdle();
        assertThat(events(sim, SimEvent.RecordFailed.class).get(0).time()).isEqualTo(2_500);
        assertThat(producer.incomplete()).isZero();
    }
}
