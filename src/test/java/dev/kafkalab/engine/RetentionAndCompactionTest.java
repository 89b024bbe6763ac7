package dev.kafkalab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention (cleanup.policy=delete) and compaction (cleanup.policy=compact) as a learner meets them:
 * whole segments go, oldest first; the cleaner keeps the latest record per key and leaves gaps.
 */
class RetentionAndCompactionTest {
    private static final Map<String, Object> FAST_CHECKS = Map.of(
            "log.retention.check.interval.ms", 1000, "log.cleaner.backoff.ms", 1000);

    private static ProducerRecord at(String topic, long timestamp, String key, String value) {
        return new ProducerRecord(topic, 0, timestamp, ProducerRecord.utf8(key), ProducerRecord.utf8(value), null);
    }

    /** Sends one record as its own batch and waits for its answer. */
    private static void send(Simulation sim, Producer p, String topic, long timestamp, String key, String value) {
        p.send(at(topic, timestamp, key, value));
        sim.runUntilIdle();
    }

    private static void advanceTo(Simulation sim, long time) {
        sim.advance(time - sim.now());
    }

    private static List<Long> baseOffsets(PartitionLog log) {
        return log.segments().stream().map(LogSegment::baseOffset).toList();
    }

    private static List<Long> offsets(PartitionLog log) {
        return log.records().stream().map(LogRecord::offset).toList();
    }

