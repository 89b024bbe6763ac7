package dev.kafkalab.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention and compaction. Every broker applies them to every replica it holds, each with its own log
 * and its own high watermark. Mirrors Kafka's:
 * <ul>
 *   <li>retention task ({@code LogManager.cleanupLogs}, every {@code log.retention.check.interval.ms}): logs
 *       whose {@code cleanup.policy} has no {@code compact}; {@code UnifiedLog.deleteOldSegments} deletes
 *       whole segments, oldest first, by time ({@code retention.ms}, judged by a segment's largest
 *       timestamp) and by size ({@code retention.bytes}), never at or above the high watermark;</li>
 *   <li>log cleaner thread ({@code LogCleanerManager}, {@code Cleaner}, every {@code log.cleaner.backoff.ms}):
 *       compacts each compacted log whose dirty ratio is above {@code min.cleanable.dirty.ratio}, then runs
 *       retention for compacted logs ({@code compact,delete} applies both).</li>
 * </ul>
 */
final class LogCleaner {
    private final Simulation sim;

    LogCleaner(Simulation sim) {
        this.sim = sim;
    }

    /** A compacted log the cleaner looked at (Kafka's {@code LogToClean}). */
    record Dirt(Replica replica, long firstDirtyOffset, long firstUncleanableOffset, long cleanBytes,
                long cleanableBytes) {
        double ratio() {
            return (double) cleanableBytes / (cleanBytes + cleanableBytes);
        }
    }

    @FunctionalInterface
    private interface SegmentTest {
        boolean test(LogSegment segment, LogSegment next);
    }

    // ---------------------------------------------------------------- periodic tasks

    /** Kafka's retention task on one broker: delete old segments of every log that is not compacted. */
    void checkRetention(int brokerId) {
        for (Replica r : replicasOn(brokerId)) {
            if (!r.partition().topic().isCompacted()) {
                deleteOldSegments(r);
            }
        }
    }

    /**
     * One round of the broker's cleaner thread: compact every compacted log that is dirty enough, dirtiest
     * first, then apply retention to the compacted logs.
     */
    void runCleaner(int brokerId) {
        List<Replica> compacted = new ArrayList<>();
        for (Replica r : replicasOn(brokerId)) {
            if (r.partition().topic().isCompacted()) {
                compacted.add(r);
            }
        }
        List<Dirt> dirty = new ArrayList<>();
        for (Replica r : compacted) {
            Dirt d = dirt(r);
            if (d != null && d.ratio() > r.partition().topic().config().getDouble("min.cleanable.dirty.ratio")) {
                dirty.add(d);
            }
        }
        dirty.sort(Comparator.comparingDouble(Dirt::ratio).reversed());
        for (Dirt d : dirty) {
            clean(d);
        }
        for (Replica r : compacted) {
            deleteOldSegments(r);
        }
    }

    // ---------------------------------------------------------------- delete policy

    /** Kafka's {@code UnifiedLog.deleteOldSegments} for one replica. */
    void deleteOldSegments(Replica r) {
        Config cfg = r.partition().topic().config();
        deleteLogStartOffsetBreachedSegments(r, "");
        if (cfg.getList("cleanup.policy").contains("delete")) {
            deleteRetentionSizeBreachedSegments(r, cfg.getLong("retention.bytes"));
            deleteRetentionMsBreachedSegments(r, cfg.getLong("retention.ms"));
        }
    }

    private void deleteRetentionMsBreachedSegments(Replica r, long retentionMs) {
        if (retentionMs < 0) {
            return;
        }
        long now = sim.now();
        deleteOldSegments(r, (segment, next) -> now - segment.largestTimestamp() > retentionMs, doomed -> {
            long newest = Long.MIN_VALUE;
            for (LogSegment s : doomed) {
                newest = Math.max(newest, s.largestTimestamp());
            }
            return "time: retention.ms is " + retentionMs + " and the largest timestamp in the deleted segment(s) is "
                    + newest + ", " + (now - newest) + " ms before now (" + now + ")";
        });
    }

    private void deleteRetentionSizeBreachedSegments(Replica r, long retentionBytes) {
        long size = r.log().sizeInBytes();
        if (retentionBytes < 0 || size < retentionBytes) {
            return;
        }
        long[] diff = {size - retentionBytes};
        deleteOldSegments(r, (segment, next) -> {
            if (diff[0] - segment.sizeInBytes() >= 0) {
                diff[0] -= segment.sizeInBytes();
                return true;
            }
            return false;
        }, doomed -> {
            long deleted = 0;
            for (LogSegment s : doomed) {
                deleted += s.sizeInBytes();
            }
            return "size: retention.bytes is " + retentionBytes + " and the log held " + size + " bytes; deleting "
                    + deleted + " bytes leaves " + (size - deleted);
        });
    }

