package dev.kafkalab.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Messages between the controller, brokers and clients, each delivered after a one-way latency on
 * the virtual clock. A crash drops every message to or from that broker not yet delivered; an
 * isolated broker can reach neither the controller nor other brokers (clients still reach it).
 */
final class Network {
    static final int CLIENT = -1;

    private final Simulation sim;
    private final Map<Integer, Integer> incarnation = new HashMap<>();

    Network(Simulation sim) {
        this.sim = sim;
    }

    /** Bumped when a broker goes down, so messages sent to or by its earlier life are lost. */
    void newIncarnation(int broker) {
        incarnation.merge(broker, 1, Integer::sum);
    }

    private int incarnationOf(int node) {
        return incarnation.getOrDefault(node, 0);
    }

    boolean canReach(int from, int to) {
        return reachable(from, to) && reachable(to, from);
    }

    private boolean reachable(int node, int peer) {
        if (node < 0 || node == Cluster.CONTROLLER_ID) {
            return true;
        }
        Broker b = sim.cluster().broker(node);
        return switch (b.state()) {
            case UP -> true;
            case ISOLATED -> peer == CLIENT;
            default -> false;
        };
    }

    /** Delivers {@code onArrival} after the network delay if both ends can still talk then. */
    void send(int from, int to, String name, boolean background, Runnable onArrival) {
        if (!canReach(from, to)) {
            return;
        }
        int fromLife = incarnationOf(from);
        int toLife = incarnationOf(to);
        Runnable deliver = () -> {
            if (incarnationOf(from) == fromLife && incarnationOf(to) == toLife && canReach(from, to)) {
                onArrival.run();
            }
        };
        if (background) {
            sim.scheduler().scheduleBackground(Simulation.NETWORK_DELAY_MS, name, deliver);
        } else {
            sim.scheduler().schedule(Simulation.NETWORK_DELAY_MS, name, deliver);
        }
    }
}