    private static <T extends SimEvent> List<T> events(Simulation sim, Class<T> type) {
        return sim.trace().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Map<String, String> view(List<ConsumerRecord> records) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ConsumerRecord r : records) {
            m.put(r.record().offset() + ":" + r.record().keyString(), r.record().valueString());
        }
        return m;
    }

    // ---------------------------------------------------------------- delete policy: time

    @Test
    void timeRetentionDeletesWholeOldSegmentsJudgedByTheirNewestRecord() {
        Simulation sim = new Simulation(1, 1, FAST_CHECKS);
        sim.createTopic("clicks", 1, 1, null, Map.of("segment.ms", 1000, "retention.ms", 10_000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "clicks", 0, "a", "1");
        send(sim, p, "clicks", 500, "b", "2");     // segment 0: timestamps 0, 500
        send(sim, p, "clicks", 2000, "c", "3");    // rolls: segment 2
        send(sim, p, "clicks", 2900, "d", "4");    // segment 2: timestamps 2000, 2900
        send(sim, p, "clicks", 4000, "e", "5");    // rolls: segment 4, the active one
        PartitionLog log = sim.cluster().topic("clicks").partition(0).leaderLog();
        assertThat(baseOffsets(log)).containsExactly(0L, 2L, 4L);

        advanceTo(sim, 12_000);
        // segment 0's newest record (500) is 11.5 s old; segment 2 holds a record from 2000 (10 s old) but
        // its newest (2900) is only 9.1 s old, so the whole segment stays
        assertThat(baseOffsets(log)).containsExactly(2L, 4L);
        assertThat(log.logStartOffset()).isEqualTo(2);
        assertThat(offsets(log)).containsExactly(2L, 3L, 4L);
        List<SimEvent.SegmentsDeleted> deleted = events(sim, SimEvent.SegmentsDeleted.class);
        assertThat(deleted).hasSize(1);
        assertThat(deleted.get(0).files()).containsExactly("00000000000000000000.log");
        assertThat(deleted.get(0).newLogStartOffset()).isEqualTo(2);
        assertThat(deleted.get(0).reason()).contains("retention.ms is 10000").contains("500");
        assertThat(deleted.get(0).time()).isEqualTo(11_000);

        advanceTo(sim, 13_500);
        assertThat(baseOffsets(log)).as("the active segment is not old enough yet").containsExactly(4L);
        assertThat(log.logStartOffset()).isEqualTo(4);
    }

    @Test
    void whenEverySegmentIsPastRetentionKafkaRollsAnEmptySegmentFirst() {
        Simulation sim = new Simulation(1, 1, FAST_CHECKS);
        sim.createTopic("clicks", 1, 1, null, Map.of("segment.ms", 1000, "retention.ms", 5000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "clicks", 0, "a", "1");
        send(sim, p, "clicks", 2000, "b", "2");
        PartitionLog log = sim.cluster().topic("clicks").partition(0).leaderLog();

        advanceTo(sim, 10_000);
        assertThat(baseOffsets(log)).as("a log always keeps one segment").containsExactly(2L);
        assertThat(log.activeSegment().recordCount()).isZero();
        assertThat(log.logStartOffset()).isEqualTo(2);
        assertThat(log.logEndOffset()).as("offsets are never reused").isEqualTo(2);
        assertThat(log.records()).isEmpty();
        assertThat(events(sim, SimEvent.SegmentRolled.class)).extracting(SimEvent.SegmentRolled::baseOffset)
                .containsExactly(1L, 2L);

        send(sim, p, "clicks", 10_000, "c", "3");
        assertThat(offsets(log)).containsExactly(2L);
    }

    @Test
    void retentionNeverDeletesAboveTheHighWatermark() {
        Simulation sim = new Simulation(1, 2, FAST_CHECKS);
        sim.createTopic("payments", 1, 2, Map.of(0, List.of(0, 1)),
                Map.of("segment.ms", 1000, "retention.ms", 10_000, "min.insync.replicas", 2));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0, "acks", "1"));
        send(sim, p, "payments", 0, "a", "1");
        sim.advance(1000);
        Partition partition = sim.cluster().topic("payments").partition(0);
        assertThat(partition.highWatermark()).isEqualTo(1);

        sim.cluster().crash(1);
        send(sim, p, "payments", 2000, "b", "2");
        send(sim, p, "payments", 4000, "c", "3");
        advanceTo(sim, 40_000);
        assertThat(partition.isr()).as("the ISR shrank below min.insync.replicas").containsExactly(0);
        assertThat(partition.highWatermark()).as("so the high watermark is frozen").isEqualTo(1);

        PartitionLog log = partition.log(0);
        // every record is older than retention.ms, but segment 1 and the active segment 2 lie above the HW
        assertThat(baseOffsets(log)).containsExactly(1L, 2L);
        assertThat(log.logStartOffset()).isEqualTo(1);
        assertThat(offsets(log)).containsExactly(1L, 2L);
    }

    // ---------------------------------------------------------------- delete policy: size

    @Test
    void sizeRetentionDeletesOldestSegmentsOnlyWhileTheRestStaysAtLeastRetentionBytes() {
        Simulation sim = new Simulation(1, 1, FAST_CHECKS);
        sim.createTopic("metrics", 1, 1, null, Map.of("segment.ms", 1000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        for (int i = 0; i < 4; i++) {
            send(sim, p, "metrics", i * 2000L, "k" + i, "value-" + i);   // one batch per segment
        }
        PartitionLog log = sim.cluster().topic("metrics").partition(0).leaderLog();
        assertThat(baseOffsets(log)).containsExactly(0L, 1L, 2L, 3L);
        long segmentSize = log.segments().get(0).sizeInBytes();
        assertThat(log.segments()).allSatisfy(s -> assertThat(s.sizeInBytes()).isEqualTo(segmentSize));

        // one byte over two segments: deleting two would leave less than retention.bytes, so only one goes
        sim.cluster().alterTopicConfig("metrics", Map.of("retention.bytes", 2 * segmentSize + 1));
        sim.advance(1500);
        assertThat(baseOffsets(log)).containsExactly(1L, 2L, 3L);
        assertThat(log.sizeInBytes()).as("whole segments only: the log may stay above the limit")
                .isGreaterThan(2 * segmentSize + 1);
        SimEvent.SegmentsDeleted bySize = events(sim, SimEvent.SegmentsDeleted.class).get(0);
        assertThat(bySize.reason()).contains("retention.bytes is " + (2 * segmentSize + 1))
                .contains("held " + 4 * segmentSize);

        sim.cluster().alterTopicConfig("metrics", Map.of("retention.bytes", segmentSize));
        sim.advance(1500);
        assertThat(baseOffsets(log)).as("the active segment counts too, but is never deleted alone")
                .containsExactly(3L);
        assertThat(log.logStartOffset()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- delete policy: consumers and followers

    @Test
    void theLogStartOffsetMovesAndAnEarliestConsumerStartsThere() {
        Simulation sim = new Simulation(1, 1, FAST_CHECKS);
        sim.createTopic("clicks", 1, 1, null, Map.of("segment.ms", 1000, "retention.ms", 10_000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "clicks", 0, "a", "1");
        send(sim, p, "clicks", 2000, "b", "2");
        send(sim, p, "clicks", 20_000, "c", "3");
        Consumer late = sim.createConsumer("late", Map.of("auto.offset.reset", "earliest"));
        late.assign(List.of(new TopicPartition("clicks", 0)));
        Consumer stuck = sim.createConsumer("stuck", Map.of("auto.offset.reset", "earliest"));
        stuck.assign(List.of(new TopicPartition("clicks", 0)));
        assertThat(stuck.poll(1)).extracting(r -> r.record().offset()).containsExactly(0L);

        advanceTo(sim, 15_000);
        PartitionLog log = sim.cluster().topic("clicks").partition(0).leaderLog();
        assertThat(log.logStartOffset()).isEqualTo(2);

        assertThat(late.poll(null)).extracting(r -> r.record().offset()).containsExactly(2L);
        // position 1 is below the log start offset now: out of range, reset by auto.offset.reset
        assertThat(stuck.poll(null)).extracting(r -> r.record().offset()).containsExactly(2L);
        assertThat(events(sim, SimEvent.OffsetReset.class)).filteredOn(e -> e.consumer().equals("stuck"))
                .extracting(SimEvent.OffsetReset::offset).containsExactly(0L, 2L);
    }

    @Test
    void followersApplyRetentionToTheirOwnLogs() {
        Simulation sim = new Simulation(1, 3, FAST_CHECKS);
        sim.createTopic("clicks", 1, 3, null, Map.of("segment.ms", 1000, "retention.ms", 10_000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "clicks", 0, "a", "1");
        send(sim, p, "clicks", 2000, "b", "2");
        send(sim, p, "clicks", 20_000, "c", "3");
        advanceTo(sim, 15_000);

        Partition partition = sim.cluster().topic("clicks").partition(0);
        for (int b : partition.replicas()) {
            assertThat(partition.log(b).logStartOffset()).as("broker %d", b).isEqualTo(2);
            assertThat(baseOffsets(partition.log(b))).as("broker %d", b).containsExactly(2L);
        }
        // each broker deleted segment 0 (at 11 s) and segment 1 (at 13 s) on its own check
        for (int b : partition.replicas()) {
            assertThat(events(sim, SimEvent.SegmentsDeleted.class)).filteredOn(e -> e.broker() == b)
                    .flatExtracting(SimEvent.SegmentsDeleted::files)
                    .containsExactly("00000000000000000000.log", "00000000000000000001.log");
        }
    }

    @Test
    void aFollowerLearnsTheLeadersLogStartOffsetFromFetchResponses() {
        Simulation sim = new Simulation(1, 3, Map.of("log.retention.check.interval.ms", 10_000_000));
        sim.createTopic("clicks", 1, 3, Map.of(0, List.of(0, 1, 2)), Map.of("segment.ms", 1000, "retention.ms", 10_000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "clicks", 0, "a", "1");
        send(sim, p, "clicks", 2000, "b", "2");
        send(sim, p, "clicks", 20_000, "c", "3");
        advanceTo(sim, 15_000);
        Partition partition = sim.cluster().topic("clicks").partition(0);

        // only the leader checks now; the followers hear of it in their next fetch response
        sim.logCleaner().checkRetention(0);
        assertThat(partition.log(0).logStartOffset()).isEqualTo(2);
        assertThat(partition.log(1).logStartOffset()).isZero();
        sim.advance(2000);
        for (int b : List.of(1, 2)) {
            assertThat(partition.log(b).logStartOffset()).as("broker %d", b).isEqualTo(2);
            assertThat(baseOffsets(partition.log(b))).as("broker %d", b).containsExactly(2L);
        }
        assertThat(events(sim, SimEvent.SegmentsDeleted.class)).filteredOn(e -> e.broker() != 0)
                .allSatisfy(e -> assertThat(e.reason()).contains("learned from the leader (broker 0)"));
    }

    @Test
    void aFollowerThatWasDownPastTheLeadersLogStartDropsItsLogAndStartsThere() {
        Simulation sim = new Simulation(1, 3, FAST_CHECKS);
        sim.createTopic("clicks", 1, 3, Map.of(0, List.of(0, 1, 2)), Map.of("segment.ms", 1000, "retention.ms", 10_000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "clicks", 0, "a", "1");
        sim.advance(1000);
        sim.cluster().crash(2);
        send(sim, p, "clicks", 2000, "b", "2");
        send(sim, p, "clicks", 30_000, "c", "3");
        advanceTo(sim, 25_000);
        Partition partition = sim.cluster().topic("clicks").partition(0);
        assertThat(partition.log(0).logStartOffset()).isEqualTo(2);
        assertThat(partition.log(2).logEndOffset()).isEqualTo(1);

        sim.cluster().restart(2);
        sim.advance(3000);
        PartitionLog follower = partition.log(2);
        assertThat(follower.logStartOffset()).isEqualTo(2);
        assertThat(offsets(follower)).containsExactly(2L);
        assertThat(follower.logEndOffset()).isEqualTo(3);
        assertThat(events(sim, SimEvent.SegmentsDeleted.class)).filteredOn(e -> e.broker() == 2)
                .anySatisfy(e -> assertThat(e.reason()).contains("dropped its whole log"));
        assertThat(partition.isr()).contains(2);
    }

    // ---------------------------------------------------------------- compact policy

    @Test
    void compactionKeepsTheLatestRecordPerKeyButNeverTouchesTheActiveSegment() {
        Simulation sim = new Simulation(1, 1, FAST_CHECKS);
        sim.createTopic("prices", 1, 1, null, Map.of("cleanup.policy", "compact", "segment.ms", 1000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "prices", 0, "apple", "1.00");      // 0
        send(sim, p, "prices", 100, "pear", "2.00");     // 1
        send(sim, p, "prices", 200, "apple", "1.10");    // 2
        send(sim, p, "prices", 2000, "pear", "2.20");    // 3  segment 3
        send(sim, p, "prices", 2100, "plum", "3.00");    // 4
        send(sim, p, "prices", 4000, "apple", "1.20");   // 5  segment 5, the active one
        PartitionLog log = sim.cluster().topic("prices").partition(0).leaderLog();
        assertThat(baseOffsets(log)).containsExactly(0L, 3L, 5L);

        sim.advance(1500);
        List<SimEvent.LogCompacted> compacted = events(sim, SimEvent.LogCompacted.class);
        assertThat(compacted).hasSize(1);
        assertThat(compacted.get(0).removedOffsets()).containsExactly(0L, 1L);
        // apple@2 stays: the only newer apple is in the active segment, which the cleaner does not read
        assertThat(offsets(log)).containsExactly(2L, 3L, 4L, 5L);
        assertThat(log.recordAt(0)).isNull();
        assertThat(log.recordAt(2).valueString()).isEqualTo("1.10");
        assertThat(baseOffsets(log)).as("segments stay, offsets are not renumbered").containsExactly(0L, 3L, 5L);
        assertThat(log.segments().get(0).recordCount()).isEqualTo(1);
        assertThat(log.segments().get(0).maxTimestamp()).isEqualTo(200);
        assertThat(log.logStartOffset()).isZero();
        assertThat(log.logEndOffset()).isEqualTo(6);

        Consumer reader = sim.createConsumer("reader", Map.of("auto.offset.reset", "earliest"));
        reader.assign(List.of(new TopicPartition("prices", 0)));
        assertThat(view(reader.poll(null))).containsExactly(
                Map.entry("2:apple", "1.10"), Map.entry("3:pear", "2.20"), Map.entry("4:plum", "3.00"),
                Map.entry("5:apple", "1.20"));
    }

    @Test
    void theCleanerWaitsUntilTheDirtyRatioPassesMinCleanableDirtyRatio() {
        Simulation sim = new Simulation(1, 1, FAST_CHECKS);
        sim.createTopic("prices", 1, 1, null, Map.of("cleanup.policy", "compact", "segment.ms", 1000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "prices", 0, "apple", "1.00");      // 0
        send(sim, p, "prices", 100, "pear", "2.00");     // 1
        send(sim, p, "prices", 2000, "plum", "3.00");    // 2  segment 2
        send(sim, p, "prices", 4000, "apple", "1.10");   // 3  segment 3
        sim.advance(1500);
        PartitionLog log = sim.cluster().topic("prices").partition(0).leaderLog();
        assertThat(offsets(log)).as("first pass: nothing superseded yet").containsExactly(0L, 1L, 2L, 3L);
        assertThat(events(sim, SimEvent.LogCompacted.class)).hasSize(1);

        send(sim, p, "prices", 6000, "kiwi", "4.00");    // 4  rolls: apple@3 leaves the active segment
        sim.advance(3000);
        // dirty: segment 3 only, one third of the cleanable log, below the default ratio 0.5
        assertThat(sim.logCleaner().dirt(sim.cluster().topic("prices").partition(0).replica(0)).ratio())
                .isLessThan(0.5);
        assertThat(offsets(log)).containsExactly(0L, 1L, 2L, 3L, 4L);

        sim.cluster().alterTopicConfig("prices", Map.of("min.cleanable.dirty.ratio", 0.2));
        sim.advance(1500);
        assertThat(offsets(log)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events(sim, SimEvent.LogCompacted.class)).last()
                .extracting(SimEvent.LogCompacted::removedOffsets).isEqualTo(List.of(0L));
    }

    @Test
    void tombstonesSurviveDeleteRetentionMsThenVanish() {
        Simulation sim = new Simulation(1, 1, FAST_CHECKS);
        sim.createTopic("users", 1, 1, null, Map.of("cleanup.policy", "compact", "segment.ms", 1000,
                "delete.retention.ms", 5000, "min.cleanable.dirty.ratio", 0.01));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "users", 0, "alice", "a@x");       // 0
        send(sim, p, "users", 100, "bob", "b@x");       // 1
        send(sim, p, "users", 2000, "alice", null);     // 2  tombstone, segment 2
        send(sim, p, "users", 4000, "carol", "c@x");    // 3  segment 3 (active)
        PartitionLog log = sim.cluster().topic("users").partition(0).leaderLog();

        advanceTo(sim, 1500);   // a pass at 1000: alice@0 goes, the tombstone stays until 1000 + 5000
        assertThat(offsets(log)).containsExactly(1L, 2L, 3L);
        assertThat(log.deleteHorizon(2)).isEqualTo(6000);

        send(sim, p, "users", 6000, "dave", "d@x");     // 4  rolls: new dirty data, another pass
        advanceTo(sim, 3500);
        assertThat(events(sim, SimEvent.LogCompacted.class)).hasSize(2);
        assertThat(log.recordAt(2)).as("still within delete.retention.ms").isNotNull();
        assertThat(log.recordAt(2).value()).isNull();

        Consumer reader = sim.createConsumer("reader", Map.of("auto.offset.reset", "earliest"));
        reader.assign(List.of(new TopicPartition("users", 0)));
        Map<String, String> seen = view(reader.poll(null));
        assertThat(seen).containsKey("2:alice").containsEntry("2:alice", null);

        advanceTo(sim, 7000);
        assertThat(log.recordAt(2)).as("no pass since the horizon: nothing new to clean").isNotNull();
        send(sim, p, "users", 8000, "erin", "e@x");     // 5  rolls: a later pass removes the tombstone
        sim.advance(1500);
        assertThat(log.recordAt(2)).isNull();
        assertThat(offsets(log)).containsExactly(1L, 3L, 4L, 5L);
        SimEvent.LogCompacted last = events(sim, SimEvent.LogCompacted.class).get(
                events(sim, SimEvent.LogCompacted.class).size() - 1);
        assertThat(last.removedOffsets()).containsExactly(2L);
        assertThat(last.tombstonesRemoved()).isEqualTo(1);
    }

    @Test
    void followersCompactTheirOwnLogsToTheSameView() {
        Simulation sim = new Simulation(1, 3, FAST_CHECKS);
        sim.createTopic("prices", 1, 3, null, Map.of("cleanup.policy", "compact", "segment.ms", 1000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "prices", 0, "apple", "1.00");
        send(sim, p, "prices", 100, "apple", "1.10");
        send(sim, p, "prices", 2000, "pear", "2.00");
        sim.advance(2500);
        Partition partition = sim.cluster().topic("prices").partition(0);
        for (int b : partition.replicas()) {
            assertThat(offsets(partition.log(b))).as("broker %d", b).containsExactly(1L, 2L);
        }
        assertThat(events(sim, SimEvent.LogCompacted.class)).extracting(SimEvent.LogCompacted::broker)
                .containsExactlyInAnyOrder(0, 1, 2);

        // a new replica fetching a compacted log copies it with its gaps
        Consumer reader = sim.createConsumer("reader", Map.of("auto.offset.reset", "earliest"));
        reader.assign(List.of(new TopicPartition("prices", 0)));
        assertThat(reader.poll(null)).extracting(r -> r.record().offset()).containsExactly(1L, 2L);
    }

    @Test
    void aFollowerThatFellBehindCopiesACompactedLogWithItsGaps() {
        Simulation sim = new Simulation(1, 2, Map.of("log.cleaner.backoff.ms", 1000));
        sim.createTopic("prices", 1, 2, Map.of(0, List.of(0, 1)), Map.of("cleanup.policy", "compact",
                "segment.ms", 1000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0, "acks", "1"));
        sim.cluster().crash(1);
        send(sim, p, "prices", 0, "apple", "1.00");
        send(sim, p, "prices", 100, "apple", "1.10");
        send(sim, p, "prices", 200, "pear", "2.00");
        send(sim, p, "prices", 2000, "pear", "2.20");
        send(sim, p, "prices", 4000, "plum", "3.00");
        sim.advance(20_000);
        Partition partition = sim.cluster().topic("prices").partition(0);
        assertThat(offsets(partition.log(0))).containsExactly(1L, 3L, 4L);

        sim.cluster().restart(1);
        sim.advance(3000);
        assertThat(offsets(partition.log(1))).containsExactly(1L, 3L, 4L);
        assertThat(partition.log(1).logEndOffset()).isEqualTo(5);
        assertThat(partition.isr()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void compactingPartOfABatchKeepsTheRestOfItAndTheSegmentSizeFollows() {
        Simulation sim = new Simulation(1, 1, FAST_CHECKS);
        sim.createTopic("prices", 1, 1, null, Map.of("cleanup.policy", "compact", "segment.ms", 1000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        p.send(at("prices", 0, "apple", "1.00"));
        p.send(at("prices", 0, "pear", "2.00"));
        p.send(at("prices", 0, "apple", "1.10"));
        sim.runUntilIdle();
        send(sim, p, "prices", 2000, "plum", "3.00");
        PartitionLog log = sim.cluster().topic("prices").partition(0).leaderLog();
        assertThat(log.records()).extracting(LogRecord::batchStart).containsExactly(true, false, false, true);

        sim.advance(1500);
        assertThat(offsets(log)).containsExactly(1L, 2L, 3L);
        assertThat(log.recordAt(1).batchStart()).as("the batch now starts at its first record left").isTrue();
        LogSegment first = log.segments().get(0);
        long expected = RecordSizes.RECORD_BATCH_OVERHEAD + log.recordAt(1).sizeInBytes()
                + log.recordAt(2).sizeInBytes();
        assertThat(first.sizeInBytes()).isEqualTo(expected);
        assertThat(first.recordCount()).isEqualTo(2);
        assertThat(first.nextOffset()).isEqualTo(3);
    }

    @Test
    void compactDeleteAppliesBothPolicies() {
        Simulation sim = new Simulation(1, 1, FAST_CHECKS);
        sim.createTopic("sessions", 1, 1, null, Map.of("cleanup.policy", "compact,delete", "segment.ms", 1000,
                "retention.ms", 10_000));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "sessions", 0, "s1", "open");       // 0
        send(sim, p, "sessions", 3000, "s2", "open");    // 1  segment 1
        send(sim, p, "sessions", 3100, "s2", "closed");  // 2
        send(sim, p, "sessions", 9000, "s3", "open");    // 3  segment 3 (active)
        PartitionLog log = sim.cluster().topic("sessions").partition(0).leaderLog();

        advanceTo(sim, 1500);
        assertThat(offsets(log)).as("compacted").containsExactly(0L, 2L, 3L);
        advanceTo(sim, 11_500);
        assertThat(log.logStartOffset()).as("and segment 0 past retention.ms").isEqualTo(1);
        assertThat(offsets(log)).containsExactly(2L, 3L);
    }

    @Test
    void aCompactedTopicRefusesRecordsWithoutAKey() {
        Simulation sim = new Simulation(1, 1, FAST_CHECKS);
        sim.createTopic("prices", 1, 1, null, Map.of("cleanup.policy", "compact"));
        Producer p = sim.createProducer("p", Map.of("linger.ms", 0));
        send(sim, p, "prices", 0, null, "no key");
        Delivery d = p.deliveries().get(0);
        assertThat(d.error()).isEqualTo("InvalidRecordException");
        assertThat(d.message()).contains("Compacted topic cannot accept message without key");
    }

    @Test
    void minCleanableDirtyRatioIsValidatedAsInKafka() {
        Simulation sim = new Simulation(1, 1, Map.of("log.cleaner.min.cleanable.ratio", "0.25"));
        Topic t = sim.createTopic("prices", 1, 1, null, Map.of("cleanup.policy", "compact"));
        assertThat(t.config().getDouble("min.cleanable.dirty.ratio")).as("falls back to the broker")
                .isEqualTo(0.25);
        KafkaException e = org.assertj.core.api.Assertions.catchThrowableOfType(KafkaException.class,
                () -> sim.createTopic("bad", 1, 1, null, Map.of("min.cleanable.dirty.ratio", 1.5)));
        assertThat(e.exceptionName()).isEqualTo("ConfigException");
        assertThat(e.getMessage()).contains("min.cleanable.dirty.ratio").contains("no more than 1");
        List<String> names = new ArrayList<>(Configs.keys(Configs.Scope.BROKER).keySet());
        assertThat(names).contains("log.cleaner.backoff.ms", "log.retention.check.interval.ms");
    }
}
