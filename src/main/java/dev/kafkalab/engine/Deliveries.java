package dev.kafkalab.engine;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A producer's delivery results in columns, read as a list of {@link Delivery}: one entry per record
 * sent, kept without an object per record. Keys stay as the bytes sent until someone reads them.
 */
final class Deliveries extends AbstractList<Delivery> implements RandomAccess {
    private long[] sequences = new long[16];
    private String[] topics = new String[16];
    private int[] partitions = new int[16];
    private long[] offsets = new long[16];
    /** The key as sent (byte[]), as text (String) for records refused before they were serialised, or null. */
    private Object[] keys = new Object[16];
    private long[] timestamps = new long[16];
    private String[] errors = new String[16];
    private String[] messages = new String[16];
    private int size;

    void add(long sequence, String topic, int partition, long offset, Object key, long timestamp, String error,
             String message) {
        if (size == sequences.length) {
            int cap = size * 2;
            sequences = Arrays.copyOf(sequences, cap);
            topics = Arrays.copyOf(topics, cap);
            partitions = Arrays.copyOf(partitions, cap);
            offsets = Arrays.copyOf(offsets, cap);
            keys = Arrays.copyOf(keys, cap);
            timestamps = Arrays.copyOf(timestamps, cap);
            errors = Arrays.copyOf(errors, cap);
            messages = Arrays.copyOf(messages, cap);
        }
        sequences[size] = sequence;
        topics[size] = topic;
        partitions[size] = partition;
        offsets[size] = offset;
        keys[size] = key;
        timestamps[size] = timestamp;
        errors[size] = error;
        messages[size] = message;
        size++;
        modCount++;
    }

    @Override
    public Delivery get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + ", size " + size);
        }
        Object k = keys[i];
        String key = k instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) k;
        return new Delivery(sequences[i], topics[i], partitions[i], offsets[i], key, timestamps[i], errors[i],
                messages[i]);
    }

    @Override
    public int size() {
        return size;
    }
}
