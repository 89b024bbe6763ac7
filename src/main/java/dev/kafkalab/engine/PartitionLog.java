package dev.kafkalab.engine;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.TreeMap;

/**
 * The append-only log of one partition replica: consecutive offsets, a log start offset,
 * a log end offset and segments. Records are kept in columns and their bytes packed in chunks (no object
 * per record).
 * Mirrors the parts of Kafka's {@code UnifiedLog} that a learner can see.
 */
public final class PartitionLog {
    private static final int INITIAL_CAPACITY = 16;

    private long[] offsets = new long[INITIAL_CAPACITY];
    private long[] timestamps = new long[INITIAL_CAPACITY];
    /** Where each record's key and value bytes start in {@link #bytes}. */
    private long[] dataPositions = new long[INITIAL_CAPACITY];
    /** Key and value lengths; -1 for a null key (keyless) or a null value (tombstone). */
    private int[] keyLengths = new int[INITIAL_CAPACITY];
    private int[] valueLengths = new int[INITIAL_CAPACITY];
    private RecordBytes bytes = new RecordBytes();
    private Object[] headers = new Object[INITIAL_CAPACITY];
    private int[] sizes = new int[INITIAL_CAPACITY];
    private int[] epochs = new int[INITIAL_CAPACITY];
    private long[] producerIds = new long[INITIAL_CAPACITY];
    private int[] sequences = new int[INITIAL_CAPACITY];
    private boolean[] batchStarts = new boolean[INITIAL_CAPACITY];
    private int head;
    private int tail;

    private long logStartOffset;
    private long logEndOffset;
    private final List<LogSegment> segments = new ArrayList<>();
    /** Leader epoch cache: (epoch, start offset) pairs, ascending (mirrors {@code LeaderEpochFileCache}). */
    private final List<long[]> epochStarts = new ArrayList<>();
    /** Where the log cleaner stopped last time (Kafka's cleaner-offset-checkpoint), or -1 when never cleaned. */
    private long cleanerCheckpoint = -1;
    /** Tombstones the cleaner kept (KIP-534): offset -> the time after which a cleaning pass may remove it. */
    private final TreeMap<Long, Long> deleteHorizons = new TreeMap<>();

    PartitionLog(long createdMs) {
        segments.add(new LogSegment(0, createdMs));
    }

    /**
     * A record to append; the log assigns its offset. {@code producerId} and {@code sequence} are -1
     * unless an idempotent producer sent it.
     */
    public record Append(byte[] key, byte[] value, Map<String, String> headers, long timestamp, long producerId,
                         int sequence) {
        public Append(byte[] key, byte[] value, Map<String, String> headers, long timestamp) {
            this(key, value, headers, timestamp, -1, -1);
        }

        Append withTimestamp(long ts) {
            return new Append(key, value, headers, ts, producerId, sequence);
        }
    }

    /** What one batch append did. */
    public record AppendInfo(long baseOffset, long lastOffset, int sizeInBytes, long maxTimestamp,
                             LogSegment rolledTo) {
    }

    /** Size in bytes the batch will take, with Kafka's v2 framing. */
    static int batchSize(List<Append> batch) {
        if (batch instanceof AppendBatch columns) {
            return columns.sizeInBytes();
        }
        int size = RecordSizes.RECORD_BATCH_OVERHEAD;
        long firstTs = batch.isEmpty() ? 0 : batch.get(0).timestamp();
        for (int i = 0; i < batch.size(); i++) {
            Append r = batch.get(i);
            size += RecordSizes.recordSize(i, r.timestamp() - firstTs, r.key(), r.value(), r.headers());
        }
        return size;
    }

