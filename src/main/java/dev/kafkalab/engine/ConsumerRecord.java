package dev.kafkalab.engine;

/** A record as a consumer receives it: where it came from plus the stored record. */
public record ConsumerRecord(String topic, int partition, LogRecord record) {
    public long offset() {
        return record.offset();
    }
}
