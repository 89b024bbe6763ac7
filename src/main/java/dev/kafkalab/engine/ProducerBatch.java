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
    final List<Entry> entries = new ArrayList<>();
    private int estimatedBytes = RecordSizes.RECORD_BATCH_OVERHEAD;
    boolean sent;

    ProducerBatch(TopicPartition tp, long createdMs, int batchSize) {
        this.tp = tp;
        this.createdMs = createdMs;
        this.batchSize = batchSize;
    }

    private int sizeOfNext(ProducerRecord r, long timestamp) {
        long firstTs = entries.isEmpty() ? timestamp : entries.get(0).timestamp();
        return RecordSizes.recordSize(entries.size(), timestamp - firstTs, r.key(), r.value(), r.headers());
    }

    /** Kafka's {@code MemoryRecordsBuilder.isFull}: at least batch.size bytes are written. */
    boolean isFull() {
        return !entries.isEmpty() && estimatedBytes >= batchSize;
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

    int estimatedBytes() {
        return estimatedBytes;
    }

    List<PartitionLog.Append> appends() {
        List<PartitionLog.Append> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.append());
        }
        return out;
    }
}
