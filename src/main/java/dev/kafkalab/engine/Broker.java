package dev.kafkalab.engine;

/** A broker of the simulated cluster, known by its node id. */
public final class Broker {
    /** What a learner sees of a broker; anything but UP serves no requests. */
    public enum State { UP, CRASHED, SHUTDOWN, ISOLATED }

    private final int id;
    private State state = State.UP;

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
}