    /**
     * Appends one batch at consecutive offsets from the log end offset, rolling to a new segment
     * first when Kafka would ({@code segment.bytes} or {@code segment.ms}).
     */
    AppendInfo append(List<Append> batch, int leaderEpoch, long nowMs, long segmentBytes, long segmentMs) {
        int batchBytes = batchSize(batch);
        AppendBatch columns = batch instanceof AppendBatch c ? c : null;
        long maxTs = -1;
        if (columns != null) {
            maxTs = columns.maxTimestamp();
        } else {
            for (Append r : batch) {
                maxTs = Math.max(maxTs, r.timestamp());
            }
        }
        LogSegment rolled = null;
        LogSegment active = activeSegment();
        if (active.shouldRoll(batchBytes, maxTs, nowMs, segmentBytes, segmentMs)) {
            rolled = new LogSegment(logEndOffset, nowMs);
            segments.add(rolled);
            active = rolled;
        }
        long base = logEndOffset;
        assignEpochStart(leaderEpoch, base);
        if (columns != null) {
            // the producer's batch as it came: sizes were worked out when the records were added, and the
            // bytes of all its records go into the store in one pass
            int n = columns.size();
            ensureRoom(n);
            bytes.putAll(columns, dataPositions, tail);
            for (int i = 0; i < n; i++) {
                int t = tail + i;
                byte[] key = columns.key(i);
                byte[] value = columns.value(i);
                offsets[t] = base + i;
                timestamps[t] = columns.timestamp(i);
                keyLengths[t] = key == null ? -1 : key.length;
                valueLengths[t] = value == null ? -1 : value.length;
                Map<String, String> h = columns.headers(i);
                headers[t] = h.isEmpty() ? null : h;
                epochs[t] = leaderEpoch;
                sizes[t] = columns.recordSize(i);
                producerIds[t] = columns.producerId;
                sequences[t] = columns.sequence(i);
                batchStarts[t] = i == 0;
            }
            tail += n;
            logEndOffset = base + batch.size();
            active.appended(logEndOffset - 1, batchBytes, maxTs, batch.size());
            return new AppendInfo(base, logEndOffset - 1, batchBytes, maxTs, rolled);
        }
        long firstTs = batch.get(0).timestamp();
        for (int i = 0; i < batch.size(); i++) {
            Append r = batch.get(i);
            int size = RecordSizes.recordSize(i, r.timestamp() - firstTs, r.key(), r.value(), r.headers());
            put(base + i, r.timestamp(), r.key(), r.value(), r.headers(), leaderEpoch, size, r.producerId(),
                    r.sequence(), i == 0);
        }
        logEndOffset = base + batch.size();
        active.appended(logEndOffset - 1, batchBytes, maxTs, batch.size());
        return new AppendInfo(base, logEndOffset - 1, batchBytes, maxTs, rolled);
    }

    private void put(long offset, long ts, byte[] key, byte[] value, Map<String, String> hdrs, int epoch, int size,
                     long producerId, int sequence, boolean batchStart) {
        if (tail == offsets.length) {
            grow();
        }
        producerIds[tail] = producerId;
        sequences[tail] = sequence;
        batchStarts[tail] = batchStart;
        offsets[tail] = offset;
        timestamps[tail] = ts;
        dataPositions[tail] = bytes.put(key, value);
        keyLengths[tail] = key == null ? -1 : key.length;
        valueLengths[tail] = value == null ? -1 : value.length;
        headers[tail] = hdrs.isEmpty() ? null : hdrs;
        epochs[tail] = epoch;
        sizes[tail] = size;
        tail++;
    }

    /** Makes room in the columns for {@code n} more records. */
    private void ensureRoom(int n) {
        while (tail + n > offsets.length) {
            grow(n);
        }
    }

    private void grow() {
        grow(1);
    }

    private void grow(int more) {
        int live = tail - head;
        // the next power of two above what is needed: a log grows by doubling whatever its batches' sizes
        int cap = Math.max(INITIAL_CAPACITY, Integer.highestOneBit(Math.max(1, live + more - 1)) << 1);
        offsets = Arrays.copyOfRange(offsets, head, head + cap);
        timestamps = Arrays.copyOfRange(timestamps, head, head + cap);
        dataPositions = Arrays.copyOfRange(dataPositions, head, head + cap);
        keyLengths = Arrays.copyOfRange(keyLengths, head, head + cap);
        valueLengths = Arrays.copyOfRange(valueLengths, head, head + cap);
        headers = Arrays.copyOfRange(headers, head, head + cap);
        sizes = Arrays.copyOfRange(sizes, head, head + cap);
        epochs = Arrays.copyOfRange(epochs, head, head + cap);
        producerIds = Arrays.copyOfRange(producerIds, head, head + cap);
        sequences = Arrays.copyOfRange(sequences, head, head + cap);
        batchStarts = Arrays.copyOfRange(batchStarts, head, head + cap);
        tail = live;
        head = 0;
    }

