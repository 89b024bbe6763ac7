package dev.kafkalab.engine;

/** Topic name rules of Kafka's {@code org.apache.kafka.common.internals.Topic}, with its messages. */
public final class TopicNames {
    public static final int MAX_NAME_LENGTH = 249;
    public static final String GROUP_METADATA_TOPIC_NAME = "__consumer_offsets";
    public static final String TRANSACTION_STATE_TOPIC_NAME = "__transaction_state";

    private TopicNames() {
    }

    /** @throws KafkaException InvalidTopicException with Kafka's message */
    public static void validate(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw KafkaException.invalidTopic("Topic name is invalid: " + problem);
        }
    }

    /** Kafka's reason a name is invalid, or null when it is valid. */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "the empty string is not allowed";
        }
        if (name.equals(".")) {
            return "'.' is not allowed";
        }
        if (name.equals("..")) {
            return "'..' is not allowed";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "the length of '" + name + "' is longer than the max allowed length " + MAX_NAME_LENGTH;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isLegal(name.charAt(i))) {
                return "'" + name + "' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'";
            }
        }
        return null;
    }

    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    private static boolean isLegal(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    /** '.' and '_' share metric names in Kafka, so two names that differ only there collide. */
    public static String unifyCollisionChars(String name) {
        return name.replace('.', '_');
    }

    public static boolean hasCollision(String a, String b) {
        return unifyCollisionChars(a).equals(unifyCollisionChars(b));
    }
}
