package dev.kafkalab.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Records for one partition gathered in a producer's accumulator (mirrors Kafka's {@code ProducerBatch}).
 * The records wait in columns ({@link AppendBatch}) that go to the leader as they are; beside them, the
 * send sequence of each record for its delivery result. No object is made per record.
 */
final class ProducerBatch {
    final TopicPartition tp;
    final long createdMs;
    final int batchSize;
    private AppendBatch records;
    private long[] sequences;
    private int count;
    private long firstTimestamp;
    private int estimatedBytes = RecordSizes.RECORD_BATCH_OVERHEAD;
    /** Closed for appends (sent once, or a record did not fit). */
    boolean closed;
    /** Delivered or failed: later answers are ignored. */
    boolean done;
    int attempts;
    long retryAtMs;
    int baseSequence = -1;
    long producerId = -1;

    /** A batch whose first record takes {@code firstRecordSize} bytes (its columns are sized from it). */
    ProducerBatch(TopicPartition tp, long createdMs, int batchSize, int firstRecordSize) {
        this.tp = tp;
        this.createdMs = createdMs;
        this.batchSize = batchSize;
        // room for a full batch of records like the first at once: growing step by step showed in profiles
        int capacity = Math.max(10, Math.min(1024, batchSize / Math.max(1, firstRecordSize) + 2));
        this.records = new AppendBatch(capacity);
        this.sequences = new long[capacity];
    }

    /** Records in the batch (still counted after the batch is released). */
    int recordCount() {
        return count;
    }

    /**
     * The v2 size of a record with this payload ({@link RecordSizes#sizeOfPayload}) if it were appended next at
     * {@code timestamp}.
     */
    int sizeOfNext(int payloadSize, long timestamp) {
        long firstTs = count == 0 ? timestamp : firstTimestamp;
        return RecordSizes.recordSize(count, timestamp - firstTs, payloadSize);
    }

    /** Kafka's {@code MemoryRecordsBuilder.isFull}: at least batch.size bytes are written. */
    boolean isFull() {
        return closed || (count > 0 && estimatedBytes >= batchSize);
    }

    /** Kafka's {@code hasRoomFor}: the first record always fits; later ones while within batch.size. */
    boolean hasRoomFor(int recordSize) {
        if (isFull()) {
            return false;
        }
        return count == 0 || estimatedBytes + recordSize <= batchSize;
    }

    /**
     * Adds the record, whose {@link #sizeOfNext} is {@code recordSize}, and returns the bytes it added (with the
     * batch header for the first record).
     */
    int append(long sequence, ProducerRecord r, long timestamp, int recordSize) {
        int before = count == 0 ? 0 : estimatedBytes;
        if (count == 0) {
            firstTimestamp = timestamp;
        }
        estimatedBytes += recordSize;
        if (count == sequences.length) {
            sequences = Arrays.copyOf(sequences, count * 2);
        }
        sequences[count] = sequence;
        records.add(r.key(), r.value(), r.headers(), timestamp, recordSize);
        count++;
        return estimatedBytes - before;
    }

    /** The producer's send sequence of record {@code i} (its place among the delivery results). */
    long sequence(int i) {
        return sequences[i];
    }

    byte[] key(int i) {
        return records.key(i);
    }

    long timestamp(int i) {
        return records.timestamp(i);
    }

    /**
     * Drops the records of a finished batch: its timeouts stay scheduled (and hold the batch) until they
     * come due, long after the records were delivered. A request still on its way keeps its own reference.
     */
    void release() {
        records = null;
        sequences = null;
    }

    int estimatedBytes() {
        return estimatedBytes;
    }

    /**
     * The records as written to the log, with the idempotent producer's id and sequences. Fixed when the
     * batch is first sent (its sequences are set by then); retries send the same batch.
     */
    List<PartitionLog.Append> appends() {
        records.producerId = producerId;
        records.baseSequence = baseSequence;
        return records;
    }
}
