package dev.kafkalab.scenario;

import java.util.Locale;

/** {@code crash}, {@code shutdown}, {@code restart}, {@code isolate} or {@code heal} of one broker. */
public record BrokerAction(int step, int index, Location location, Kind kind, int broker) implements Action {

    /** What happens to the broker. */
    public enum Kind {
        /** Hard crash: undelivered messages to or from it are dropped. */
        CRASH,
        /** Controlled shutdown. */
        SHUTDOWN,
        /** Start again, recovering its log. */
        RESTART,
        /** Cut it off the network. */
        ISOLATE,
        /** Reconnect it. */
        HEAL;

        /** The action name in files, e.g. {@code crash}. */
        public String actionName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind for an action name, or null. */
        public static Kind of(String actionName) {
            for (Kind k : values()) {
                if (k.actionName().equals(actionName)) {
                    return k;
                }
            }
            return null;
        }
    }

    @Override
    public String name() {
        return kind.actionName();
    }
}
