package dev.kafkalab.engine;

import java.util.Locale;

/** One segment of a partition log, named by its base offset as Kafka names its files. */
public final class LogSegment {
    private final long baseOffset;
    private final long createdMs;
    private long nextOffset;
    private long sizeInBytes;
    private long firstBatchTimestamp = -1;
    private long maxTimestamp = -1;
    private int records;

    LogSegment(long baseOffset, long createdMs) {
        this.baseOffset = baseOffset;
        this.createdMs = createdMs;
        this.nextOffset = baseOffset;
    }

    void appended(long lastOffset, int batchBytes, long batchMaxTimestamp, int count) {
        if (firstBatchTimestamp < 0) {
            firstBatchTimestamp = batchMaxTimestamp;
        }
        maxTimestamp = Math.max(maxTimestamp, batchMaxTimestamp);
        sizeInBytes += batchBytes;
        nextOffset = lastOffset + 1;
        records += count;
    }

    /** Kafka's roll rule ({@code LogSegment.shouldRoll}) for a batch about to be appended. */
    boolean shouldRoll(int batchBytes, long batchMaxTimestamp, long nowMs, long segmentBytes, long segmentMs) {
        if (sizeInBytes == 0) {
            return false;
        }
        long waited = firstBatchTimestamp >= 0 ? batchMaxTimestamp - firstBatchTimestamp : nowMs - createdMs;
        return sizeInBytes > segmentBytes - batchBytes || waited > segmentMs;
    }

    public long baseOffset() {
        return baseOffset;
    }

    /** The offset after the last record written to this segment. */
    public long nextOffset() {
        return nextOffset;
    }

    public long sizeInBytes() {
        return sizeInBytes;
    }

    public long maxTimestamp() {
        return maxTimestamp;
    }

    /**
     * Kafka's {@code largestTimestamp}: the largest record timestamp, or (for an empty segment) the time
     * the file was last modified, here its creation time. Time retention judges a segment by this.
     */
    public long largestTimestamp() {
        return maxTimestamp >= 0 ? maxTimestamp : createdMs;
    }

    /** The cleaner rewrote this segment: size, largest timestamp and record count of what remains. */
    void recompute(long newSizeInBytes, long newMaxTimestamp, int newRecords) {
        sizeInBytes = newSizeInBytes;
        maxTimestamp = newMaxTimestamp;
        records = newRecords;
    }

    public long createdMs() {
        return createdMs;
    }

    public int recordCount() {
        return records;
    }

    /** The file name Kafka would give it: the base offset in 20 digits. */
    public String fileName() {
        return String.format(Locale.ROOT, "%020d.log", baseOffset);
    }
}
