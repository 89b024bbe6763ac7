package dev.kafkalab.scenario;

/**
 * An action Kafka refused during a run: {@code step} and {@code action} are 1-based positions in the
 * file (step 0 means the file's {@code topics}/{@code consumers} sections, set up before step 1).
 */
public record RunFailure(int step, int action, String name, String error, String message, Location location) {
}
