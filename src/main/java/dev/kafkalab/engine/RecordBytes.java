package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The key and value bytes of one log's records, packed one after another into large chunks, as a
 * segment file packs them: no array per stored record for the garbage collector to trace. A record's
 * bytes are addressed by a position (chunk index in the high 32 bits, offset within the chunk below).
 */
final class RecordBytes {
    /** Chunk size once a log has grown; a small log's single chunk starts small and doubles up to it. */
    static final int CHUNK = 1 << 20;
    private static final int FIRST_CHUNK = 1 << 10;

    private final List<byte[]> chunks = new ArrayList<>();
    /** Bytes used in the last chunk. */
    private int fill;

    /** Copies {@code key} then {@code value} (either may be null) side by side; returns where they start. */
    long put(byte[] key, byte[] value) {
        int keyLen = key == null ? 0 : key.length;
        int len = keyLen + (value == null ? 0 : value.length);
        byte[] chunk = room(len);
        long pos = position(chunks.size() - 1, fill);
        if (key != null) {
            System.arraycopy(key, 0, chunk, fill, keyLen);
        }
        if (value != null) {
            System.arraycopy(value, 0, chunk, fill + keyLen, value.length);
        }
        fill += len;
        return pos;
    }

    /** Copies {@code len} bytes of {@code src} from {@code off} to the end of this store; returns where they start. */
    long put(byte[] src, int off, int len) {
        byte[] chunk = room(len);
        long pos = position(chunks.size() - 1, fill);
        System.arraycopy(src, off, chunk, fill, len);
        fill += len;
        return pos;
    }

    /**
     * Copies the key and value bytes of every record of {@code batch} side by side into one stretch of a
     * chunk, and writes where each record's bytes start into {@code positions} from {@code at}.
     */
    void putAll(AppendBatch batch, long[] positions, int at) {
        int n = batch.size();
        byte[] chunk = room(batch.dataBytes());
        long chunkBase = position(chunks.size() - 1, 0);
        int w = fill;
        for (int i = 0; i < n; i++) {
            positions[at + i] = chunkBase | w;
            byte[] key = batch.key(i);
            if (key != null) {
                System.arraycopy(key, 0, chunk, w, key.length);
                w += key.length;
            }
            byte[] value = batch.value(i);
            if (value != null) {
                System.arraycopy(value, 0, chunk, w, value.length);
                w += value.length;
            }
        }
        fill = w;
    }

    /**
     * Takes {@code data} as it is, as the last chunk (a follower's fetched bytes, which nothing else holds):
     * returns the position of its first byte. Later records go to a chunk after it.
     */
    long adopt(byte[] data) {
        if (data.length == 0) {
            return end();
        }
        chunks.add(data);
        fill = data.length;
        return position(chunks.size() - 1, 0);
    }

    /** The chunk index of a position. */
    static int chunkIndex(long pos) {
        return chunkOf(pos);
    }

    /** Copies {@code len} bytes at {@code pos} into {@code dest} at {@code destPos}. */
    void copyTo(long pos, int len, byte[] dest, int destPos) {
        if (len > 0) {
            System.arraycopy(chunks.get(chunkOf(pos)), offsetOf(pos), dest, destPos, len);
        }
    }

    /** Copies {@code len} bytes at {@code pos} of {@code from} to the end of this store; returns where they start. */
    long copy(RecordBytes from, long pos, int len) {
        byte[] chunk = room(len);
        long at = position(chunks.size() - 1, fill);
        System.arraycopy(from.chunks.get(chunkOf(pos)), offsetOf(pos), chunk, fill, len);
        fill += len;
        return at;
    }

    /** A copy of {@code len} bytes at {@code pos}. */
    byte[] get(long pos, int len) {
        int off = offsetOf(pos);
        return Arrays.copyOfRange(chunks.get(chunkOf(pos)), off, off + len);
    }

    /** Where the next record's bytes will start. */
    long end() {
        return chunks.isEmpty() ? 0 : position(chunks.size() - 1, fill);
    }

    /** Forgets every byte from {@code pos} on (a truncated log writes there again). */
    void truncateTo(long pos) {
        int chunk = chunkOf(pos);
        while (chunks.size() > chunk + 1) {
            chunks.remove(chunks.size() - 1);
        }
        fill = chunks.isEmpty() ? 0 : offsetOf(pos);
    }

    /** Frees the chunks wholly before {@code pos} (the log start offset moved past them). */
    void releaseBefore(long pos) {
        int chunk = chunkOf(pos);
        for (int i = 0; i < chunk && i < chunks.size(); i++) {
            chunks.set(i, null);
        }
    }

    /** The last chunk with room for {@code len} more bytes: grown while small, else a new one. */
    private byte[] room(int len) {
        if (chunks.isEmpty()) {
            chunks.add(new byte[Math.max(FIRST_CHUNK, len)]);
            fill = 0;
        }
        int last = chunks.size() - 1;
        byte[] chunk = chunks.get(last);
        if (fill + len <= chunk.length) {
            return chunk;
        }
        if (chunk.length < CHUNK && fill + len <= CHUNK) {
            chunk = Arrays.copyOf(chunk, Math.min(CHUNK, Math.max(chunk.length * 2, fill + len)));
            chunks.set(last, chunk);
            return chunk;
        }
        chunk = new byte[Math.max(CHUNK, len)];
        chunks.add(chunk);
        fill = 0;
        return chunk;
    }

    private static long position(int chunk, int offset) {
        return ((long) chunk << 32) | offset;
    }

    private static int chunkOf(long pos) {
        return (int) (pos >>> 32);
    }

    private static int offsetOf(long pos) {
        return (int) pos;
    }
}
