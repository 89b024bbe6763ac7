package dev.kafkalab.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A producer client: picks partitions, gathers records into batches ({@code batch.size},
 * {@code linger.ms}), sends ready batches to partition leaders over the simulated network and
 * records a delivery result per record. Mirrors {@code KafkaProducer}, {@code RecordAccumulator}
 * and {@code Sender}.
 */
public final class Producer {
    private final Simulation sim;
    private final String id;
    private final Config config;
    private final String partitionerName;
    private final UniformStickyPartitioner sticky;
    private final CountingPartitioner counting;
    private final Map<TopicPartition, Deque<ProducerBatch>> accumulator = new TreeMap<>();
    private final Map<Integer, Integer> inFlightByBroker = new TreeMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private long nextSequence;
    private int incomplete;
    private boolean flushing;
    private boolean wakeupScheduled;

    Producer(Simulation sim, String id, Config config) {
        this.sim = sim;
        this.id = id;
        this.config = config;
        String p = config.getString("partitioner.class");
        if (p.endsWith("RoundRobinPartitioner")) {
            p = Configs.PARTITIONER_ROUND_ROBIN;
        } else if (p.endsWith("DefaultPartitioner")) {
            p = Configs.PARTITIONER_LEGACY;
        }
        this.partitionerName = p;
        this.sticky = new UniformStickyPartitioner(sim.random(), config.getInt("batch.size"));
        this.counting = switch (p) {
            case Configs.PARTITIONER_ROUND_ROBIN -> CountingPartitioner.roundRobin();
            case Configs.PARTITIONER_LEGACY -> CountingPartitioner.legacy(sim.random());
            default -> null;
        };
    }

    public String id() {
        return id;
    }

    public Config config() {
        return config;
    }

    /** Which partitioner this producer uses: default, round-robin or legacy. */
    public String partitionerName() {
        return partitionerName;
    }

    /** Every delivery result so far, in the order they completed. */
    public List<Delivery> deliveries() {
        return Collections.unmodifiableList(deliveries);
    }

    /** Records sent but neither acknowledged nor failed yet. */
    public int incomplete() {
        return incomplete;
    }

