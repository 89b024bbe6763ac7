package dev.kafkalab.engine;

/** A broker of the simulated cluster, known by its node id. */
public final class Broker {
    /** What a learner sees of a broker; anything but UP serves no requests. */
    public enum State { UP, CRASHED, SHUTDOWN, ISOLATED }

    private final int id;
    private State state = State.UP;
    private long fetchDelayMs;

    Broker(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public State state() {
        return state;
    }

    void setState(State state) {
        this.state = state;
    }

    public boolean isUp() {
        return state == State.UP;
    }

    /** Running (up, or isolated from the cluster but still working on its own). */
    public boolean isServing() {
        return state == State.UP || state == State.ISOLATED;
    }

    /** Extra wait before each follower fetch this broker sends ({@code slow}). */
    public long fetchDelayMs() {
        return fetchDelayMs;
    }

    void setFetchDelayMs(long ms) {
        this.fetchDelayMs = ms;
    }
}
