package dev.kafkalab.scenario;

import java.util.Map;

/**
 * {@code produce}: send one record, or {@code count} records whose key and value are templates where
 * {@code {i}} stands for 0..count-1. Keys, values and header values are the text of YAML scalars
 * ({@code key: 42} is the key "42").
 *
 * @param key        null = keyless (absent or null in the file)
 * @param keyPresent whether the file has a {@code key} field at all (even {@code key: null})
 * @param value      null = tombstone (absent or null in the file)
 * @param headers    header name -> value (a value may be null), in file order
 * @param timestamp  null = the producer's current time; else >= 0
 * @param partition  null = the partitioner decides; else >= 0
 * @param count      null = a single record; else >= 1
 * @param valueBytes null = the value as given; else every value is exactly this many bytes (>= 0)
 * @param valueFormat how the value text becomes bytes: {@link ValueFormats.Format#STRING} (UTF-8, the
 *                    default), or JSON, Avro, Protobuf serialised from a flat JSON object
 */
public record Produce(int step, int index, Location location, String producer, String topic, String key,
                      boolean keyPresent, String value, Map<String, String> headers, Long timestamp,
                      Integer partition, Integer count, Integer valueBytes, ValueFormats.Format valueFormat)
        implements Action {
    public Produce {
        headers = Copies.map(headers);
        valueFormat = valueFormat == null ? ValueFormats.Format.STRING : valueFormat;
    }

    /** A record whose value is UTF-8 text. */
    public Produce(int step, int index, Location location, String producer, String topic, String key,
                   boolean keyPresent, String value, Map<String, String> headers, Long timestamp,
                   Integer partition, Integer count, Integer valueBytes) {
        this(step, index, location, producer, topic, key, keyPresent, value, headers, timestamp, partition, count,
                valueBytes, ValueFormats.Format.STRING);
    }

    @Override
    public String name() {
        return "produce";
    }
}