    /** Segments whose records all lie below the log start offset (a follower that learned the leader's). */
    private void deleteLogStartOffsetBreachedSegments(Replica r, String how) {
        PartitionLog log = r.log();
        deleteOldSegments(r, (segment, next) -> next != null && next.baseOffset() <= log.logStartOffset(),
                doomed -> "log start offset: every record of the deleted segment(s) lies below the log start offset "
                        + log.logStartOffset() + how);
    }

    /**
     * Deletes the oldest segments while {@code test} holds (Kafka's {@code deletableSegments}): only
     * segments entirely below the high watermark, never an empty active segment.
     */
    private void deleteOldSegments(Replica r, SegmentTest test,
                                   java.util.function.Function<List<LogSegment>, String> reason) {
        PartitionLog log = r.log();
        List<LogSegment> segments = log.segments();
        long hw = r.highWatermark();
        int count = 0;
        for (int i = 0; i < segments.size(); i++) {
            LogSegment segment = segments.get(i);
            LogSegment next = i + 1 < segments.size() ? segments.get(i + 1) : null;
            long upperBound = next != null ? next.baseOffset() : log.logEndOffset();
            boolean lastAndEmpty = next == null && segment.sizeInBytes() == 0;
            if (hw >= upperBound && test.test(segment, next) && !lastAndEmpty) {
                count++;
            } else {
                break;
            }
        }
        if (count == 0) {
            return;
        }
        String why = reason.apply(List.copyOf(segments.subList(0, count)));
        PartitionLog.SegmentDeletion d = log.deleteOldestSegments(count, sim.now());
        TopicPartition tp = r.topicPartition();
        if (d.rolled() != null) {
            sim.emit(new SimEvent.SegmentRolled(sim.now(), tp.topic(), tp.partition(), r.broker(),
                    d.rolled().baseOffset(), d.rolled().fileName()));
        }
        List<String> files = new ArrayList<>();
        for (LogSegment s : d.deleted()) {
            files.add(s.fileName());
        }
        sim.emit(new SimEvent.SegmentsDeleted(sim.now(), tp.topic(), tp.partition(), r.broker(), files,
                log.logStartOffset(), why));
    }

    // ---------------------------------------------------------------- followers and the leader's log start offset

    /**
     * A follower whose log ends below the leader's log start offset cannot continue where it is (Kafka's
     * OffsetOutOfRange handling): it drops its whole log and starts at the leader's log start offset.
     */
    void maybeStartAtLeaderLogStart(Replica r, long leaderLogStartOffset) {
        PartitionLog log = r.log();
        long end = log.logEndOffset();
        if (end >= leaderLogStartOffset) {
            return;
        }
        List<LogSegment> dropped = log.truncateFullyAndStartAt(leaderLogStartOffset, sim.now());
        r.highWatermark = leaderLogStartOffset;
        r.rebuildProducerState();
        List<String> files = new ArrayList<>();
        for (LogSegment s : dropped) {
            files.add(s.fileName());
        }
        TopicPartition tp = r.topicPartition();
        sim.emit(new SimEvent.SegmentsDeleted(sim.now(), tp.topic(), tp.partition(), r.broker(), files,
                leaderLogStartOffset, "log start offset: the leader's log starts at " + leaderLogStartOffset
                        + ", past this replica's log end offset " + end
                        + ", so the replica dropped its whole log and starts there"));
    }

    /**
     * A fetch response told the follower the leader's log start offset: the follower moves its own up
     * (never past its high watermark) and deletes the segments now wholly below it.
     */
    void followLeaderLogStart(Replica r, long leaderLogStartOffset) {
        long target = Math.min(leaderLogStartOffset, r.highWatermark());
        if (r.log().incrementLogStartOffset(target)) {
            deleteLogStartOffsetBreachedSegments(r, ", learned from the leader (broker " + r.leaderId + ")");
        }
    }

    // ---------------------------------------------------------------- compact policy

