package dev.kafkalab.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * How a keyed record finds its partition, one visible step at a time:
 * key bytes -> murmur2 -> toPositive -> mod N. Mirrors Kafka's {@code Utils.murmur2},
 * {@code Utils.toPositive} and {@code BuiltInPartitioner.partitionForKey}.
 */
public final class KeyHashing {
    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;
    private static final int R = 24;
    /** Four key bytes read at once, lowest first: the same int Kafka assembles byte by byte. */
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Every intermediate value, so the app can animate the hashing with the real numbers. */
    public record Steps(byte[] keyBytes, int murmur2, int positive, int numPartitions, int partition) {
    }

    private KeyHashing() {
    }

    /** The 32-bit murmur2 hash exactly as Kafka computes it. */
    @SuppressWarnings("fallthrough")
    public static int murmur2(byte[] data) {
        int length = data.length;
        int h = SEED ^ length;
        int blocks = length >>> 2;
        for (int i = 0; i < blocks; i++) {
            int k = (int) INT_LE.get(data, i << 2);
            k *= M;
            k ^= k >>> R;
            k *= M;
            h *= M;
            h ^= k;
        }
        int tail = blocks << 2;
        switch (length & 3) {
            case 3:
                h ^= (data[tail + 2] & 0xff) << 16;
                // fall through: the tail bytes are mixed from the highest down
            case 2:
                h ^= (data[tail + 1] & 0xff) << 8;
                // fall through
            case 1:
                h ^= data[tail] & 0xff;
                h *= M;
                break;
            default:
                break;
        }
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return h;
    }

    /** Clears the sign bit; NOT Math.abs, which would send some keys elsewhere. */
    public static int toPositive(int n) {
        return n & 0x7fffffff;
    }

    public static int partitionForKey(byte[] keyBytes, int numPartitions) {
        return toPositive(murmur2(keyBytes)) % numPartitions;
    }

    public static Steps steps(byte[] keyBytes, int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("numPartitions must be at least 1, got " + numPartitions);
        }
        int hash = murmur2(keyBytes);
        int positive = toPositive(hash);
        return new Steps(keyBytes.clone(), hash, positive, numPartitions, positive % numPartitions);
    }

    /** Steps for a string key serialized as Kafka's StringSerializer does (UTF-8). */
    public static Steps steps(String key, int numPartitions) {
        return steps(key.getBytes(StandardCharsets.UTF_8), numPartitions);
    }
}
