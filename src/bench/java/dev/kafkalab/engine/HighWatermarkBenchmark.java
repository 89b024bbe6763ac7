package dev.kafkalab.engine;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The leader's high-watermark and ISR bookkeeping on a 3-broker cluster, RF 3, acks=all: each operation
 * lets both followers catch up by one record and moves the high watermark (an event nobody listens to,
 * as when running headless); the ISR check runs Kafka's expiration pass over 50 partitions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HighWatermarkBenchmark {
    static final int RECORDS = 100_000;

    Simulation sim;
    Replica leader;
    Replica.FollowerState[] followers;

    @Setup
    public void cluster() {
        sim = new Simulation(1, 3, Map.of());
        sim.setRecordTrace(false);
        sim.createTopic("hw", 1, 3, null, Map.of("min.insync.replicas", 2));
        sim.createTopic("many", 50, 3, null, Map.of());
        Producer p = sim.createProducer("p", Map.of("acks", "all", "linger.ms", 0));
        for (int i = 0; i < RECORDS; i++) {
            p.send(new ProducerRecord("hw", 0, null, null, new byte[10], null));
            if (i % 1000 == 999) {
                sim.runUntilIdle();
            }
        }
        sim.runUntilIdle();
        Partition part = sim.cluster().topic("hw").partition(0);
        leader = part.replica(part.leader());
        followers = leader.followers.values().toArray(new Replica.FollowerState[0]);
        rewind();
    }

    /** Back to a high watermark of 0 with the followers at 0: the records to catch up on are there again. */
    private void rewind() {
        leader.highWatermark = 0;
        for (Replica.FollowerState f : followers) {
            f.logEndOffset = 0;
        }
    }

    @Benchmark
    public long followersCatchUpOneRecord() {
        if (followers[0].logEndOffset >= RECORDS) {
            rewind();
        }
        for (Replica.FollowerState f : followers) {
            f.logEndOffset++;
        }
        sim.replicaManager().maybeIncrementHighWatermark(leader);
        return leader.highWatermark;
    }

    @Benchmark
    public Simulation isrExpirationCheck() {
        sim.replicaManager().checkIsrExpiration(leader.broker());
        return sim;
    }
}
