package dev.kafkalab.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A record as a consumer receives it: where it came from (topic, partition, offset) and what was stored,
 * with Kafka's {@code ConsumerRecord} accessors ({@link #key()}, {@link #value()}, {@link #timestamp()},
 * {@link #headers()}, {@link #leaderEpoch()}). One object per record: a poll hands out many.
 */
public final class ConsumerRecord {
    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestamp;
    private final byte[] key;
    private final byte[] value;
    private final Map<String, String> headers;
    private final int leaderEpoch;
    private final int sizeInBytes;
    private final long producerId;
    private final int sequence;
    private final boolean batchStart;

    public ConsumerRecord(String topic, int partition, LogRecord r) {
        this(topic, partition, r.offset(), r.timestamp(), r.key(), r.value(), r.headers(), r.leaderEpoch(),
                r.sizeInBytes(), r.producerId(), r.sequence(), r.batchStart());
    }

    ConsumerRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                   Map<String, String> headers, int leaderEpoch, int sizeInBytes, long producerId, int sequence,
                   boolean batchStart) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.headers = headers;
        this.leaderEpoch = leaderEpoch;
        this.sizeInBytes = sizeInBytes;
        this.producerId = producerId;
        this.sequence = sequence;
        this.batchStart = batchStart;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    public long timestamp() {
        return timestamp;
    }

    /** The key bytes, or null for a keyless record. */
    public byte[] key() {
        return key;
    }

    /** The value bytes, or null for a tombstone. */
    public byte[] value() {
        return value;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public int leaderEpoch() {
        return leaderEpoch;
    }

    /** The key as text (UTF-8), or null. */
    public String keyString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** The value as text (UTF-8), or null. */
    public String valueString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The record as the log stores it (made on demand). */
    public LogRecord record() {
        return new LogRecord(offset, timestamp, key, value, headers, leaderEpoch, sizeInBytes, producerId, sequence,
                batchStart);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumerRecord c && partition == c.partition && offset == c.offset
                && timestamp == c.timestamp && leaderEpoch == c.leaderEpoch && sizeInBytes == c.sizeInBytes
                && producerId == c.producerId && sequence == c.sequence && batchStart == c.batchStart
                && topic.equals(c.topic) && Arrays.equals(key, c.key) && Arrays.equals(value, c.value)
                && headers.equals(c.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset);
    }

    @Override
    public String toString() {
        return "ConsumerRecord[" + topic + "-" + partition + "@" + offset + ", key=" + keyString() + ", value="
                + valueString() + "]";
    }
}
