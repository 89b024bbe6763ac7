package dev.kafkalab.engine;

/**
 * A refusal as Kafka reports it: the simple name of Kafka's exception class and its message.
 * The engine throws this where Kafka's broker or client would refuse a request.
 */
public final class KafkaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String exceptionName;

    public KafkaException(String exceptionName, String message) {
        super(message, null, false, false);
        this.exceptionName = exceptionName;
    }

    /** Kafka's exception class simple name, e.g. {@code InvalidTopicException}. */
    public String exceptionName() {
        return exceptionName;
    }

    public static KafkaException invalidTopic(String message) {
        return new KafkaException("InvalidTopicException", message);
    }

    public static KafkaException recordTooLarge(String message) {
        return new KafkaException("RecordTooLargeException", message);
    }

    @Override
    public String toString() {
        return exceptionName + ": " + getMessage();
    }
}
