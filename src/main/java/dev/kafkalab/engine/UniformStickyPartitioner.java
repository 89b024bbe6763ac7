package dev.kafkalab.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Kafka 4.x's choice for keyless records (mirrors {@code BuiltInPartitioner}, KIP-794): stay on one
 * partition until at least {@code batch.size} bytes went there and its batch is full or sent;
 * always move on at twice {@code batch.size}. The next partition is drawn at random among the
 * partitions that have a leader (it may be the same one again).
 */
public final class UniformStickyPartitioner {
    private final Random random;
    private final int batchSize;
    private final Map<String, Sticky> sticky = new HashMap<>();
    private String lastTopic;
    private Sticky lastSticky;

    private static final class Sticky {
        final int partition;
        long producedBytes;

        Sticky(int partition) {
            this.partition = partition;
        }
    }

    /** What {@link #update} did. */
    public record Update(int from, int to, long producedBytes, boolean switched, boolean twiceBatchSize,
                         int batchSize) {
        /** Why the partition changed, in words (made only when someone reads it); empty when it did not. */
        public String reason() {
            if (!switched) {
                return "";
            }
            return twiceBatchSize
                    ? "produced " + producedBytes + " bytes, at least twice batch.size (" + batchSize + ")"
                    : "produced " + producedBytes + " bytes >= batch.size (" + batchSize
                            + ") and the batch is full or sent";
        }
    }

    public UniformStickyPartitioner(Random random, int batchSize) {
        this.random = random;
        this.batchSize = Math.max(1, batchSize);
    }

    /**
     * The partition the next keyless record of {@code topic} goes to.
     *
     * @param available     partitions that currently have a leader
     * @param numPartitions all partitions of the topic
     */
    public int current(String topic, List<Integer> available, int numPartitions) {
        Sticky s = sticky(topic);
        if (s == null) {
            s = new Sticky(next(available, numPartitions));
            remember(topic, s);
        }
        return s.partition;
    }

    /** The topic's sticky state; the last topic asked for is remembered (a producer mostly sends to one). */
    private Sticky sticky(String topic) {
        if (topic == lastTopic) {
            return lastSticky;
        }
        Sticky s = sticky.get(topic);
        if (s != null) {
            lastTopic = topic;
            lastSticky = s;
        }
        return s;
    }

    private void remember(String topic, Sticky s) {
        sticky.put(topic, s);
        lastTopic = topic;
        lastSticky = s;
    }

    /**
     * Counts bytes appended to the sticky partition and switches when Kafka would.
     *
     * @param enableSwitch true when every batch of that partition is full or already sent
     */
    public Update update(String topic, int appendedBytes, boolean enableSwitch, List<Integer> available,
                         int numPartitions) {
        Sticky s = sticky(topic);
        if (s == null) {
            return new Update(-1, -1, 0, false, false, batchSize);
        }
        Update switched = count(topic, s, appendedBytes, enableSwitch, available, numPartitions);
        return switched != null ? switched
                : new Update(s.partition, s.partition, s.producedBytes, false, false, batchSize);
    }

    /** As {@link #update}, but null when the partition stays (nothing is made per record sent). */
    Update switchIfDue(String topic, int appendedBytes, boolean enableSwitch, List<Integer> available,
                       int numPartitions) {
        Sticky s = sticky(topic);
        return s == null ? null : count(topic, s, appendedBytes, enableSwitch, available, numPartitions);
    }

    private Update count(String topic, Sticky s, int appendedBytes, boolean enableSwitch, List<Integer> available,
                         int numPartitions) {
        s.producedBytes += appendedBytes;
        long produced = s.producedBytes;
        boolean twice = produced >= 2L * batchSize;
        if (!twice && !(produced >= batchSize && enableSwitch)) {
            return null;
        }
        Sticky next = new Sticky(next(available, numPartitions));
        remember(topic, next);
        return new Update(s.partition, next.partition, produced, true, twice, batchSize);
    }

    private int next(List<Integer> available, int numPartitions) {
        int r = KeyHashing.toPositive(random.nextInt());
        return available.isEmpty() ? r % numPartitions : available.get(r % available.size());
    }
}
