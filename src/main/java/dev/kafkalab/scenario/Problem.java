package dev.kafkalab.scenario;

/** One thing wrong with a scenario file. Prints as {@code file:line:column: message}. */
public record Problem(Location location, String message) implements Comparable<Problem> {
    @Override
    public int compareTo(Problem other) {
        return location.compareTo(other.location);
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
