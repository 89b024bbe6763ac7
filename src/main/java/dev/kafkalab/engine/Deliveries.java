package dev.kafkalab.engine;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A producer's delivery results in columns, read as a list of {@link Delivery}: one entry per record
 * sent, kept without an object per record. Keys stay as the bytes sent until someone reads them. The
 * columns grow in fixed blocks, so a million results never copy a column to grow it.
 */
final class Deliveries extends AbstractList<Delivery> implements RandomAccess {
    private static final int BLOCK_BITS = 12;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int MASK = BLOCK - 1;

    private long[][] sequences = new long[4][];
    private String[][] topics = new String[4][];
    private int[][] partitions = new int[4][];
    private long[][] offsets = new long[4][];
    /** The key as sent (byte[]), as text (String) for records refused before they were serialised, or null. */
    private Object[][] keys = new Object[4][];
    private long[][] timestamps = new long[4][];
    /** Error name and message; a block stays null until a record in it fails. */
    private String[][] errors = new String[4][];
    private String[][] messages = new String[4][];
    private int size;

    void add(long sequence, String topic, int partition, long offset, Object key, long timestamp, String error,
             String message) {
        int b = size >>> BLOCK_BITS;
        int i = size & MASK;
        if (i == 0) {
            addBlock(b);
        }
        sequences[b][i] = sequence;
        topics[b][i] = topic;
        partitions[b][i] = partition;
        offsets[b][i] = offset;
        keys[b][i] = key;
        timestamps[b][i] = timestamp;
        if (error != null || message != null) {
            if (errors[b] == null) {
                errors[b] = new String[BLOCK];
                messages[b] = new String[BLOCK];
            }
            errors[b][i] = error;
            messages[b][i] = message;
        }
        size++;
        modCount++;
    }

    private void addBlock(int b) {
        if (b == sequences.length) {
            int cap = b * 2;
            sequences = Arrays.copyOf(sequences, cap);
            topics = Arrays.copyOf(topics, cap);
            partitions = Arrays.copyOf(partitions, cap);
            offsets = Arrays.copyOf(offsets, cap);
            keys = Arrays.copyOf(keys, cap);
            timestamps = Arrays.copyOf(timestamps, cap);
            errors = Arrays.copyOf(errors, cap);
            messages = Arrays.copyOf(messages, cap);
        }
        sequences[b] = new long[BLOCK];
        topics[b] = new String[BLOCK];
        partitions[b] = new int[BLOCK];
        offsets[b] = new long[BLOCK];
        keys[b] = new Object[BLOCK];
        timestamps[b] = new long[BLOCK];
    }

    @Override
    public Delivery get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        int b = index >>> BLOCK_BITS;
        int i = index & MASK;
        Object k = keys[b][i];
        String key = k instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) k;
        String error = errors[b] == null ? null : errors[b][i];
        String message = messages[b] == null ? null : messages[b][i];
        return new Delivery(sequences[b][i], topics[b][i], partitions[b][i], offsets[b][i], key, timestamps[b][i],
                error, message);
    }

    @Override
    public int size() {
        return size;
    }
}