    /**
     * Sends one record at the current virtual time. Refusals (too large, bad partition, unknown
     * topic) become failed deliveries, as the producer's callback would report them.
     */
    public void send(ProducerRecord record) {
        long seq = nextSequence++;
        incomplete++;
        String key = keyText(record);
        if (record.timestamp() != null && record.timestamp() < 0) {
            fail(seq, record.topic(), -1, key, sim.now(), new KafkaException("IllegalArgumentException",
                    "Invalid timestamp: " + record.timestamp() + ". Timestamp should always be non-negative or null."));
            return;
        }
        if (record.partition() != null && record.partition() < 0) {
            fail(seq, record.topic(), -1, key, sim.now(), new KafkaException("IllegalArgumentException",
                    "Invalid partition: " + record.partition()
                            + ". Partition number should always be non-negative or null."));
            return;
        }
        Topic topic = sim.cluster().topic(record.topic());
        if (topic == null) {
            topic = autoCreate(seq, record, key);
            if (topic == null) {
                return;
            }
        }
        int size = RecordSizes.producerUpperBound(record.key(), record.value(), record.headers());
        int maxRequest = config.getInt("max.request.size");
        if (size > maxRequest) {
            fail(seq, record.topic(), -1, key, sim.now(), KafkaException.recordTooLarge("The message is " + size
                    + " bytes when serialized which is larger than " + maxRequest
                    + ", which is the value of the max.request.size configuration."));
            return;
        }
        if (size > config.getLong("buffer.memory")) {
            fail(seq, record.topic(), -1, key, sim.now(), KafkaException.recordTooLarge("The message is " + size
                    + " bytes when serialized which is larger than the total memory buffer you have configured"
                    + " with the buffer.memory configuration."));
            return;
        }
        int numPartitions = topic.partitionCount();
        if (record.partition() != null && record.partition() >= numPartitions) {
            fail(seq, record.topic(), -1, key, sim.now(), new KafkaException("KafkaException",
                    "Invalid partition given with record: " + record.partition() + " is not in the range [0..."
                            + numPartitions + ")."));
            return;
        }
        long timestamp = record.timestamp() != null ? record.timestamp() : sim.now();
        List<Integer> available = available(topic);
        int partition;
        String choice;
        SimEvent.Hashing hashing = null;
        boolean useSticky = false;
        if (record.partition() != null) {
            partition = record.partition();
            choice = "explicit";
        } else if (record.key() != null && !ignoresKeys()) {
            KeyHashing.Steps steps = KeyHashing.steps(record.key(), numPartitions);
            partition = steps.partition();
            choice = "key-hash";
            hashing = new SimEvent.Hashing(HexFormat.of().formatHex(record.key()), steps.murmur2(),
                    steps.positive(), numPartitions);
        } else if (counting != null) {
            partition = counting.next(topic.name(), available, numPartitions);
            choice = partitionerName.equals(Configs.PARTITIONER_LEGACY) ? "legacy-round-robin" : "round-robin";
        } else {
            // Kafka (RecordAccumulator.partitionChanged) completes a switch it had postponed while the
            // sticky partition still had an open batch, once that batch is sent, full or out of room.
            Deque<ProducerBatch> stickyDeque = accumulator.get(
                    new TopicPartition(topic.name(), sticky.current(topic.name(), available, numPartitions)));
            ProducerBatch open = stickyDeque == null ? null : stickyDeque.peekLast();
            if (open == null || open.isFull() || !open.hasRoomFor(record, timestamp)) {
                UniformStickyPartitioner.Update u = sticky.update(topic.name(), 0, true, available, numPartitions);
                if (u.switched()) {
                    sim.emit(new SimEvent.StickyPartitionChanged(sim.now(), id, topic.name(), u.from(), u.to(),
                            u.producedBytes(), u.reason()));
                }
            }
            partition = sticky.current(topic.name(), available, numPartitions);
            choice = "sticky";
            useSticky = true;
        }
        TopicPartition tp = new TopicPartition(topic.name(), partition);
        Deque<ProducerBatch> deque = accumulator.computeIfAbsent(tp, k -> new ArrayDeque<>());
        ProducerBatch last = deque.peekLast();
        if (last == null || !last.hasRoomFor(record, timestamp)) {
            last = new ProducerBatch(tp, sim.now(), config.getInt("batch.size"));
            deque.addLast(last);
            long linger = config.getLong("linger.ms");
            sim.scheduler().schedule(linger, id + " linger", this::drain);
        }
        int appended = last.append(seq, record, timestamp);
        sim.emit(new SimEvent.RecordSent(sim.now(), id, topic.name(), partition, key, record.valueString(), timestamp,
                choice, hashing, appended));
        if (useSticky) {
            ProducerBatch tail = deque.peekLast();
            boolean enableSwitch = tail == null || tail.isFull();
            UniformStickyPartitioner.Update u = sticky.update(topic.name(), appended, enableSwitch, available,
                    numPartitions);
            if (u.switched()) {
                sim.emit(new SimEvent.StickyPartitionChanged(sim.now(), id, topic.name(), u.from(), u.to(),
                        u.producedBytes(), u.reason()));
            }
        }
        if (deque.size() > 1 || last.isFull()) {
            wakeup();
        }
    }

    /** RoundRobinPartitioner and partitioner.ignore.keys spread even keyed records. */
    private boolean ignoresKeys() {
        return partitionerName.equals(Configs.PARTITIONER_ROUND_ROBIN) || config.getBoolean("partitioner.ignore.keys");
    }

    private Topic autoCreate(long seq, ProducerRecord record, String key) {
        Config brokerCfg = sim.cluster().brokerConfig();
        long maxBlock = config.getLong("max.block.ms");
        if (!TopicNames.isValid(record.topic())) {
            fail(seq, record.topic(), -1, key, sim.now(), KafkaException.invalidTopic(
                    "Invalid topics: [" + record.topic() + "]"));
            return null;
        }
        if (brokerCfg.getBoolean("auto.create.topics.enable")) {
            try {
                return sim.cluster().createTopic(record.topic(), null, null, null, Map.of(), true);
            } catch (KafkaException e) {
                sim.emit(new SimEvent.RequestRefused(sim.now(), "autoCreateTopic", e.exceptionName(), e.getMessage()));
            }
        }
        long now = sim.now();
        sim.scheduler().schedule(maxBlock, id + " metadata timeout", () -> fail(seq, record.topic(), -1, key, now,
                new KafkaException("TimeoutException", "Topic " + record.topic() + " not present in metadata after "
                        + maxBlock + " ms.")));
        return null;
    }

    private static List<Integer> available(Topic topic) {
        List<Integer> out = new ArrayList<>();
        for (Partition p : topic.partitions()) {
            if (p.hasLeader()) {
                out.add(p.index());
            }
        }
        return out;
    }

    /** Sends every batch now, as {@code KafkaProducer.flush()} does; completion follows over virtual time. */
    public void flush() {
        flushing = true;
        drain();
    }

    private void wakeup() {
        if (!wakeupScheduled) {
            wakeupScheduled = true;
            sim.scheduler().schedule(0, id + " sender", () -> {
                wakeupScheduled = false;
                drain();
            });
        }
    }

