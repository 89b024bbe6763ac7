package dev.kafkalab.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The records of one producer batch as the broker appends them, kept in columns: a producer fills it
 * record by record, then hands it to the leader as it is (Kafka's produce request carries the batch, not
 * records). Each record's v2 size is worked out once, when the producer adds it, and the log reuses it.
 * Read as a list, each {@link PartitionLog.Append} is made on demand. Once sent it does not change.
 */
final class AppendBatch extends AbstractList<PartitionLog.Append> implements RandomAccess {
    private byte[][] keys;
    private byte[][] values;
    private Object[] headers;
    private long[] timestamps;
    private int[] sizes;
    private int count;
    /** Bytes of the whole batch with Kafka's v2 framing (header plus records). */
    private int bytes = RecordSizes.RECORD_BATCH_OVERHEAD;
    private long maxTimestamp = -1;
    /** Key and value bytes of all records together. */
    private int dataBytes;
    /** The idempotent producer's id and the first record's sequence, or -1. */
    long producerId = -1;
    int baseSequence = -1;

    AppendBatch(int capacity) {
        int cap = Math.max(1, capacity);
        keys = new byte[cap][];
        values = new byte[cap][];
        headers = new Object[cap];
        timestamps = new long[cap];
        sizes = new int[cap];
    }

    /** Adds a record of {@code size} bytes (its v2 size at this position in the batch). */
    void add(byte[] key, byte[] value, Map<String, String> hdrs, long timestamp, int size) {
        if (count == keys.length) {
            int cap = count * 2;
            keys = Arrays.copyOf(keys, cap);
            values = Arrays.copyOf(values, cap);
            headers = Arrays.copyOf(headers, cap);
            timestamps = Arrays.copyOf(timestamps, cap);
            sizes = Arrays.copyOf(sizes, cap);
        }
        keys[count] = key;
        values[count] = value;
        headers[count] = hdrs.isEmpty() ? null : hdrs;
        timestamps[count] = timestamp;
        sizes[count] = size;
        count++;
        bytes += size;
        dataBytes += (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        maxTimestamp = Math.max(maxTimestamp, timestamp);
    }

    byte[] key(int i) {
        return keys[i];
    }

    byte[] value(int i) {
        return values[i];
    }

    @SuppressWarnings("unchecked")
    Map<String, String> headers(int i) {
        Object h = headers[i];
        return h == null ? Map.of() : (Map<String, String>) h;
    }

    long timestamp(int i) {
        return timestamps[i];
    }

    /** The record's v2 size in this batch. */
    int recordSize(int i) {
        return sizes[i];
    }

    /** The batch's size with its header, as the log will count it. */
    int sizeInBytes() {
        return bytes;
    }

    /** Key and value bytes of all records together (what the log's byte store takes). */
    int dataBytes() {
        return dataBytes;
    }

    long maxTimestamp() {
        return maxTimestamp;
    }

    /** The sequence of record {@code i}, or -1 when the producer is not idempotent. */
    int sequence(int i) {
        return baseSequence < 0 ? -1 : baseSequence + i;
    }

    @Override
    public PartitionLog.Append get(int i) {
        Objects.checkIndex(i, count);
        return new PartitionLog.Append(keys[i], values[i], headers(i), timestamps[i], producerId, sequence(i));
    }

    @Override
    public int size() {
        return count;
    }
}
