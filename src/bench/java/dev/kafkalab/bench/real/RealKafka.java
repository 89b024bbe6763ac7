package dev.kafkalab.bench.real;

import dev.kafkalab.bench.EngineWorkloads;
import dev.kafkalab.bench.EngineWorkloads.Moved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Apache Kafka 4.1 KRaft cluster in this JVM (Kafka's own test kit: brokers and a controller in
 * combined mode, listening on localhost only, logs in a temporary folder deleted on close), and the
 * same workloads as the engine's, with Kafka's own clients and their default settings.
 */
final class RealKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;
    private final Admin admin;
    private int topics;

    RealKafka(int brokers) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(1)
                .build();
        cluster = new KafkaClusterTestKit.Builder(nodes).build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
    }

    /** A fresh topic of one partition for each run, so no run reads or appends to another's log. */
    String newTopic(int rf, int minInsync) throws Exception {
        String name = "bench-" + (++topics);
        admin.createTopics(List.of(new NewTopic(name, 1, (short) rf)
                .configs(Map.of("min.insync.replicas", Integer.toString(minInsync))))).all().get();
        return name;
    }

    void deleteTopic(String name) throws Exception {
        admin.deleteTopics(List.of(name)).all().get();
    }

    KafkaProducer<byte[], byte[]> producer(String acks) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, acks);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Sends {@code n} keyless records of the engine's values and waits until each is acknowledged, as the
     * engine's workload does. The caller times it; the producer is made and closed outside.
     */
    static Moved produce(KafkaProducer<byte[], byte[]> producer, String topic, int n) throws Exception {
        long bytes = 0;
        Future<RecordMetadata> last = null;
        for (int i = 0; i < n; i++) {
            byte[] value = EngineWorkloads.value(i);
            last = producer.send(new ProducerRecord<>(topic, null, null, null, value));
            bytes += value.length;
        }
        producer.flush();
        last.get();
        return new Moved(n, bytes);
    }

    KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** One consumer reads the whole topic back from offset 0; the caller times it. */
    static Moved consumeAll(KafkaConsumer<byte[], byte[]> consumer, String topic, long n) {
        List<TopicPartition> parts = new ArrayList<>(List.of(new TopicPartition(topic, 0)));
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        long records = 0;
        long bytes = 0;
        while (records < n) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                bytes += r.value().length + (r.key() == null ? 0 : r.key().length);
                records++;
            }
        }
        return new Moved(records, bytes);
    }

    @Override
    public void close() throws Exception {
        admin.close();
        cluster.close();
    }
}
