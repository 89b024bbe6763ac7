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

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
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
        queue.add(new Task(clock.now() + delayMs, nextSeq++, name, false, action));
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
        queue.add(new Task(clock.now() + delayMs, nextSeq++, name, true, action));
    }

    /** True when no foreground work is pending (housekeeping may still be scheduled). */
    public boolean isIdle() {
        return foreground == 0;
    }

    /** Virtual time of the next task of any kind, or {@code Long.MAX_VALUE} when none is scheduled. */
    public long nextTime() {
        Task t = queue.peek();
        return t == null ? Long.MAX_VALUE : t.time;
    }

    /** Runs the earliest task, moving the clock to its time. Returns false when idle. */
    boolean runOne() {
        Task t = queue.poll();
        if (t == null) {
            return false;
        }
        if (!t.background) {
            foreground--;
        }
        clock.advanceTo(t.time);
        t.action.run();
        return true;
    }
}