    /** Index into the columns of the first record with offset >= {@code offset}. */
    private int indexOf(long offset) {
        if (head == tail || offset > offsets[tail - 1]) {
            return tail;
        }
        // without compaction's gaps, an offset sits exactly where counting from the first record puts it
        long guess = offset - offsets[head];
        if (guess >= 0 && guess < tail - head && offsets[head + (int) guess] == offset) {
            return head + (int) guess;
        }
        int i = Arrays.binarySearch(offsets, head, tail, offset);
        return i >= 0 ? i : -i - 1;
    }

    /** The record's headers (an empty map when it has none). */
    @SuppressWarnings("unchecked")
    private Map<String, String> header(int i) {
        return headers[i] == null ? Collections.emptyMap() : (Map<String, String>) headers[i];
    }

    private LogRecord view(int i) {
        return new LogRecord(offsets[i], timestamps[i], key(i), value(i), header(i), epochs[i], sizes[i],
                producerIds[i], sequences[i], batchStarts[i]);
    }

    private byte[] key(int i) {
        return keyLengths[i] < 0 ? null : bytes.get(dataPositions[i], keyLengths[i]);
    }

    private byte[] value(int i) {
        int keyBytes = Math.max(0, keyLengths[i]);
        return valueLengths[i] < 0 ? null : bytes.get(dataPositions[i] + keyBytes, valueLengths[i]);
    }

    /** Bytes of key and value together. */
    private int dataLength(int i) {
        return Math.max(0, keyLengths[i]) + Math.max(0, valueLengths[i]);
    }

