package dev.kafkalab.engine;

/**
 * The outcome of one send: acknowledged at an offset ({@code -1} with acks=0), or failed with Kafka's
 * exception name and message. {@code partition} is -1 when the record never got one.
 */
public record Delivery(long sequence, String topic, int partition, long offset, String key, long timestamp,
                       String error, String message) {
    public boolean acked() {
        return error == null;
    }
}