    /** The sender loop: ready batches (full, lingered long enough, or flushing) go to their leaders. */
    private void drain() {
        Map<Integer, List<ProducerBatch>> requests = new TreeMap<>();
        int maxInFlight = config.getInt("max.in.flight.requests.per.connection");
        long linger = config.getLong("linger.ms");
        for (Map.Entry<TopicPartition, Deque<ProducerBatch>> e : accumulator.entrySet()) {
            Deque<ProducerBatch> deque = e.getValue();
            ProducerBatch head = deque.peekFirst();
            if (head == null) {
                continue;
            }
            boolean ready = flushing || deque.size() > 1 || head.isFull() || sim.now() - head.createdMs >= linger;
            if (!ready) {
                continue;
            }
            Partition p = sim.cluster().topic(e.getKey().topic()).partition(e.getKey().partition());
            int leader = p.leader();
            if (leader < 0 || inFlightByBroker.getOrDefault(leader, 0) >= maxInFlight) {
                continue;
            }
            requests.computeIfAbsent(leader, b -> new ArrayList<>()).add(deque.pollFirst());
        }
        for (Map.Entry<Integer, List<ProducerBatch>> r : requests.entrySet()) {
            sendRequest(r.getKey(), r.getValue());
        }
        if (flushing && accumulator.values().stream().allMatch(Deque::isEmpty)) {
            flushing = incomplete > 0;
        }
    }

    private void sendRequest(int broker, List<ProducerBatch> batches) {
        String acks = config.getString("acks");
        for (ProducerBatch b : batches) {
            b.sent = true;
            sim.emit(new SimEvent.BatchSent(sim.now(), id, b.tp.topic(), b.tp.partition(), broker, b.entries.size(),
                    b.estimatedBytes()));
        }
        if (acks.equals("0")) {
            // nothing comes back: the producer counts the batch as done with offset -1
            for (ProducerBatch b : batches) {
                acknowledge(b, -1, -1);
            }
            sim.scheduler().schedule(Simulation.NETWORK_DELAY_MS, "produce to " + broker, () -> {
                for (ProducerBatch b : batches) {
                    sim.replicaManager().append(broker, b.tp, b.appends());
                }
            });
            return;
        }
        inFlightByBroker.merge(broker, 1, Integer::sum);
        sim.scheduler().schedule(Simulation.NETWORK_DELAY_MS, "produce to " + broker, () -> {
            List<ReplicaManager.Result> results = new ArrayList<>();
            for (ProducerBatch b : batches) {
                results.add(sim.replicaManager().append(broker, b.tp, b.appends()));
            }
            sim.scheduler().schedule(Simulation.NETWORK_DELAY_MS, "produce response from " + broker, () -> {
                inFlightByBroker.merge(broker, -1, Integer::sum);
                for (int i = 0; i < batches.size(); i++) {
                    ReplicaManager.Result res = results.get(i);
                    ProducerBatch b = batches.get(i);
                    if (res.error() == null) {
                        acknowledge(b, res.baseOffset(), res.logAppendTime());
                    } else {
                        for (ProducerBatch.Entry e : b.entries) {
                            fail(e.sequence(), b.tp.topic(), b.tp.partition(), keyText(e.record()), e.timestamp(),
                                    res.error());
                        }
                    }
                }
                drain();
            });
        });
    }

    private void acknowledge(ProducerBatch b, long baseOffset, long logAppendTime) {
        sim.emit(new SimEvent.BatchAcknowledged(sim.now(), id, b.tp.topic(), b.tp.partition(), baseOffset,
                b.entries.size()));
        for (int i = 0; i < b.entries.size(); i++) {
            ProducerBatch.Entry e = b.entries.get(i);
            long offset = baseOffset < 0 ? -1 : baseOffset + i;
            long ts = logAppendTime >= 0 ? logAppendTime : e.timestamp();
            deliveries.add(new Delivery(e.sequence(), b.tp.topic(), b.tp.partition(), offset, keyText(e.record()), ts,
                    null, null));
            incomplete--;
        }
    }

    private void fail(long seq, String topic, int partition, String key, long timestamp, KafkaException error) {
        sim.emit(new SimEvent.RecordFailed(sim.now(), id, topic, partition, key, error.exceptionName(),
                error.getMessage()));
        deliveries.add(new Delivery(seq, topic, partition, -1, key, timestamp, error.exceptionName(),
                error.getMessage()));
        incomplete--;
    }

    private static String keyText(ProducerRecord r) {
        return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
    }

    /** Settings given explicitly, for display. */
    public Map<String, Object> explicitConfig() {
        return new LinkedHashMap<>(config.explicitValues());
    }
}
