package dev.kafkalab.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every Kafka setting the engine models, per scope, with Kafka 4.1's defaults. */
public final class Configs {
    public enum Scope { BROKER, TOPIC, PRODUCER, CONSUMER }

    private static final long I = Integer.MAX_VALUE;
    private static final long L = Long.MAX_VALUE;

    public static final String PARTITIONER_DEFAULT = "default";
    public static final String PARTITIONER_ROUND_ROBIN = "round-robin";
    public static final String PARTITIONER_LEGACY = "legacy";

    private static final Map<Scope, Map<String, ConfigKey>> KEYS = Map.of(
            Scope.BROKER, index(
                    ConfigKey.ofLong("replica.lag.time.max.ms", 30000, 0, L),
                    ConfigKey.ofInt("broker.session.timeout.ms", 9000, 1, I),
                    ConfigKey.ofInt("broker.heartbeat.interval.ms", 2000, 1, I),
                    ConfigKey.ofInt("min.insync.replicas", 1, 1, I),
                    ConfigKey.ofInt("default.replication.factor", 1, 1, I),
                    ConfigKey.ofInt("num.partitions", 1, 1, I),
                    ConfigKey.ofBoolean("auto.create.topics.enable", true),
                    ConfigKey.ofInt("message.max.bytes", 1048588, 0, I),
                    ConfigKey.ofInt("log.segment.bytes", 1073741824, 1048576, I),
                    ConfigKey.ofLong("log.roll.ms", 604800000L, 1, L),
                    ConfigKey.ofLong("log.retention.ms", 604800000L, -1, L),
                    ConfigKey.ofLong("log.retention.bytes", -1, -1, L),
                    ConfigKey.ofLong("log.retention.check.interval.ms", 300000, 1, L),
                    ConfigKey.ofLong("log.cleaner.delete.retention.ms", 86400000L, 0, L),
                    ConfigKey.ofLong("log.cleaner.backoff.ms", 15000, 0, L),
                    ConfigKey.ofDouble("log.cleaner.min.cleanable.ratio", 0.5, 0, 1),
                    ConfigKey.ofList("log.cleanup.policy", List.of("delete"), "delete", "compact"),
                    ConfigKey.ofString("log.message.timestamp.type", "CreateTime", "CreateTime", "LogAppendTime"),
                    ConfigKey.ofBoolean("unclean.leader.election.enable", false),
                    ConfigKey.ofBoolean("auto.leader.rebalance.enable", true),
                    ConfigKey.ofLong("leader.imbalance.check.interval.seconds", 300, 1, L),
                    ConfigKey.ofInt("group.initial.rebalance.delay.ms", 3000, 0, I),
                    ConfigKey.ofInt("offsets.topic.num.partitions", 50, 1, I),
                    ConfigKey.ofInt("offsets.topic.replication.factor", 3, 1, Short.MAX_VALUE),
                    ConfigKey.ofInt("group.consumer.heartbeat.interval.ms", 5000, 1, I),
                    ConfigKey.ofInt("group.consumer.session.timeout.ms", 45000, 1, I)),
            Scope.TOPIC, index(
                    ConfigKey.ofInt("min.insync.replicas", 1, 1, I).withBrokerDefault("min.insync.replicas"),
                    ConfigKey.ofList("cleanup.policy", List.of("delete"), "delete", "compact")
                            .withBrokerDefault("log.cleanup.policy"),
                    ConfigKey.ofLong("retention.ms", 604800000L, -1, L).withBrokerDefault("log.retention.ms"),
                    ConfigKey.ofLong("retention.bytes", -1, -1, L).withBrokerDefault("log.retention.bytes"),
                    ConfigKey.ofInt("segment.bytes", 1073741824, 1048576, I).withBrokerDefault("log.segment.bytes"),
                    ConfigKey.ofLong("segment.ms", 604800000L, 1, L).withBrokerDefault("log.roll.ms"),
                    ConfigKey.ofInt("max.message.bytes", 1048588, 0, I).withBrokerDefault("message.max.bytes"),
                    ConfigKey.ofString("message.timestamp.type", "CreateTime", "CreateTime", "LogAppendTime")
                            .withBrokerDefault("log.message.timestamp.type"),
                    ConfigKey.ofLong("delete.retention.ms", 86400000L, 0, L)
                            .withBrokerDefault("log.cleaner.delete.retention.ms"),
                    ConfigKey.ofDouble("min.cleanable.dirty.ratio", 0.5, 0, 1)
                            .withBrokerDefault("log.cleaner.min.cleanable.ratio"),
                    ConfigKey.ofBoolean("unclean.leader.election.enable", false)
                            .withBrokerDefault("unclean.leader.election.enable")),
            Scope.PRODUCER, index(
                    ConfigKey.ofString("acks", "all", "all", "-1", "0", "1"),
                    ConfigKey.ofInt("retries", Integer.MAX_VALUE, 0, I),
                    ConfigKey.ofBoolean("enable.idempotence", true),
                    ConfigKey.ofInt("batch.size", 16384, 0, I),
                    ConfigKey.ofLong("linger.ms", 5, 0, L),
                    ConfigKey.ofInt("delivery.timeout.ms", 120000, 0, I),
                    ConfigKey.ofInt("request.timeout.ms", 30000, 0, I),
                    ConfigKey.ofLong("retry.backoff.ms", 100, 0, L),
                    ConfigKey.ofLong("retry.backoff.max.ms", 1000, 0, L),
                    ConfigKey.ofInt("max.in.flight.requests.per.connection", 5, 1, I),
                    ConfigKey.ofInt("max.request.size", 1048576, 0, I),
                    ConfigKey.ofLong("buffer.memory", 33554432L, 0, L),
                    ConfigKey.ofLong("max.block.ms", 60000, 0, L),
                    ConfigKey.ofString("partitioner.class", PARTITIONER_DEFAULT, PARTITIONER_DEFAULT,
                            PARTITIONER_ROUND_ROBIN, "org.apache.kafka.clients.producer.RoundRobinPartitioner",
                            PARTITIONER_LEGACY, "org.apache.kafka.clients.producer.internals.DefaultPartitioner"),
                    ConfigKey.ofBoolean("partitioner.ignore.keys", false)),
            Scope.CONSUMER, index(
                    ConfigKey.ofString("group.protocol", "classic", "classic", "consumer"),
                    ConfigKey.ofList("partition.assignment.strategy", List.of("range", "cooperative-sticky"),
                            "range", "roundrobin", "sticky", "cooperative-sticky",
                            "org.apache.kafka.clients.consumer.RangeAssignor",
                            "org.apache.kafka.clients.consumer.RoundRobinAssignor",
                            "org.apache.kafka.clients.consumer.StickyAssignor",
                            "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"),
                    ConfigKey.ofString("group.remote.assignor", "uniform", "uniform", "range"),
                    ConfigKey.ofString("auto.offset.reset", "latest", "earliest", "latest", "none"),
                    ConfigKey.ofBoolean("enable.auto.commit", true),
                    ConfigKey.ofInt("auto.commit.interval.ms", 5000, 0, I),
                    ConfigKey.ofInt("session.timeout.ms", 45000, 1, I),
                    ConfigKey.ofInt("heartbeat.interval.ms", 3000, 1, I),
                    ConfigKey.ofInt("max.poll.records", 500, 1, I),
                    ConfigKey.ofInt("max.poll.interval.ms", 300000, 1, I),
                    ConfigKey.ofString("group.instance.id", "")));

    private Configs() {
    }

    private static Map<String, ConfigKey> index(ConfigKey... keys) {
        Map<String, ConfigKey> m = new LinkedHashMap<>();
        for (ConfigKey k : keys) {
            m.put(k.name(), k);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The settings of a scope, in a stable order. */
    /** A setting's value as Kafka's tools write it: a list as its items joined by commas ({@code compact,delete}). */
    public static String text(Object value) {
        return value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }

    public static Map<String, ConfigKey> keys(Scope scope) {
        return KEYS.get(scope);
    }

    /** The key, or null when the engine does not model this setting in this scope. */
    public static ConfigKey key(Scope scope, String name) {
        return KEYS.get(scope).get(name);
    }
}
