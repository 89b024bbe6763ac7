package dev.kafkalab.engine;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record a producer sends. {@code partition} and {@code timestamp} may be null (the partitioner and
 * the producer's clock decide); a null key makes a keyless record and a null value a tombstone.
 */
public record ProducerRecord(String topic, Integer partition, Long timestamp, byte[] key, byte[] value,
                             Map<String, String> headers) {
    public ProducerRecord {
        headers = headers == null || headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A record with string key and value encoded as Kafka's StringSerializer does (UTF-8). */
    public static ProducerRecord of(String topic, String key, String value) {
        return new ProducerRecord(topic, null, null, utf8(key), utf8(value), Map.of());
    }

    public static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    public String keyString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    public String valueString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
