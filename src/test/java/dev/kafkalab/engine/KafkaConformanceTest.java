package dev.kafkalab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.DefaultRecord;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator teaches Kafka, so wherever Kafka's own client code can run inside a test it is the
 * oracle: the engine must compute exactly what kafka-clients 4.1.1 computes.
 */
class KafkaConformanceTest {

    // ---------------------------------------------------------------- key hashing

    @Test
    void murmur2AndToPositiveMatchKafkaOnRandomKeys() {
        Random random = new Random(20240601L);
        int checked = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] data = new byte[random.nextInt(65)];
            random.nextBytes(data);
            int ours = KeyHashing.murmur2(data);
            int kafka = Utils.murmur2(data);
            assertThat(ours).as("murmur2 of %d random bytes (case %d)", data.length, i).isEqualTo(kafka);
            assertThat(KeyHashing.toPositive(ours)).isEqualTo(Utils.toPositive(kafka));
            checked++;
        }
        assertThat(checked).isEqualTo(100_000);
    }

    @Test
    void toPositiveClearsTheSignBitLikeKafkaNotMathAbs() {
        int[] edge = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, -324981792, -1563381124};
        for (int n : edge) {
            assertThat(KeyHashing.toPositive(n)).isEqualTo(Utils.toPositive(n));
        }
        // Math.abs would send "user-2" elsewhere: the lesson the spec insists on
        int hash = KeyHashing.murmur2("user-2".getBytes(StandardCharsets.UTF_8));
        assertThat(KeyHashing.toPositive(hash) % 6).isNotEqualTo(Math.abs(hash) % 6);
    }

    @Test
    void keyedPartitionMatchesKafkaBuiltInPartitionerForOneToFiftyPartitions() {
        Random random = new Random(7L);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] key = new byte[random.nextInt(65)];
            random.nextBytes(key);
            for (int n = 1; n <= 50; n++) {
                assertThat(KeyHashing.partitionForKey(key, n))
                        .as("key #%d with %d partitions", i, n)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key, n));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(1_000_000);
    }

    /** The spec's table: key, murmur2, positive, then the partition for P = 2, 3, 4, 6, 12. */
    private static final Object[][] SPEC_VECTORS = {
            {"Credit Card Payment", 1095166239, 1095166239, new int[] {1, 0, 3, 3, 3}},
            {"user-1", 1404122828, 1404122828, new int[] {0, 2, 0, 2, 8}},
            {"user-2", -324981792, 1822501856, new int[] {0, 2, 0, 2, 8}},
            {"user-3", 1141442267, 1141442267, new int[] {1, 2, 3, 5, 11}},
            {"", 275646681, 275646681, new int[] {1, 0, 1, 3, 9}},
            {"a", -1563381124, 584102524, new int[] {0, 1, 0, 4, 4}},
            {"truck_123", 83587471, 83587471, new int[] {1, 1, 3, 1, 7}},
            {"\u00e9", 186971271, 186971271, new int[] {1, 0, 3, 3, 3}},
    };
    private static final int[] SPEC_PARTITION_COUNTS = {2, 3, 4, 6, 12};

    static Stream<Arguments> specVectors() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] row : SPEC_VECTORS) {
            int[] expected = (int[]) row[3];
            for (int i = 0; i < SPEC_PARTITION_COUNTS.length; i++) {
                out.add(Arguments.of(row[0], row[1], row[2], SPEC_PARTITION_COUNTS[i], expected[i]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "\"{0}\" with {3} partitions -> {4}")
    @MethodSource("specVectors")
    @DisplayName("spec test vectors hold for our hashing and for Kafka's")
    void specTestVectorsHoldForOursAndKafkas(String key, int murmur2, int positive, int partitions, int expected) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);

        KeyHashing.Steps steps = KeyHashing.steps(key, partitions);
        assertThat(steps.murmur2()).isEqualTo(murmur2);
        assertThat(steps.positive()).isEqualTo(positive);
        assertThat(steps.partition()).isEqualTo(expected);
        assertThat(KeyHashing.partitionForKey(bytes, partitions)).isEqualTo(expected);

        assertThat(Utils.murmur2(bytes)).as("Kafka's murmur2").isEqualTo(murmur2);
        assertThat(Utils.toPositive(Utils.murmur2(bytes))).as("Kafka's toPositive").isEqualTo(positive);
        assertThat(BuiltInPartitioner.partitionForKey(bytes, partitions)).as("Kafka's partition").isEqualTo(expected);
    }

    // ---------------------------------------------------------------- round robin

    @Test
    void roundRobinMatchesKafkaRoundRobinPartitionerAndSkipsLeaderlessPartitions() {
        Node[] nodes = {new Node(0, "b0", 9092), new Node(1, "b1", 9092), new Node(2, "b2", 9092)};
        // topic -> leader per partition (-1 = no leader)
        Map<String, int[]> topics = new LinkedHashMap<>();
        topics.put("orders", new int[] {0, 1, 2, 0, 1, 2});
        topics.put("payments", new int[] {0, 1, -1, 2, 0});
        topics.put("gaps", new int[] {-1, 1, -1, -1, 2, -1, 0});
        topics.put("all-down", new int[] {-1, -1, -1});
        topics.put("single", new int[] {2});

        List<PartitionInfo> infos = new ArrayList<>();
        Map<String, List<Integer>> available = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> t : topics.entrySet()) {
            List<Integer> avail = new ArrayList<>();
            int[] leaders = t.getValue();
            for (int p = 0; p < leaders.length; p++) {
                Node leader = leaders[p] < 0 ? null : nodes[leaders[p]];
                infos.add(new PartitionInfo(t.getKey(), p, leader, nodes, leader == null ? new Node[0] : nodes));
                if (leader != null) {
                    avail.add(p);
                }
            }
            available.put(t.getKey(), avail);
        }
        org.apache.kafka.common.Cluster kafkaCluster = new org.apache.kafka.common.Cluster(
                "kafka-lab", List.of(nodes), infos, java.util.Set.of(), java.util.Set.of());

        RoundRobinPartitioner kafka = new RoundRobinPartitioner();
        CountingPartitioner ours = CountingPartitioner.roundRobin();
        List<String> names = new ArrayList<>(topics.keySet());
        Random random = new Random(11L);
        List<Integer> seenOnPayments = new ArrayList<>();
        for (int call = 0; call < 600; call++) {
            String topic = names.get(random.nextInt(names.size()));
            byte[] key = random.nextBoolean() ? null : ("k" + call).getBytes(StandardCharsets.UTF_8);
            int expected = kafka.partition(topic, key, key, "v", new byte[] {1}, kafkaCluster);
            int actual = ours.next(topic, available.get(topic), topics.get(topic).length);
            assertThat(actual).as("call %d on %s", call, topic).isEqualTo(expected);
            if (topic.equals("payments")) {
                seenOnPayments.add(actual);
            }
        }
        kafka.close();
        assertThat(seenOnPayments).as("the leaderless partition 2 is skipped").doesNotContain(2)
                .startsWith(0, 1, 3, 4, 0);
    }

    // ---------------------------------------------------------------- topic names

    private static final String LEGAL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
    private static final String ILLEGAL = " /\\:*?\"<>|!@#$%^&()+=,;'`~\t\n\u00e9\u00fc\u4e2d\u0000\u2603";

    private static String randomName(Random r) {
        int kind = r.nextInt(10);
        switch (kind) {
            case 0:
                return List.of("", ".", "..", "...", "_", "-", "__consumer_offsets", "a.b_c").get(r.nextInt(8));
            case 1: {
                // names right around the 249-character limit, sometimes with an illegal character too
                int len = 245 + r.nextInt(10);
                StringBuilder sb = legalChars(r, len);
                if (r.nextInt(4) == 0) {
                    sb.setCharAt(r.nextInt(len), ILLEGAL.charAt(r.nextInt(ILLEGAL.length())));
                }
                return sb.toString();
            }
            case 2:
            case 3:
            case 4: {
                StringBuilder sb = legalChars(r, r.nextInt(261));
                if (sb.length() > 0) {
                    int n = 1 + r.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        sb.setCharAt(r.nextInt(sb.length()), ILLEGAL.charAt(r.nextInt(ILLEGAL.length())));
                    }
                }
                return sb.toString();
            }
            case 5: {
                // any char in 0..0x2FFF, including surrogates and control characters
                int len = r.nextInt(40);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    sb.append((char) r.nextInt(0x3000));
                }
                return sb.toString();
            }
            default:
                return legalChars(r, r.nextInt(r.nextBoolean() ? 30 : 261)).toString();
        }
    }

    private static StringBuilder legalChars(Random r, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(LEGAL.charAt(r.nextInt(LEGAL.length())));
        }
        return sb;
    }

    @Test
    void topicNameValidationAcceptsAndRejectsExactlyAsKafkaWithTheSameMessage() {
        Random random = new Random(249L);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            String name = randomName(random);
            Throwable kafka = catchThrowable(() -> Topic.validate(name));
            Throwable ours = catchThrowable(() -> TopicNames.validate(name));
            if (kafka == null) {
                assertThat(ours).as("Kafka accepts '%s'", name).isNull();
                assertThat(TopicNames.isValid(name)).isTrue();
                accepted++;
            } else {
                assertThat(ours).as("Kafka rejects '%s' with %s", name, kafka).isInstanceOf(KafkaException.class);
                KafkaException e = (KafkaException) ours;
                assertThat(e.exceptionName()).isEqualTo(kafka.getClass().getSimpleName());
                assertThat(e.getMessage()).isEqualTo(kafka.getMessage());
                assertThat(TopicNames.isValid(name)).isFalse();
                rejected++;
            }
        }
        // the generator must exercise both sides substantially
        assertThat(accepted).isGreaterThan(4_000);
        assertThat(rejected).isGreaterThan(4_000);
    }

    @Test
    void topicNameLimitIsExactly249Characters() {
        String ok = "t".repeat(249);
        String tooLong = "t".repeat(250);
        TopicNames.validate(ok);
        Topic.validate(ok);
        assertThat(catchThrowable(() -> TopicNames.validate(tooLong))).hasMessage(
                catchThrowable(() -> Topic.validate(tooLong)).getMessage());
    }

    @Test
    void dotUnderscoreCollisionsAgreeWithKafka() {
        Random random = new Random(99L);
        String alphabet = "ab._-";
        int collisions = 0;
        for (int i = 0; i < 20_000; i++) {
            int len = 1 + random.nextInt(5);
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < len; k++) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                a.append(c);
                // b mostly mirrors a, swapping '.' and '_' or changing a char now and then
                char d = c;
                int roll = random.nextInt(6);
                if (roll == 0 && (c == '.' || c == '_')) {
                    d = c == '.' ? '_' : '.';
                } else if (roll == 1) {
                    d = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                b.append(d);
            }
            if (random.nextInt(10) == 0) {
                b.append('x');
            }
            boolean kafka = Topic.hasCollision(a.toString(), b.toString());
            assertThat(TopicNames.hasCollision(a.toString(), b.toString()))
                    .as("'%s' vs '%s'", a, b).isEqualTo(kafka);
            if (kafka) {
                collisions++;
            }
        }
        assertThat(collisions).isBetween(1_000, 19_000);
        assertThat(TopicNames.hasCollision("my_topic", "my.topic")).isTrue();
        assertThat(TopicNames.unifyCollisionChars("a.b_c")).isEqualTo(Topic.unifyCollisionChars("a.b_c"));
    }

    // ---------------------------------------------------------------- record sizes

    private static byte[] randomBytesOrNull(Random r) {
        if (r.nextInt(8) == 0) {
            return null;
        }
        int[] bounds = {0, 1, 63, 64, 65, 127, 128, 8191, 8192, 20_000};
        int len = r.nextInt(4) == 0 ? bounds[r.nextInt(bounds.length)] : r.nextInt(300);
        byte[] b = new byte[len];
        r.nextBytes(b);
        return b;
    }

    private static Map<String, String> randomHeaders(Random r) {
        Map<String, String> h = new LinkedHashMap<>();
        int n = r.nextInt(5) == 0 ? r.nextInt(70) : r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String key = "h" + i + (r.nextBoolean() ? "-\u00e9\u4e2d" : "") + "x".repeat(r.nextInt(150));
            String value = r.nextInt(5) == 0 ? null : "v".repeat(r.nextInt(200)) + (r.nextBoolean() ? "\u2603" : "");
            h.put(key, value);
        }
        return h;
    }

    private static Header[] kafkaHeaders(Map<String, String> h) {
        List<Header> out = new ArrayList<>();
        for (Map.Entry<String, String> e : h.entrySet()) {
            out.add(new RecordHeader(e.getKey(),
                    e.getValue() == null ? null : e.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return out.toArray(new Header[0]);
    }

    private static ByteBuffer wrap(byte[] b) {
        return b == null ? null : ByteBuffer.wrap(b);
    }

    @Test
    void recordSizeMatchesKafkasDefaultRecordSizeInBytes() {
        Random random = new Random(61L);
        long[] tsEdges = {0, 1, -1, 63, 64, -65, 8191, 1L << 35, -(1L << 40), Long.MAX_VALUE / 2};
        for (int i = 0; i < 20_000; i++) {
            int offsetDelta = random.nextInt(3) == 0 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(20_000);
            long tsDelta = random.nextInt(3) == 0 ? tsEdges[random.nextInt(tsEdges.length)]
                    : random.nextInt(2_000_000) - 1_000_000;
            byte[] key = randomBytesOrNull(random);
            byte[] value = randomBytesOrNull(random);
            Map<String, String> headers = randomHeaders(random);
            int kafka = DefaultRecord.sizeInBytes(offsetDelta, tsDelta, wrap(key), wrap(value),
                    kafkaHeaders(headers));
            assertThat(RecordSizes.recordSize(offsetDelta, tsDelta, key, value, headers))
                    .as("case %d: offsetDelta %d, timestampDelta %d", i, offsetDelta, tsDelta)
                    .isEqualTo(kafka);
        }
    }

    @Test
    void producerUpperBoundMatchesKafkasEstimateSizeInBytesUpperBound() {
        Random random = new Random(82L);
        for (int i = 0; i < 20_000; i++) {
            byte[] key = randomBytesOrNull(random);
            byte[] value = randomBytesOrNull(random);
            Map<String, String> headers = randomHeaders(random);
            int kafka = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
                    CompressionType.NONE, key, value, kafkaHeaders(headers));
            assertThat(RecordSizes.producerUpperBound(key, value, headers)).as("case %d", i).isEqualTo(kafka);
        }
        // and the batch header constant is Kafka's
        assertThat(RecordSizes.RECORD_BATCH_OVERHEAD)
                .isEqualTo(org.apache.kafka.common.record.DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        assertThat(RecordSizes.MAX_RECORD_OVERHEAD).isEqualTo(DefaultRecord.MAX_RECORD_OVERHEAD);
        assertThat(RecordSizes.LOG_OVERHEAD).isEqualTo(org.apache.kafka.common.record.Records.LOG_OVERHEAD);
    }
}
