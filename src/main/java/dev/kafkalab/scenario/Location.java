package dev.kafkalab.scenario;

import java.util.Comparator;

/** A position in a scenario file: 1-based line and column. Prints as {@code file:line:column}. */
public record Location(String file, int line, int column) implements Comparable<Location> {
    private static final Comparator<Location> ORDER =
            Comparator.comparingInt(Location::line).thenComparingInt(Location::column);

    /** The start of a file, where problems without a better position go. */
    public static Location start(String file) {
        return new Location(file, 1, 1);
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