    /**
     * Copies records from the leader as a follower does: same offsets, epochs and timestamps.
     * Rolls segments by the same rules. Returns the segment rolled to, or null.
     */
    LogSegment appendAsFollower(Slice records, long nowMs, long segmentBytes, long segmentMs) {
        int n = records.size();
        if (n == 0) {
            return null;
        }
        // the columns and the bytes come over as they are: the fetched bytes become a chunk of this store
        ensureRoom(n);
        int at = tail;
        long dataBase = bytes.adopt(records.data);
        System.arraycopy(records.offsets, 0, offsets, at, n);
        System.arraycopy(records.timestamps, 0, timestamps, at, n);
        System.arraycopy(records.keyLengths, 0, keyLengths, at, n);
        System.arraycopy(records.valueLengths, 0, valueLengths, at, n);
        System.arraycopy(records.headers, 0, headers, at, n);
        System.arraycopy(records.epochs, 0, epochs, at, n);
        System.arraycopy(records.sizes, 0, sizes, at, n);
        System.arraycopy(records.producerIds, 0, producerIds, at, n);
        System.arraycopy(records.sequences, 0, sequences, at, n);
        System.arraycopy(records.batchStarts, 0, batchStarts, at, n);
        // a fetch starts at a batch's first record (it returns whole batches)
        batchStarts[at] = true;
        for (int k = 0; k < n; k++) {
            dataPositions[at + k] = dataBase + records.dataStarts[k];
        }
        tail += n;
        LogSegment rolled = null;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && !records.batchStarts[j]) {
                j++;
            }
            int batchBytes = RecordSizes.RECORD_BATCH_OVERHEAD;
            long maxTs = -1;
            for (int k = i; k < j; k++) {
                batchBytes += records.sizes[k];
                maxTs = Math.max(maxTs, records.timestamps[k]);
            }
            LogSegment active = activeSegment();
            if (active.shouldRoll(batchBytes, maxTs, nowMs, segmentBytes, segmentMs)) {
                rolled = new LogSegment(records.offsets[i], nowMs);
                segments.add(rolled);
                active = rolled;
            }
            assignEpochStart(records.epochs[i], records.offsets[i]);
            for (int k = i + 1; k < j; k++) {
                if (records.epochs[k] != records.epochs[k - 1]) {
                    assignEpochStart(records.epochs[k], records.offsets[k]);
                }
            }
            logEndOffset = records.offsets[j - 1] + 1;
            active.appended(logEndOffset - 1, batchBytes, maxTs, j - i);
            i = j;
        }
        return rolled;
    }

    /**
     * Removes every record at or above {@code offset} (a follower truncating to where it diverged from
     * the leader). Returns the removed records, oldest first.
     */
    List<LogRecord> truncateTo(long offset) {
        if (offset >= logEndOffset) {
            return List.of();
        }
        int from = indexOf(offset);
        List<LogRecord> removed = new ArrayList<>(tail - from);
        for (int i = from; i < tail; i++) {
            removed.add(view(i));
            headers[i] = null;
        }
        if (from < tail) {
            bytes.truncateTo(dataPositions[from]);
        }
        tail = from;
        logEndOffset = Math.max(offset, logStartOffset);
        while (segments.size() > 1 && activeSegment().baseOffset() >= logEndOffset) {
            segments.remove(segments.size() - 1);
        }
        LogSegment active = activeSegment();
        LogSegment rebuilt = new LogSegment(active.baseOffset(), active.createdMs());
        segments.set(segments.size() - 1, rebuilt);
        int i = indexOf(rebuilt.baseOffset());
        while (i < tail) {
            int j = i + 1;
            while (j < tail && !batchStarts[j]) {
                j++;
            }
            int bytes = RecordSizes.RECORD_BATCH_OVERHEAD;
            long maxTs = -1;
            for (int k = i; k < j; k++) {
                bytes += sizes[k];
                maxTs = Math.max(maxTs, timestamps[k]);
            }
            rebuilt.appended(offsets[j - 1], bytes, maxTs, j - i);
            i = j;
        }
        epochStarts.removeIf(e -> e[1] >= logEndOffset);
        deleteHorizons.tailMap(logEndOffset).clear();
        if (cleanerCheckpoint > logEndOffset) {
            cleanerCheckpoint = logEndOffset;
        }
        return removed;
    }

    // ---------------------------------------------------------------- retention and compaction

    /** What deleting the oldest segments did: the segments deleted, and the segment rolled first, if any. */
    record SegmentDeletion(List<LogSegment> deleted, LogSegment rolled) {
    }

    /**
     * Deletes the {@code count} oldest segments (Kafka's {@code UnifiedLog.deleteSegments}). A log always
     * keeps one segment: when every segment goes, a new empty active segment is rolled at the log end
     * offset first. The log start offset moves to the base offset of the first segment left.
     */
    SegmentDeletion deleteOldestSegments(int count, long nowMs) {
        if (count <= 0) {
            return new SegmentDeletion(List.of(), null);
        }
        LogSegment rolled = null;
        if (count >= segments.size()) {
            count = segments.size();
            rolled = new LogSegment(logEndOffset, nowMs);
            segments.add(rolled);
        }
        List<LogSegment> deleted = List.copyOf(segments.subList(0, count));
        segments.subList(0, count).clear();
        incrementLogStartOffset(segments.get(0).baseOffset());
        return new SegmentDeletion(deleted, rolled);
    }

    /**
     * Moves the log start offset up (Kafka's {@code maybeIncrementLogStartOffset}): records below it can
     * no longer be read. The segments wholly below it are deleted by {@link #deleteOldestSegments}.
     * Returns false when {@code newStart} is not above the current log start offset.
     */
    boolean incrementLogStartOffset(long newStart) {
        newStart = Math.min(newStart, logEndOffset);
        if (newStart <= logStartOffset) {
            return false;
        }
        logStartOffset = newStart;
        int to = indexOf(newStart);
        for (int i = head; i < to; i++) {
            headers[i] = null;
        }
        head = to;
        bytes.releaseBefore(head < tail ? dataPositions[head] : bytes.end());
        deleteHorizons.headMap(newStart).clear();
        // Kafka's LeaderEpochFileCache.truncateFromStart: the epoch in force at the new start begins there
        long[] lastRemoved = null;
        while (!epochStarts.isEmpty() && epochStarts.get(0)[1] <= newStart) {
            lastRemoved = epochStarts.remove(0);
        }
        if (lastRemoved != null) {
            epochStarts.add(0, new long[] {lastRemoved[0], newStart});
        }
        return true;
    }

    /**
     * Drops the whole log and starts empty at {@code offset} (Kafka's {@code truncateFullyAndStartAt}: a
     * follower whose log ends below the leader's log start offset). Returns the segments dropped.
     */
    List<LogSegment> truncateFullyAndStartAt(long offset, long nowMs) {
        List<LogSegment> dropped = List.copyOf(segments);
        for (int i = head; i < tail; i++) {
            headers[i] = null;
        }
        bytes = new RecordBytes();
        head = 0;
        tail = 0;
        segments.clear();
        segments.add(new LogSegment(offset, nowMs));
        logStartOffset = offset;
        logEndOffset = offset;
        epochStarts.clear();
        deleteHorizons.clear();
        cleanerCheckpoint = -1;
        return dropped;
    }

    /**
     * Removes the records at these offsets (ascending), as the log cleaner does: offsets are never
     * renumbered, so gaps appear; segments stay, each touched one recomputes its size, record count and
     * largest timestamp from the records left. A batch whose first record goes starts at its next one.
     */
    void removeRecords(List<Long> sortedOffsets) {
        if (sortedOffsets.isEmpty()) {
            return;
        }
        int k = 0;
        int w = indexOf(sortedOffsets.get(0));
        boolean pendingBatchStart = false;
        for (int i = w; i < tail; i++) {
            if (batchStarts[i]) {
                pendingBatchStart = true;
            }
            if (k < sortedOffsets.size() && offsets[i] == sortedOffsets.get(k)) {
                k++;
                deleteHorizons.remove(offsets[i]);
                continue;
            }
            offsets[w] = offsets[i];
            timestamps[w] = timestamps[i];
            dataPositions[w] = dataPositions[i];
            keyLengths[w] = keyLengths[i];
            valueLengths[w] = valueLengths[i];
            headers[w] = headers[i];
            sizes[w] = sizes[i];
            epochs[w] = epochs[i];
            producerIds[w] = producerIds[i];
            sequences[w] = sequences[i];
            batchStarts[w] = pendingBatchStart;
            pendingBatchStart = false;
            w++;
        }
        for (int i = w; i < tail; i++) {
            headers[i] = null;
        }
        tail = w;
        // the cleaner's copy of the log: only the records kept take space
        RecordBytes packed = new RecordBytes();
        for (int i = head; i < tail; i++) {
            dataPositions[i] = packed.copy(bytes, dataPositions[i], dataLength(i));
        }
        bytes = packed;
        int s = 0;
        int last = -1;
        for (long offset : sortedOffsets) {
            while (s + 1 < segments.size() && segments.get(s + 1).baseOffset() <= offset) {
                s++;
            }
            if (s != last) {
                recomputeSegment(s);
                last = s;
            }
        }
    }

    /** Recomputes one segment's size, record count and largest timestamp from the records it holds. */
    private void recomputeSegment(int s) {
        LogSegment seg = segments.get(s);
        long end = s + 1 < segments.size() ? segments.get(s + 1).baseOffset() : logEndOffset;
        int i = indexOf(seg.baseOffset());
        int to = indexOf(end);
        long bytes = 0;
        long maxTs = -1;
        int count = 0;
        while (i < to) {
            int j = i + 1;
            while (j < to && !batchStarts[j]) {
                j++;
            }
            bytes += RecordSizes.RECORD_BATCH_OVERHEAD;
            for (int x = i; x < j; x++) {
                bytes += sizes[x];
                maxTs = Math.max(maxTs, timestamps[x]);
            }
            count += j - i;
            i = j;
        }
        seg.recompute(bytes, maxTs, count);
    }

    /** The offset the log cleaner has cleaned up to, or -1 when it never cleaned this log. */
    long cleanerCheckpoint() {
        return cleanerCheckpoint;
    }

    void setCleanerCheckpoint(long offset) {
        this.cleanerCheckpoint = offset;
    }

    /** When the cleaner may remove the tombstone at {@code offset}, or -1 when no cleaner pass kept it yet. */
    public long deleteHorizon(long offset) {
        Long h = deleteHorizons.get(offset);
        return h == null ? -1 : h;
    }

    void setDeleteHorizon(long offset, long horizonMs) {
        deleteHorizons.put(offset, horizonMs);
    }

    /** Records that a leader with {@code epoch} starts writing at {@code startOffset}. */
    void assignEpochStart(int epoch, long startOffset) {
        if (epochStarts.isEmpty() || epochStarts.get(epochStarts.size() - 1)[0] < epoch) {
            epochStarts.add(new long[] {epoch, startOffset});
        }
    }

    /** The latest leader epoch this log has seen, or -1. */
    public int latestEpoch() {
        return epochStarts.isEmpty() ? -1 : (int) epochStarts.get(epochStarts.size() - 1)[0];
    }

    /** The offset where {@code epoch} started in this log, or -1 when unknown. */
    public long epochStartOffset(int epoch) {
        for (long[] e : epochStarts) {
            if (e[0] == epoch) {
                return e[1];
            }
        }
        return -1;
    }

    /**
     * Kafka's {@code endOffsetForEpoch}: the largest epoch at or below {@code epoch} this log knows, and
     * the offset where the next epoch starts (the log end offset for the latest epoch). {-1, -1} when none.
     */
    public long[] endOffsetForEpoch(int epoch) {
        for (int i = epochStarts.size() - 1; i >= 0; i--) {
            long[] e = epochStarts.get(i);
            if (e[0] <= epoch) {
                long end = i == epochStarts.size() - 1 ? logEndOffset : epochStarts.get(i + 1)[1];
                return new long[] {e[0], end};
            }
        }
        return new long[] {-1, -1};
    }

    /** Records with offsets in [fromOffset, toOffset), at most {@code max}: a copy, unchanged by later appends. */
    public List<LogRecord> read(long fromOffset, long toOffset, int max) {
        return slice(fromOffset, toOffset, max);
    }

    /**
     * A consumer's fetch: the records with offsets in [fromOffset, toOffset), at most {@code max}, added to
     * {@code out} as the application receives them, each record's bytes copied once (no intermediate copy
     * of the columns). Returns the offset after the last record added, or -1 when none.
     */
    long fetchInto(long fromOffset, long toOffset, int max, TopicPartition tp, List<ConsumerRecord> out) {
        int from = indexOf(fromOffset);
        int to = (int) Math.min(indexOf(toOffset), (long) from + Math.max(0, max));
        if (to <= from) {
            return -1;
        }
        String topic = tp.topic();
        int partition = tp.partition();
        for (int i = from; i < to; i++) {
            out.add(new ConsumerRecord(topic, partition, offsets[i], timestamps[i], key(i), value(i), header(i),
                    epochs[i], sizes[i], producerIds[i], sequences[i], batchStarts[i]));
        }
        return offsets[to - 1] + 1;
    }

    /** As {@link #read}, as the log's own columns (a follower's fetch copies them without a record object). */
    Slice slice(long fromOffset, long toOffset, int max) {
        int from = indexOf(fromOffset);
        int to = (int) Math.min(indexOf(toOffset), (long) from + Math.max(0, max));
        return new Slice(this, from, Math.max(from, to));
    }

    /**
     * As {@link #slice}, for a follower's fetch: whole batches only, as Kafka's fetch returns them. The
     * record limit is soft: a batch that crosses it comes whole.
     */
    Slice sliceBatches(long fromOffset, long toOffset, int max) {
        int from = indexOf(fromOffset);
        int end = indexOf(toOffset);
        int to = (int) Math.min(end, (long) from + Math.max(0, max));
        while (to < end && to > from && !batchStarts[to]) {
            to++;
        }
        return new Slice(this, from, Math.max(from, to));
    }

    /**
     * Records copied out of a log at one moment, kept as columns and one array of bytes (Kafka's fetch
     * response carries record batches, not records); a {@link LogRecord} is made only when asked for.
     */
    static final class Slice extends AbstractList<LogRecord> implements RandomAccess {
        /** No records: a fetch that found nothing new. */
        static final Slice EMPTY = new PartitionLog(0).slice(0, 0, 0);

        private final long[] offsets;
        private final long[] timestamps;
        private final long[] producerIds;
        private final int[] keyLengths;
        private final int[] valueLengths;
        private final int[] sizes;
        private final int[] epochs;
        private final int[] sequences;
        private final int[] dataStarts;
        private final boolean[] batchStarts;
        private final Object[] headers;
        private final byte[] data;

        private Slice(PartitionLog log, int from, int to) {
            offsets = Arrays.copyOfRange(log.offsets, from, to);
            timestamps = Arrays.copyOfRange(log.timestamps, from, to);
            producerIds = Arrays.copyOfRange(log.producerIds, from, to);
            keyLengths = Arrays.copyOfRange(log.keyLengths, from, to);
            valueLengths = Arrays.copyOfRange(log.valueLengths, from, to);
            sizes = Arrays.copyOfRange(log.sizes, from, to);
            epochs = Arrays.copyOfRange(log.epochs, from, to);
            sequences = Arrays.copyOfRange(log.sequences, from, to);
            batchStarts = Arrays.copyOfRange(log.batchStarts, from, to);
            headers = Arrays.copyOfRange(log.headers, from, to);
            dataStarts = new int[to - from];
            int total = 0;
            for (int i = from; i < to; i++) {
                dataStarts[i - from] = total;
                total += log.dataLength(i);
            }
            data = new byte[total];
            // records lie one after another in the store: copy each run that sits in one chunk at once
            int i = from;
            while (i < to) {
                long runStart = log.dataPositions[i];
                int runLength = log.dataLength(i);
                int j = i + 1;
                while (j < to && log.dataPositions[j] == runStart + runLength
                        && RecordBytes.chunkIndex(log.dataPositions[j]) == RecordBytes.chunkIndex(runStart)) {
                    runLength += log.dataLength(j);
                    j++;
                }
                log.bytes.copyTo(runStart, runLength, data, dataStarts[i - from]);
                i = j;
            }
        }

        @Override
        public int size() {
            return offsets.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public LogRecord get(int k) {
            Objects.checkIndex(k, offsets.length);
            int keyBytes = Math.max(0, keyLengths[k]);
            byte[] key = keyLengths[k] < 0 ? null
                    : Arrays.copyOfRange(data, dataStarts[k], dataStarts[k] + keyBytes);
            byte[] value = valueLengths[k] < 0 ? null
                    : Arrays.copyOfRange(data, dataStarts[k] + keyBytes, dataStarts[k] + keyBytes + valueLengths[k]);
            Map<String, String> h = headers[k] == null ? Collections.emptyMap() : (Map<String, String>) headers[k];
            return new LogRecord(offsets[k], timestamps[k], key, value, h, epochs[k], sizes[k], producerIds[k],
                    sequences[k], batchStarts[k]);
        }

        long offset(int k) {
            return offsets[k];
        }

        boolean batchStart(int k) {
            return batchStarts[k];
        }

        long producerId(int k) {
            return producerIds[k];
        }

        int sequence(int k) {
            return sequences[k];
        }
    }

    /** The record at exactly this offset, or null (never written, deleted or compacted away). */
    public LogRecord recordAt(long offset) {
        int i = indexOf(offset);
        return i < tail && offsets[i] == offset ? view(i) : null;
    }

    /** Every record held, oldest first. */
    public List<LogRecord> records() {
        return read(logStartOffset, Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    public long logStartOffset() {
        return logStartOffset;
    }

    public long logEndOffset() {
        return logEndOffset;
    }

    /** Records held (offsets may have gaps after compaction). */
    public int recordCount() {
        return tail - head;
    }

    public List<LogSegment> segments() {
        return Collections.unmodifiableList(segments);
    }

    public LogSegment activeSegment() {
        return segments.get(segments.size() - 1);
    }

    public long sizeInBytes() {
        long s = 0;
        for (LogSegment seg : segments) {
            s += seg.sizeInBytes();
        }
        return s;
    }
}
