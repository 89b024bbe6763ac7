package dev.kafkalab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consumers read from the leader up to the high watermark, at their own position; reading deletes nothing. */
class ConsumerTest {
    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);

    private static Simulation withRecords(int count) {
        Simulation sim = new Simulation(3, 3, Map.of());
        sim.createTopic("orders", 1, 3, null, null);
        Producer producer = sim.createProducer("p", Map.of());
        for (int i = 0; i < count; i++) {
            producer.send(ProducerRecord.of("orders", "k" + i, "v" + i));
        }
        sim.runUntilIdle();
        return sim;
    }

    private static List<Long> offsets(List<ConsumerRecord> records) {
        return records.stream().map(ConsumerRecord::offset).toList();
    }

    private static PartitionLog log(Simulation sim) {
        return sim.cluster().topic("orders").partition(0).leaderLog();
    }

    @Test
    void pollReadsUpToTheHighWatermarkAndLeavesTheLogIntact() {
        Simulation sim = withRecords(10);
        Consumer consumer = sim.createConsumer("c", Map.of("auto.offset.reset", "earliest"));
        consumer.assign(List.of(ORDERS_0));

        List<ConsumerRecord> got = consumer.poll(null);
        assertThat(offsets(got)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(got.get(3).record().valueString()).isEqualTo("v3");
        assertThat(consumer.positions()).containsEntry(ORDERS_0, 10L);
        assertThat(consumer.poll(null)).as("nothing new").isEmpty();
        assertThat(log(sim).recordCount()).as("reading never deletes").isEqualTo(10);
        assertThat(log(sim).logStartOffset()).isZero();
    }

    @Test
    void recordsAboveTheHighWatermarkStayInvisible() {
        Simulation sim = new Simulation(3, 3, Map.of());
        sim.createTopic("orders", 1, 3, null, Map.of("min.insync.replicas", 2));
        Partition partition = sim.cluster().topic("orders").partition(0);
        int leader = partition.leader();
        List<Integer> followers = partition.replicas().stream().filter(b -> b != leader).toList();
        // both followers crash; once the controller fences them the ISR is the leader alone: the HW freezes
        followers.forEach(b -> sim.cluster().crash(b));
        sim.advance(10_000);
        assertThat(partition.isr()).containsExactly(leader);
        Producer producer = sim.createProducer("p", Map.of("acks", "1"));
        for (int i = 0; i < 3; i++) {
            producer.send(ProducerRecord.of("orders", "k", "v" + i));
        }
        sim.runUntilIdle();
        assertThat(producer.deliveries()).as("acks=1: acked by the leader").allMatch(Delivery::acked);
        assertThat(partition.leaderLog().logEndOffset()).isEqualTo(3);
        assertThat(partition.highWatermark()).isZero();

        Consumer consumer = sim.createConsumer("c", Map.of("auto.offset.reset", "earliest"));
        consumer.assign(List.of(ORDERS_0));
        assertThat(consumer.poll(null)).as("acked but invisible to consumers").isEmpty();

        // the followers return, catch up and rejoin the ISR: the HW moves past everything
        followers.forEach(b -> sim.cluster().restart(b));
        sim.advance(5_000);
        assertThat(partition.isr()).containsExactlyInAnyOrderElementsOf(partition.replicas());
        assertThat(partition.highWatermark()).isEqualTo(3);
        assertThat(offsets(consumer.poll(null))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void twoConsumersReadTheSameRecordsIndependently() {
        Simulation sim = withRecords(6);
        Consumer a = sim.createConsumer("a", Map.of("auto.offset.reset", "earliest"));
        Consumer b = sim.createConsumer("b", Map.of("auto.offset.reset", "earliest"));
        a.assign(List.of(ORDERS_0));
        b.assign(List.of(ORDERS_0));

        List<ConsumerRecord> aFirst = a.poll(4);
        List<ConsumerRecord> bAll = b.poll(null);
        List<ConsumerRecord> aRest = a.poll(null);
        assertThat(offsets(aFirst)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(offsets(bAll)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(offsets(aRest)).containsExactly(4L, 5L);
        assertThat(a.recordsConsumed()).isEqualTo(6);
        assertThat(b.recordsConsumed()).isEqualTo(6);
        assertThat(log(sim).recordCount()).isEqualTo(6);
    }

    @Test
    void seekRewindsToReadAgain() {
        Simulation sim = withRecords(8);
        Consumer consumer = sim.createConsumer("c", Map.of("auto.offset.reset", "earliest"));
        consumer.assign(List.of(ORDERS_0));
        assertThat(consumer.poll(null)).hasSize(8);
        consumer.seek(ORDERS_0, 5);
        assertThat(offsets(consumer.poll(null))).containsExactly(5L, 6L, 7L);
        consumer.seek(ORDERS_0, 0);
        assertThat(offsets(consumer.poll(2))).containsExactly(0L, 1L);
        assertThat(sim.trace()).filteredOn(e -> e instanceof SimEvent.ConsumerSeeked).hasSize(2);
    }

    @Test
    void earliestStartsAtTheLogStart() {
        Simulation sim = withRecords(5);
        Consumer consumer = sim.createConsumer("c", Map.of("auto.offset.reset", "earliest"));
        consumer.assign(List.of(ORDERS_0));
        assertThat(offsets(consumer.poll(null))).containsExactly(0L, 1L, 2L, 3L, 4L);
        SimEvent.OffsetReset reset = sim.trace().stream().filter(e -> e instanceof SimEvent.OffsetReset)
                .map(e -> (SimEvent.OffsetReset) e).findFirst().orElseThrow();
        assertThat(reset.policy()).isEqualTo("earliest");
        assertThat(reset.offset()).isZero();
    }

    @Test
    void latestByDefaultSeesOnlyNewRecords() {
        Simulation sim = withRecords(5);
        Consumer consumer = sim.createConsumer("c", Map.of());
        assertThat(consumer.config().getString("auto.offset.reset")).isEqualTo("latest");
        consumer.assign(List.of(ORDERS_0));
        assertThat(consumer.poll(null)).as("the 5 old records are skipped").isEmpty();
        assertThat(consumer.positions()).containsEntry(ORDERS_0, 5L);

        Producer producer = sim.producer("p");
        producer.send(ProducerRecord.of("orders", "k", "new-1"));
        producer.send(ProducerRecord.of("orders", "k", "new-2"));
        sim.runUntilIdle();
        List<ConsumerRecord> got = consumer.poll(null);
        assertThat(offsets(got)).containsExactly(5L, 6L);
        assertThat(got).extracting(r -> r.record().valueString()).containsExactly("new-1", "new-2");
    }

    @Test
    void noResetPolicyWithoutAPositionFails() {
        Simulation sim = withRecords(3);
        Consumer consumer = sim.createConsumer("c", Map.of("auto.offset.reset", "none"));
        consumer.assign(List.of(ORDERS_0));
        KafkaException e = catchThrowableOfType(KafkaException.class, () -> consumer.poll(null));
        assertThat(e.exceptionName()).isEqualTo("NoOffsetForPartitionException");
        assertThat(e.getMessage()).startsWith("Undefined offset with no reset policy for partitions:")
                .contains("orders-0");

        // with a position it reads normally
        consumer.seek(ORDERS_0, 1);
        assertThat(offsets(consumer.poll(null))).containsExactly(1L, 2L);
    }

    @Test
    void assigningAnUnknownPartitionFails() {
        Simulation sim = withRecords(1);
        Consumer consumer = sim.createConsumer("c", Map.of());
        KafkaException e = catchThrowableOfType(KafkaException.class,
                () -> consumer.assign(List.of(new TopicPartition("orders", 3))));
        assertThat(e.exceptionName()).isEqualTo("UnknownTopicOrPartitionException");
        assertThat(consumer.assignment()).isEmpty();
    }
}
