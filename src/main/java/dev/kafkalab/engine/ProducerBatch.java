package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.List;

/** Records for one partition gathered in a producer's accumulator (mirrors Kafka's {@code ProducerBatch}). */
final class ProducerBatch {
    /** One record waiting in the batch, with what its delivery result needs. */
    record Entry(long sequence, ProducerRecord record, long timestamp, PartitionLog.Append append) {
    }

    final TopicPartition tp;
    final long createdMs;
    final int batchSize;
    final ArrayList<Entry> entries;
    private int estimatedBytes = RecordSizes.RECORD_BATCH_OVERHEAD;
    /** Closed for appends (sent once, or a record did not fit). */
    boolean closed;
    /** Delivered or failed: later answers are ignored. */
    boolean done;
    int attempts;
    long retryAtMs;
    int baseSequence = -1;
    long producerId = -1;
    private List<PartitionLog.Append> appends;

    ProducerBatch(TopicPartition tp, long createdMs, int batchSize) {
        this.tp = tp;
        this.createdMs = createdMs;
        this.batchSize = batchSize;
        // room for a full batch of small records at once: growing the list step by step showed in profiles
        this.entries = new ArrayList<>(Math.max(10, Math.min(1024, batchSize / 64)));
    }

    private int sizeOfNext(ProducerRecord r, long timestamp) {
        long firstTs = entries.isEmpty() ? timestamp : entries.get(0).timestamp();
        return RecordSizes.recordSize(entries.size(), timestamp - firstTs, r.key(), r.value(), r.headers());
    }

    /** Kafka's {@code MemoryRecordsBuilder.isFull}: at least batch.size bytes are written. */
    boolean isFull() {
        return closed || (!entries.isEmpty() && estimatedBytes >= batchSize);
    }

    /** Kafka's {@code hasRoomFor}: the first record always fits; later ones while within batch.size. */
    boolean hasRoomFor(ProducerRecord r, long timestamp) {
        if (isFull()) {
            return false;
        }
        return entries.isEmpty() || estimatedBytes + sizeOfNext(r, timestamp) <= batchSize;
    }

    /** Adds the record and returns the bytes it added (with the batch header for the first record). */
    int append(long sequence, ProducerRecord r, long timestamp) {
        int before = entries.isEmpty() ? 0 : estimatedBytes;
        estimatedBytes += sizeOfNext(r, timestamp);
        entries.add(new Entry(sequence, r, timestamp, new PartitionLog.Append(r.key(), r.value(), r.headers(),
                timestamp)));
        return estimatedBytes - before;
    }

    /**
     * Drops the records of a finished batch: its timeouts stay scheduled (and hold the batch) until they
     * come due, long after the records were delivered.
     */
    void release() {
        entries.clear();
        entries.trimToSize();
        appends = null;
    }

    int estimatedBytes() {
        return estimatedBytes;
    }

    /**
     * The records as written to the log, with the idempotent producer's id and sequences. Built once, when
     * the batch is first sent (its sequences are fixed by then); retries send the same list.
     */
    List<PartitionLog.Append> appends() {
        if (appends == null) {
            List<PartitionLog.Append> out = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                PartitionLog.Append a = entries.get(i).append();
                out.add(producerId < 0 && baseSequence < 0 ? a : new PartitionLog.Append(a.key(), a.value(),
                        a.headers(), a.timestamp(), producerId, baseSequence < 0 ? -1 : baseSequence + i));
            }
            appends = java.util.Collections.unmodifiableList(out);
        }
        return appends;
    }
}
