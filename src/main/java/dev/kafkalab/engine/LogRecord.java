package dev.kafkalab.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One record as stored in a partition log: the offset the broker gave it, its timestamp,
 * key and value bytes (either may be null) and headers, the leader epoch it was written in, and
 * the idempotent producer's id and sequence (-1 when none). A read-only view; the log stores columns.
 */
public record LogRecord(long offset, long timestamp, byte[] key, byte[] value, Map<String, String> headers,
                        int leaderEpoch, int sizeInBytes, long producerId, int sequence, boolean batchStart) {

    /** The key as text (UTF-8), or null for a keyless record. */
    public String keyString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** The value as text (UTF-8), or null for a tombstone. */
    public String valueString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
