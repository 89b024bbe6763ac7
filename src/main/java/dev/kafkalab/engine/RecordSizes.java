package dev.kafkalab.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Byte sizes of Kafka's v2 record format (mirrors {@code DefaultRecord} and {@code DefaultRecordBatch}). */
public final class RecordSizes {
    /** Bytes of a record batch header. */
    public static final int RECORD_BATCH_OVERHEAD = 61;
    /** Worst-case framing of one record, used by the producer's size check. */
    public static final int MAX_RECORD_OVERHEAD = 21;
    /** Bytes the broker's limit allows beyond 1 MiB (the log overhead of offset and size). */
    public static final int LOG_OVERHEAD = 12;

    private RecordSizes() {
    }

    /** Bytes of the zig-zag varint: one per 7 significant bits, at least one (no loop: it runs per record). */
    public static int varintSize(int value) {
        int zeros = Integer.numberOfLeadingZeros((value << 1) ^ (value >> 31));
        return (38 - zeros) / 7 + (zeros >>> 5);
    }

    /** Bytes of the zig-zag varlong, computed as {@link #varintSize}. */
    public static int varlongSize(long value) {
        int zeros = Long.numberOfLeadingZeros((value << 1) ^ (value >> 63));
        return (70 - zeros) / 7 + (zeros >>> 6);
    }

    private static int bytesField(byte[] b) {
        return b == null ? 1 : varintSize(b.length) + b.length;
    }

    /** Key, value and headers as written inside a record. */
    static int sizeOfPayload(byte[] key, byte[] value, Map<String, String> headers) {
        int size = bytesField(key) + bytesField(value);
        size += varintSize(headers.size());
        if (headers.isEmpty()) {
            return size;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            byte[] hk = h.getKey().getBytes(StandardCharsets.UTF_8);
            size += varintSize(hk.length) + hk.length;
            size += bytesField(h.getValue() == null ? null : h.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return size;
    }

    /** Exact size of one record at the given deltas from its batch's base offset and timestamp. */
    public static int recordSize(int offsetDelta, long timestampDelta, byte[] key, byte[] value,
                                 Map<String, String> headers) {
        int body = 1 + varlongSize(timestampDelta) + varintSize(offsetDelta) + sizeOfPayload(key, value, headers);
        return varintSize(body) + body;
    }

    /** As {@link #recordSize(int, long, byte[], byte[], Map)}, from the payload's {@link #sizeOfPayload}. */
    static int recordSize(int offsetDelta, long timestampDelta, int payloadSize) {
        int body = 1 + varlongSize(timestampDelta) + varintSize(offsetDelta) + payloadSize;
        return varintSize(body) + body;
    }

    /** The producer's upper bound for a record alone in a batch ({@code estimateSizeInBytesUpperBound}). */
    public static int producerUpperBound(byte[] key, byte[] value, Map<String, String> headers) {
        return RECORD_BATCH_OVERHEAD + MAX_RECORD_OVERHEAD + sizeOfPayload(key, value, headers);
    }
}
