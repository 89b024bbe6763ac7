package dev.kafkalab.engine;

import java.util.PriorityQueue;

/**
 * Discrete-event scheduler ordered by (virtual time, sequence number), so ties always
 * resolve in the order the tasks were scheduled.
 */
public final class Scheduler {
    private record Task(long time, long seq, String name, boolean background, Runnable action)
            implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** Delays at least this long go to {@link #far}: mostly timeouts, which seldom fire. */
    private static final long FAR_MS = 1_000;

    /**
     * Tasks due soon. Timeouts (one per batch and request) pile up far ahead; kept apart, they do not
     * deepen the heap every near task climbs. Both heaps keep (time, seq) order and the earlier head runs.
     */
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final PriorityQueue<Task> far = new PriorityQueue<>();
    private final VirtualClock clock;
    private long nextSeq;
    private int foreground;

    Scheduler(VirtualClock clock) {
        this.clock = clock;
    }

    /** Runs {@code action} after {@code delayMs} of virtual time. */
    public void schedule(long delayMs, String name, Runnable action) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("negative delay " + delayMs);
        }
        add(new Task(clock.now() + delayMs, nextSeq++, name, false, action), delayMs);
        foreground++;
    }

    /**
     * Runs {@code action} after {@code delayMs}, as housekeeping (heartbeats, periodic checks):
     * it does not keep the simulation busy, so "run until idle" does not wait for it.
     */
    public void scheduleBackground(long delayMs, String name, Runnable action) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("negative delay " + delayMs);
        }
        add(new Task(clock.now() + delayMs, nextSeq++, name, true, action), delayMs);
    }

    private void add(Task t, long delayMs) {
        (delayMs >= FAR_MS ? far : queue).add(t);
    }

    /** The heap whose head runs next, or null when both are empty. */
    private PriorityQueue<Task> next() {
        Task near = queue.peek();
        Task later = far.peek();
        if (near == null) {
            return later == null ? null : far;
        }
        return later == null || near.compareTo(later) < 0 ? queue : far;
    }

    /** True when no foreground work is pending (housekeeping may still be scheduled). */
    public boolean isIdle() {
        return foreground == 0;
    }

    /** Virtual time of the next task of any kind, or {@code Long.MAX_VALUE} when none is scheduled. */
    public long nextTime() {
        PriorityQueue<Task> q = next();
        return q == null ? Long.MAX_VALUE : q.peek().time;
    }

    /** Runs the earliest task, moving the clock to its time. Returns false when idle. */
    boolean runOne() {
        PriorityQueue<Task> q = next();
        if (q == null) {
            return false;
        }
        Task t = q.poll();
        if (!t.background) {
            foreground--;
        }
        clock.advanceTo(t.time);
        t.action.run();
        return true;
    }
}
