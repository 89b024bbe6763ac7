package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Places replicas the way Kafka's KRaft controller does for a cluster without racks
 * (mirrors {@code StripedReplicaPlacer} with one rack): a rotating start over the sorted
 * unfenced brokers, so leaders spread evenly; reshuffled after every full round.
 */
final class ReplicaPlacer {
    /** A list that hands out each broker once per epoch, starting at a rotating offset. */
    private static final class BrokerList {
        private final List<Integer> brokers = new ArrayList<>();
        private int index;
        private int offset;
        private int epoch;

        void initialize(Random random, int previousOffset) {
            if (!brokers.isEmpty()) {
                Collections.sort(brokers);
                offset = previousOffset >= 0 ? (previousOffset + 1) % brokers.size() : random.nextInt(brokers.size());
            }
        }

        int next(int iterationEpoch) {
            if (brokers.isEmpty()) {
                return -1;
            }
            if (epoch != iterationEpoch) {
                epoch = iterationEpoch;
                index = 0;
                offset = (offset + 1) % brokers.size();
            }
            if (index >= brokers.size()) {
                return -1;
            }
            return brokers.get((index++ + offset) % brokers.size());
        }
    }

    private ReplicaPlacer() {
    }

    /**
     * @param existing the assignment of the topic's existing partitions (empty for a new topic);
     *                 new partitions continue after the last existing leader, as Kafka does
     */
    static List<List<Integer>> place(Random random, List<Integer> unfenced, List<Integer> fenced, int numPartitions,
                                     int replicationFactor, List<List<Integer>> existing) {
        if (replicationFactor <= 0) {
            throw new KafkaException("InvalidReplicationFactorException",
                    "Replication factor must be larger than 0, or -1 to use the default value.");
        }
        int total = unfenced.size() + fenced.size();
        if (unfenced.isEmpty()) {
            throw new KafkaException("InvalidReplicationFactorException", "All brokers are currently fenced.");
        }
        if (replicationFactor > total) {
            throw new KafkaException("InvalidReplicationFactorException", "The target replication factor of "
                    + replicationFactor + " cannot be reached because only " + total + " broker(s) are registered.");
        }
        BrokerList up = new BrokerList();
        up.brokers.addAll(unfenced);
        BrokerList down = new BrokerList();
        down.brokers.addAll(fenced);
        down.initialize(random, -1);
        up.initialize(random, previousLeaderIndex(existing, up));
        if (existing.isEmpty()) {
            random.nextInt(1); // Kafka draws the first rack even when there is only one
        }
        List<List<Integer>> out = new ArrayList<>(numPartitions);
        int epoch = 0;
        for (int p = 0; p < numPartitions; p++) {
            if (epoch == unfenced.size() && unfenced.size() > 1) {
                Collections.shuffle(down.brokers, random);
                Collections.shuffle(up.brokers, random);
                epoch = 0;
            }
            List<Integer> replicas = new ArrayList<>(replicationFactor);
            replicas.add(up.next(epoch));
            while (replicas.size() < replicationFactor) {
                int b = up.next(epoch);
                replicas.add(b >= 0 ? b : down.next(epoch));
            }
            out.add(List.copyOf(replicas));
            epoch++;
        }
        return out;
    }

    private static int previousLeaderIndex(List<List<Integer>> existing, BrokerList up) {
        for (int i = existing.size() - 1; i >= 0; i--) {
            if (!existing.get(i).isEmpty()) {
                List<Integer> sorted = new ArrayList<>(up.brokers);
                Collections.sort(sorted);
                return sorted.indexOf(existing.get(i).get(0));
            }
        }
        return -1;
    }
}
