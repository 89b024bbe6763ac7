package dev.kafkalab.engine;

/** Virtual time in milliseconds. Only the scheduler moves it; nothing reads the wall clock. */
public final class VirtualClock {
    private long nowMs;

    public long now() {
        return nowMs;
    }

    void advanceTo(long timeMs) {
        if (timeMs < nowMs) {
            throw new IllegalStateException("time cannot go back: " + timeMs + " < " + nowMs);
        }
        nowMs = timeMs;
    }
}
