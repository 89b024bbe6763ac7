package dev.kafkalab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log as a learner sees it: offsets, segments named by base offset, and timestamps. */
class PartitionLogTest {

    private static ProducerRecord at(String topic, long timestamp, String value) {
        return new ProducerRecord(topic, 0, timestamp, null, ProducerRecord.utf8(value), null);
    }

    @Test
    void segmentBytesBelowOneMebibyteIsRefusedAsInKafka4() {
        Simulation sim = new Simulation(1, 1, Map.of());
        KafkaException e = catchThrowableOfType(KafkaException.class,
                () -> sim.createTopic("audit", 1, 1, null, Map.of("segment.bytes", 1024)));
        assertThat(e.exceptionName()).isEqualTo("ConfigException");
        assertThat(e.getMessage()).contains("segment.bytes").contains("1048576");
        assertThat(sim.cluster().topic("audit")).isNull();
    }

    @Test
    void smallSegmentBytesRollsTheLogIntoSeveralSegments() {
        int segmentBytes = 1024 * 1024;
        Simulation sim = new Simulation(1, 3, Map.of());
        sim.createTopic("audit", 1, 3, null, Map.of("segment.bytes", segmentBytes));
        Producer producer = sim.createProducer("p", Map.of("linger.ms", 0));
        byte[] value = new byte[100_000];
        for (int i = 0; i < 60; i++) {
            producer.send(new ProducerRecord("audit", null, null, null, value, null));
            sim.runUntilIdle();
        }
        Partition partition = sim.cluster().topic("audit").partition(0);
        PartitionLog log = partition.leaderLog();
        List<LogSegment> segments = log.segments();

        // 10 records of ~100 KB fit in 1 MiB: 60 records make 6 segments
        assertThat(segments).hasSize(6);
        assertThat(segments.get(0).baseOffset()).isZero();
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).baseOffset()).isGreaterThan(segments.get(i - 1).baseOffset());
            assertThat(segments.get(i).baseOffset()).as("segments are contiguous")
                    .isEqualTo(segments.get(i - 1).nextOffset());
        }
        assertThat(segments).allSatisfy(s -> {
            assertThat(s.fileName()).matches("\\d{20}\\.log");
            assertThat(s.sizeInBytes()).isLessThanOrEqualTo(segmentBytes);
        });
        assertThat(segments.get(1).fileName())
                .isEqualTo(String.format("%020d.log", segments.get(1).baseOffset()));
        assertThat(log.logEndOffset()).isEqualTo(60);
        assertThat(log.recordCount()).isEqualTo(60);

        // every replica rolls the same way, and the trace tells each roll
        for (int b : partition.replicas()) {
            assertThat(partition.log(b).segments()).extracting(LogSegment::baseOffset)
                    .isEqualTo(segments.stream().map(LogSegment::baseOffset).toList());
        }
        long rolledOnLeader = sim.trace().stream().filter(e -> e instanceof SimEvent.SegmentRolled r
                && r.broker() == partition.leader()).count();
        assertThat(rolledOnLeader).isEqualTo(segments.size() - 1);
    }

    @Test
    void segmentMsRollsByRecordTimestampsNotByTheClock() {
        Simulation sim = new Simulation(1, 1, Map.of());
        sim.createTopic("audit", 1, 1, null, Map.of("segment.ms", 1000));
        Producer producer = sim.createProducer("p", Map.of("linger.ms", 0));
        long[] timestamps = {0, 400, 900, 1_500, 2_000, 2_600, 2_700};
        for (long ts : timestamps) {
            producer.send(at("audit", ts, "t" + ts));
            sim.runUntilIdle();
        }
        assertThat(sim.now()).as("virtual time barely moved").isLessThan(100);
        PartitionLog log = sim.cluster().topic("audit").partition(0).leaderLog();
        // 1500 - 0 > 1000 rolls at offset 3; 2600 - 1500 > 1000 rolls at offset 5
        assertThat(log.segments()).extracting(LogSegment::baseOffset).containsExactly(0L, 3L, 5L);
        assertThat(log.segments()).extracting(LogSegment::fileName).containsExactly(
                "00000000000000000000.log", "00000000000000000003.log", "00000000000000000005.log");
    }

    @Test
    void createTimeKeepsTheProducersTimestamp() {
        Simulation sim = new Simulation(1, 1, Map.of());
        sim.createTopic("events", 1, 1, null, null);
        Producer producer = sim.createProducer("p", Map.of());
        sim.advance(100);
        producer.send(at("events", 12_345, "v"));
        sim.runUntilIdle();
        assertThat(producer.deliveries().get(0).timestamp()).isEqualTo(12_345);
        assertThat(sim.cluster().topic("events").partition(0).leaderLog().recordAt(0).timestamp()).isEqualTo(12_345);
    }

    @Test
    void logAppendTimeTopicStampsRecordsWithTheBrokersTime() {
        Simulation sim = new Simulation(1, 3, Map.of());
        sim.createTopic("events", 1, 3, null, Map.of("message.timestamp.type", "LogAppendTime"));
        Producer producer = sim.createProducer("p", Map.of());
        sim.advance(100);
        producer.send(at("events", 12_345, "a"));
        producer.send(at("events", 1, "b"));
        sim.runUntilIdle();

        SimEvent.BatchAppended appended = sim.trace().stream().filter(e -> e instanceof SimEvent.BatchAppended)
                .map(e -> (SimEvent.BatchAppended) e).findFirst().orElseThrow();
        long brokerTime = appended.time();
        assertThat(brokerTime).as("100 + linger 5 + network 1").isEqualTo(106);
        assertThat(producer.deliveries()).hasSize(2)
                .allSatisfy(d -> assertThat(d.timestamp()).isEqualTo(brokerTime));
        Partition p = sim.cluster().topic("events").partition(0);
        for (int b : p.replicas()) {
            assertThat(p.log(b).records()).extracting(LogRecord::timestamp).containsOnly(brokerTime);
        }
    }

    @Test
    void offsetsAreConsecutivePerPartition() {
        Simulation sim = new Simulation(1, 3, Map.of());
        sim.createTopic("orders", 3, 2, null, null);
        Producer producer = sim.createProducer("p", Map.of());
        for (int i = 0; i < 90; i++) {
            producer.send(ProducerRecord.of("orders", "user-" + i, "v"));
            if (i % 7 == 0) {
                sim.runUntilIdle();
            }
        }
        sim.runUntilIdle();
        long total = 0;
        for (Partition p : sim.cluster().topic("orders").partitions()) {
            List<LogRecord> records = p.leaderLog().records();
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).offset()).isEqualTo(i);
            }
            assertThat(p.highWatermark()).isEqualTo(records.size());
            total += records.size();
        }
        assertThat(total).isEqualTo(90);
    }

    /** What the log should hold: offset -> value text, in offset order. */
    private static List<String> texts(PartitionLog log) {
        List<String> out = new java.util.ArrayList<>();
        for (LogRecord r : log.records()) {
            out.add(r.offset() + "=" + r.valueString());
        }
        return out;
    }

    @Test
    void aLogOfManyBlocksReadsTruncatesCleansAndDropsItsStartAsASmallOneDoes() {
        PartitionLog log = new PartitionLog(0);
        java.util.TreeMap<Long, String> model = new java.util.TreeMap<>();
        long next = 0;
        // batches of 300 cross the column blocks (4,096 records each) inside a batch
        for (int b = 0; b < 40; b++) {
            List<PartitionLog.Append> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String v = "v" + (next + i);
                batch.add(new PartitionLog.Append(ProducerRecord.utf8("k" + ((next + i) % 7)), ProducerRecord.utf8(v),
                        Map.of(), 1_000 + next + i));
                model.put(next + i, v);
            }
            log.append(batch, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE);
            next += 300;
        }
        assertThat(log.logEndOffset()).isEqualTo(12_000);
        assertThat(log.read(4_090, 4_100, 100)).extracting(LogRecord::valueString)
                .containsExactly("v4090", "v4091", "v4092", "v4093", "v4094", "v4095", "v4096", "v4097", "v4098",
                        "v4099");
        assertThat(log.recordAt(8_191).valueString()).isEqualTo("v8191");
        assertThat(log.recordAt(8_192).batchStart()).as("a batch starts at 8,100, not at a block's edge").isFalse();
        assertThat(log.recordAt(8_100).batchStart()).isTrue();

        // the cleaner removes every third record, across the blocks
        List<Long> gone = new java.util.ArrayList<>();
        for (long o = 3_000; o < 9_000; o += 3) {
            gone.add(o);
            model.remove(o);
        }
        log.removeRecords(gone);
        assertThat(log.recordCount()).isEqualTo(model.size());
        assertThat(log.recordAt(4_095)).isNull();
        assertThat(log.recordAt(4_096).valueString()).isEqualTo("v4096");
        assertThat(log.read(8_997, 9_002, 10)).extracting(LogRecord::offset).containsExactly(8_998L, 8_999L, 9_000L,
                9_001L);

        // retention moves the start past two blocks' worth of records
        assertThat(log.incrementLogStartOffset(9_500)).isTrue();
        model.headMap(9_500L).clear();
        assertThat(log.read(0, 9_503, 10)).extracting(LogRecord::offset).containsExactly(9_500L, 9_501L, 9_502L);

        // a follower's truncation, then new records written over where the old ones were
        List<LogRecord> removed = log.truncateTo(11_000);
        assertThat(removed).hasSize(1_000).first().extracting(LogRecord::offset).isEqualTo(11_000L);
        model.tailMap(11_000L).clear();
        List<PartitionLog.Append> more = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            more.add(new PartitionLog.Append(null, ProducerRecord.utf8("w" + i), Map.of(), 50_000 + i));
            model.put(11_000L + i, "w" + i);
        }
        log.append(more, 1, 0, Long.MAX_VALUE, Long.MAX_VALUE);

        List<String> expected = new java.util.ArrayList<>();
        model.forEach((o, v) -> expected.add(o + "=" + v));
        assertThat(texts(log)).isEqualTo(expected);
        assertThat(log.logEndOffset()).isEqualTo(16_000);
        assertThat(log.recordAt(15_999).leaderEpoch()).isEqualTo(1);
    }
}
