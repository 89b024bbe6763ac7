package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Appending to a partition log, one batch of 100 keyless 100-byte records per operation (reported per
 * record): as a producer hands it over (columns, sizes known) and as a list of records (the path of
 * internal writers such as the group coordinator). A fresh log every iteration keeps the heap from
 * filling up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LogAppendBenchmark {
    static final int BATCH = 100;

    PartitionLog log;
    List<PartitionLog.Append> batch;
    AppendBatch columns;
    long now;

    @Setup(Level.Iteration)
    public void freshLog() {
        log = new PartitionLog(0);
        batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            batch.add(new PartitionLog.Append(null, new byte[100], Map.of(), i));
        }
        columns = new AppendBatch(BATCH);
        for (int i = 0; i < BATCH; i++) {
            columns.add(null, new byte[100], Map.of(), i, RecordSizes.recordSize(i, i, null, new byte[100], Map.of()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long appendProducerBatch() {
        return append(columns);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long appendRecordList() {
        return append(batch);
    }

    private long append(List<PartitionLog.Append> records) {
        PartitionLog.AppendInfo info = log.append(records, 0, now++, 1L << 30, 7L * 24 * 3600 * 1000);
        if (log.recordCount() > 5_000_000) {
            log = new PartitionLog(now);
        }
        return info.lastOffset();
    }
}