    /**
     * How dirty a compacted log is (Kafka's {@code cleanableOffsets} and {@code LogToClean}), or null when
     * it holds no bytes. The dirty section runs from where the last cleaning stopped to the first
     * uncleanable offset: the active segment's base offset or the high watermark, whichever is lower,
     * rounded down to the start of its segment.
     */
    Dirt dirt(Replica r) {
        PartitionLog log = r.log();
        List<LogSegment> segments = log.segments();
        long start = log.logStartOffset();
        long checkpoint = log.cleanerCheckpoint();
        long firstDirty = checkpoint < start || checkpoint > log.logEndOffset() ? start : checkpoint;
        long uncleanable = Math.max(firstDirty, Math.min(r.highWatermark(), log.activeSegment().baseOffset()));
        long firstUncleanable = segments.get(floorSegment(segments, uncleanable)).baseOffset();
        long cleanBytes = 0;
        for (LogSegment s : segments) {
            if (s.baseOffset() < firstDirty) {
                cleanBytes += s.sizeInBytes();
            }
        }
        long cleanableBytes = 0;
        long from = Math.min(firstDirty, firstUncleanable);
        if (from < firstUncleanable) {
            for (int i = floorSegment(segments, from); i < segments.size()
                    && segments.get(i).baseOffset() < firstUncleanable; i++) {
                cleanableBytes += segments.get(i).sizeInBytes();
            }
        }
        if (cleanBytes + cleanableBytes == 0) {
            return null;
        }
        return new Dirt(r, firstDirty, firstUncleanable, cleanBytes, cleanableBytes);
    }

    /** Index of the segment holding {@code offset}: the last one whose base offset is at or below it (else 0). */
    private static int floorSegment(List<LogSegment> segments, long offset) {
        int i = 0;
        while (i + 1 < segments.size() && segments.get(i + 1).baseOffset() <= offset) {
            i++;
        }
        return i;
    }

    /**
     * One cleaning pass (Kafka's {@code Cleaner.doClean}). The key -> latest offset map is built from the
     * dirty section only; then every segment up to the last mapped offset is cleaned: a keyed record stays
     * when no later offset of its key is in the map, and a tombstone also only until its delete horizon
     * (set when a pass first keeps it: now + delete.retention.ms). The active segment is never touched.
     */
    void clean(Dirt d) {
        Replica r = d.replica();
        PartitionLog log = r.log();
        long now = sim.now();
        long deleteRetentionMs = r.partition().topic().config().getLong("delete.retention.ms");
        Map<ByteBuffer, Long> latestByKey = new HashMap<>();
        long latestOffset = -1;
        for (LogRecord rec : log.read(d.firstDirtyOffset(), d.firstUncleanableOffset(), Integer.MAX_VALUE)) {
            if (rec.key() != null) {
                latestByKey.put(ByteBuffer.wrap(rec.key()), rec.offset());
                latestOffset = rec.offset();
            }
        }
        long endOffset = latestOffset >= 0 ? latestOffset + 1 : d.firstUncleanableOffset();
        // clean every segment whose base offset is below endOffset, up to the next segment's base offset
        List<LogSegment> segments = log.segments();
        long upper = log.activeSegment().baseOffset();
        for (LogSegment s : segments) {
            if (s.baseOffset() >= endOffset) {
                upper = s.baseOffset();
                break;
            }
        }
        List<Long> removed = new ArrayList<>();
        int tombstonesRemoved = 0;
        for (LogRecord rec : log.read(log.logStartOffset(), upper, Integer.MAX_VALUE)) {
            boolean keep;
            if (rec.offset() > latestOffset) {
                keep = true;
            } else if (rec.key() == null) {
                keep = false;
            } else {
                long found = latestByKey.getOrDefault(ByteBuffer.wrap(rec.key()), -1L);
                boolean latestForKey = rec.offset() >= found;
                long horizon = log.deleteHorizon(rec.offset());
                boolean retainDelete = horizon < 0 || now < horizon;
                keep = latestForKey && (rec.value() != null || retainDelete);
            }
            if (!keep) {
                removed.add(rec.offset());
                if (rec.value() == null) {
                    tombstonesRemoved++;
                }
            } else if (rec.value() == null && log.deleteHorizon(rec.offset()) < 0) {
                log.setDeleteHorizon(rec.offset(), now + deleteRetentionMs);
            }
        }
        log.removeRecords(removed);
        log.setCleanerCheckpoint(endOffset);
        TopicPartition tp = r.topicPartition();
        sim.emit(new SimEvent.LogCompacted(now, tp.topic(), tp.partition(), r.broker(), List.copyOf(removed),
                tombstonesRemoved));
    }

    // ---------------------------------------------------------------- helpers

    private List<Replica> replicasOn(int brokerId) {
        List<Replica> out = new ArrayList<>();
        for (Topic t : sim.cluster().topics().values()) {
            for (Partition p : t.partitions()) {
                if (p.replicas().contains(brokerId)) {
                    out.add(p.replica(brokerId));
                }
            }
        }
        return out;
    }
}
