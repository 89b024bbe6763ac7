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
    private final Map<TopicPartition, Integer> sequences = new TreeMap<>();
    private final boolean idempotent;
    private final long producerId;
    private final Deliveries deliveries = new Deliveries();
    // settings read on every send, resolved once (a producer's config never changes)
    private final int batchSize;
    private final long lingerMs;
    private final int maxRequestSize;
    private final long bufferMemory;
    private final int deliveryTimeoutMs;
    private final String acks;
    private final int maxInFlight;
    private final int requestTimeoutMs;
    private final int retries;
    private final boolean ignoresKeys;
    /** The partitions with a leader, for the topic last sent to, as of its leadership version. */
    private Topic availableTopic;
    private int availableVersion;
    private List<Integer> availableCached;
    private long nextSequence;
    private int incomplete;
    private boolean flushing;
    private boolean wakeupScheduled;
    /** The accumulator queue last asked for, and its partition. */
    private TopicPartition lastQueueTp;
    private Deque<ProducerBatch> lastQueue;
    /** Names of this producer's scheduled tasks (for debugging), made once rather than per batch. */
    private final String lingerTask;
    private final String deliveryTimeoutTask;
    private final String senderTask;
    private final String requestTimeoutTask;

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
        this.idempotent = idempotenceEnabled(config);
        this.producerId = idempotent ? sim.nextProducerId() : -1;
        this.batchSize = config.getInt("batch.size");
        this.lingerMs = config.getLong("linger.ms");
        this.maxRequestSize = config.getInt("max.request.size");
        this.bufferMemory = config.getLong("buffer.memory");
        this.deliveryTimeoutMs = config.getInt("delivery.timeout.ms");
        this.acks = config.getString("acks");
        this.maxInFlight = config.getInt("max.in.flight.requests.per.connection");
        this.requestTimeoutMs = config.getInt("request.timeout.ms");
        this.retries = config.getInt("retries");
        this.ignoresKeys = p.equals(Configs.PARTITIONER_ROUND_ROBIN) || config.getBoolean("partitioner.ignore.keys");
        this.sticky = new UniformStickyPartitioner(sim.random(), batchSize);
        this.lingerTask = id + " linger";
        this.deliveryTimeoutTask = id + " delivery timeout";
        this.senderTask = id + " sender";
        this.requestTimeoutTask = id + " request timeout";
        this.counting = switch (p) {
            case Configs.PARTITIONER_ROUND_ROBIN -> CountingPartitioner.roundRobin();
            case Configs.PARTITIONER_LEGACY -> CountingPartitioner.legacy(sim.random());
            default -> null;
        };
    }

    public String id() {
        return id;
    }

    /**
     * Kafka's rule: idempotence is on by default, but only where it can hold (acks=all, retries > 0,
     * at most 5 requests in flight); asked for explicitly with other settings, it is a config error.
     */
    static boolean idempotenceEnabled(Config config) {
        boolean fits = config.getString("acks").equals("all") || config.getString("acks").equals("-1");
        fits &= config.getInt("retries") > 0 && config.getInt("max.in.flight.requests.per.connection") <= 5;
        return config.getBoolean("enable.idempotence") && fits;
    }

    /** Kafka's refusal of settings that contradict an explicit enable.idempotence=true, or null. */
    public static String configProblem(Config config) {
        if (!Boolean.TRUE.equals(config.explicitValues().get("enable.idempotence"))) {
            return null;
        }
        String acks = config.getString("acks");
        if (!acks.equals("all") && !acks.equals("-1")) {
            return "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee "
                    + "idempotence.";
        }
        if (config.getInt("retries") == 0) {
            return "Must set retries to non-zero when using the idempotent producer.";
        }
        if (config.getInt("max.in.flight.requests.per.connection") > 5) {
            return "Must set max.in.flight.requests.per.connection to at most 5 when using the idempotent producer.";
        }
        return null;
    }

    /** Whether this producer numbers its batches so the broker can drop retried duplicates. */
    public boolean idempotent() {
        return idempotent;
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
        if (record.timestamp() != null && record.timestamp() < 0) {
            String key = record.keyString();
            fail(seq, record.topic(), -1, key, sim.now(), new KafkaException("IllegalArgumentException",
                    "Invalid timestamp: " + record.timestamp() + ". Timestamp should always be non-negative or null."));
            return;
        }
        if (record.partition() != null && record.partition() < 0) {
            String key = record.keyString();
            fail(seq, record.topic(), -1, key, sim.now(), new KafkaException("IllegalArgumentException",
                    "Invalid partition: " + record.partition()
                            + ". Partition number should always be non-negative or null."));
            return;
        }
        Topic topic = sim.cluster().topic(record.topic());
        if (topic == null) {
            topic = autoCreate(seq, record, record.keyString());
            if (topic == null) {
                return;
            }
        }
        int payload = RecordSizes.sizeOfPayload(record.key(), record.value(), record.headers());
        int size = RecordSizes.RECORD_BATCH_OVERHEAD + RecordSizes.MAX_RECORD_OVERHEAD + payload;
        int maxRequest = maxRequestSize;
        if (size > maxRequest) {
            fail(seq, record.topic(), -1, record.keyString(), sim.now(), KafkaException.recordTooLarge("The message is "
                    + size + " bytes when serialized which is larger than " + maxRequest
                    + ", which is the value of the max.request.size configuration."));
            return;
        }
        if (size > bufferMemory) {
            fail(seq, record.topic(), -1, record.keyString(), sim.now(), KafkaException.recordTooLarge("The message is "
                    + size + " bytes when serialized which is larger than the total memory buffer you have configured"
                    + " with the buffer.memory configuration."));
            return;
        }
        int numPartitions = topic.partitionCount();
        if (record.partition() != null && record.partition() >= numPartitions) {
            fail(seq, record.topic(), -1, record.keyString(), sim.now(), new KafkaException("KafkaException",
                    "Invalid partition given with record: " + record.partition() + " is not in the range [0..."
                            + numPartitions + ")."));
            return;
        }
        long timestamp = record.timestamp() != null ? record.timestamp() : sim.now();
        List<Integer> available = available(topic);
        // with no trace and no listener, nobody sees per-record events: skip building them
        boolean observed = sim.observed();
        int partition;
        String choice;
        SimEvent.Hashing hashing = null;
        boolean useSticky = false;
        // the sticky partition's open batch as checked below, and the size the record would add to it
        ProducerBatch stickyOpen = null;
        int openSize = 0;
        if (record.partition() != null) {
            partition = record.partition();
            choice = "explicit";
        } else if (record.key() != null && !ignoresKeys) {
            int murmur2 = KeyHashing.murmur2(record.key());
            int positive = KeyHashing.toPositive(murmur2);
            partition = positive % numPartitions;
            choice = "key-hash";
            if (observed) {
                hashing = new SimEvent.Hashing(HexFormat.of().formatHex(record.key()), murmur2, positive,
                        numPartitions);
            }
        } else if (counting != null) {
            partition = counting.next(topic.name(), available, numPartitions);
            choice = partitionerName.equals(Configs.PARTITIONER_LEGACY) ? "legacy-round-robin" : "round-robin";
        } else {
            // Kafka (RecordAccumulator.partitionChanged) completes a switch it had postponed while the
            // sticky partition still had an open batch, once that batch is sent, full or out of room.
            partition = sticky.current(topic.name(), available, numPartitions);
            Deque<ProducerBatch> stickyDeque = queue(topic.partition(partition).topicPartition(), false);
            ProducerBatch open = stickyDeque == null ? null : stickyDeque.peekLast();
            openSize = open == null ? 0 : open.sizeOfNext(payload, timestamp);
            stickyOpen = open;
            if (open == null || !open.hasRoomFor(openSize)) {
                UniformStickyPartitioner.Update u = sticky.switchIfDue(topic.name(), 0, true, available,
                        numPartitions);
                if (u != null) {
                    stickySwitched(topic, u, observed);
                    partition = u.to();
                }
            }
            choice = "sticky";
            useSticky = true;
        }
        TopicPartition tp = topic.partition(partition).topicPartition();
        Deque<ProducerBatch> deque = queue(tp, true);
        ProducerBatch last = deque.peekLast();
        int recordSize = last == null ? 0 : last == stickyOpen ? openSize : last.sizeOfNext(payload, timestamp);
        if (last == null || !last.hasRoomFor(recordSize)) {
            if (last != null) {
                last.closed = true;
            }
            // a batch's first record: offset and timestamp deltas are zero
            recordSize = RecordSizes.recordSize(0, 0, payload);
            last = new ProducerBatch(tp, sim.now(), batchSize, recordSize);
            deque.addLast(last);
            sim.scheduler().schedule(lingerMs, lingerTask, this::drain);
            ProducerBatch created = last;
            sim.scheduler().scheduleBackground(deliveryTimeoutMs, deliveryTimeoutTask,
                    () -> expire(created));
        }
        int appended = last.append(seq, record, timestamp, recordSize);
        if (observed) {
            sim.emit(new SimEvent.RecordSent(sim.now(), id, topic.name(), partition, record.keyString(),
                    record.valueString(), timestamp, choice, hashing, appended));
        }
        if (useSticky) {
            ProducerBatch tail = deque.peekLast();
            boolean enableSwitch = tail == null || tail.isFull();
            UniformStickyPartitioner.Update u = sticky.switchIfDue(topic.name(), appended, enableSwitch, available,
                    numPartitions);
            if (u != null) {
                stickySwitched(topic, u, observed);
            }
        }
        if (deque.size() > 1 || last.isFull()) {
            wakeup();
        }
    }

    private void stickySwitched(Topic topic, UniformStickyPartitioner.Update u, boolean observed) {
        if (observed) {
            sim.emit(new SimEvent.StickyPartitionChanged(sim.now(), id, topic.name(), u.from(), u.to(),
                    u.producedBytes(), u.reason()));
        }
    }

    /**
     * The accumulator's queue for {@code tp}, made when {@code create} (null otherwise when it has none).
     * The last one asked for is remembered: a producer mostly sends to one partition at a time.
     */
    private Deque<ProducerBatch> queue(TopicPartition tp, boolean create) {
        if (tp == lastQueueTp) {
            return lastQueue;
        }
        Deque<ProducerBatch> q = accumulator.get(tp);
        if (q == null) {
            if (!create) {
                return null;
            }
            q = new ArrayDeque<>();
            accumulator.put(tp, q);
        }
        lastQueueTp = tp;
        lastQueue = q;
        return q;
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
        sim.scheduler().scheduleBackground(maxBlock, id + " metadata timeout", () -> fail(seq, record.topic(), -1, key, now,
                new KafkaException("TimeoutException", "Topic " + record.topic() + " not present in metadata after "
                        + maxBlock + " ms.")));
        return null;
    }

    /** The partitions of {@code topic} that have a leader, recomputed only when leadership changed. */
    private List<Integer> available(Topic topic) {
        if (topic != availableTopic || topic.leadershipVersion() != availableVersion) {
            List<Integer> out = new ArrayList<>();
            for (Partition p : topic.partitions()) {
                if (p.hasLeader()) {
                    out.add(p.index());
                }
            }
            availableTopic = topic;
            availableVersion = topic.leadershipVersion();
            availableCached = Collections.unmodifiableList(out);
        }
        return availableCached;
    }

    /** Sends every batch now, as {@code KafkaProducer.flush()} does; completion follows over virtual time. */
    public void flush() {
        flushing = true;
        drain();
    }

    private void wakeup() {
        if (!wakeupScheduled) {
            wakeupScheduled = true;
            sim.scheduler().schedule(0, senderTask, () -> {
                wakeupScheduled = false;
                drain();
            });
        }
    }

    /**
     * The sender loop: a partition's first batch goes to its leader when it is ready (full, lingered
     * long enough, being flushed, or due for a retry) and the connection has room for another request.
     */
    private void drain() {
        Map<Integer, List<ProducerBatch>> requests = new TreeMap<>();
        long linger = lingerMs;
        for (Map.Entry<TopicPartition, Deque<ProducerBatch>> e : accumulator.entrySet()) {
            Deque<ProducerBatch> deque = e.getValue();
            ProducerBatch head = deque.peekFirst();
            if (head == null || head.retryAtMs > sim.now()) {
                continue;
            }
            boolean ready = flushing || head.attempts > 0 || deque.size() > 1 || head.isFull()
                    || sim.now() - head.createdMs >= linger;
            if (!ready) {
                continue;
            }
            Partition p = sim.cluster().topic(e.getKey().topic()).partition(e.getKey().partition());
            int leader = p.leader();
            if (leader < 0 || inFlight.getOrDefault(leader, 0) + (requests.containsKey(leader) ? 1 : 0)
                    >= maxInFlight) {
                continue;
            }
            head.closed = true;
            requests.computeIfAbsent(leader, b -> new ArrayList<>()).add(deque.pollFirst());
        }
        for (Map.Entry<Integer, List<ProducerBatch>> r : requests.entrySet()) {
            sendRequest(r.getKey(), r.getValue());
        }
        if (flushing && incomplete == 0) {
            flushing = false;
        }
    }

    /** One produce request in flight to one broker. */
    private final class Request {
        final int broker;
        final List<ProducerBatch> batches;
        int unanswered;
        boolean finished;

        Request(int broker, List<ProducerBatch> batches) {
            this.broker = broker;
            this.batches = batches;
            this.unanswered = batches.size();
        }
    }

    private final Map<Integer, Integer> inFlight = new TreeMap<>();
    private final List<Request> requestsInFlight = new ArrayList<>();

    private void sendRequest(int broker, List<ProducerBatch> batches) {
        for (ProducerBatch b : batches) {
            b.attempts++;
            if (idempotent && b.baseSequence < 0) {
                b.producerId = producerId;
                int next = sequenceFor(b.tp);
                b.baseSequence = next;
                sequences.put(b.tp, next + b.recordCount());
            }
            if (sim.observed()) {
                sim.emit(new SimEvent.BatchSent(sim.now(), id, b.tp.topic(), b.tp.partition(), broker, b.recordCount(),
                        b.estimatedBytes()));
            }
        }
        if (acks.equals("0")) {
            // nothing comes back: the producer counts the batch as done with offset -1
            for (ProducerBatch b : batches) {
                List<PartitionLog.Append> records = b.appends();
                acknowledge(b, -1, -1);
                sim.network().send(Network.CLIENT, broker, "produce", false, () -> sim.replicaManager()
                        .produce(broker, b.tp, records, acks, requestTimeoutMs, res -> { }));
            }
            return;
        }
        Request req = new Request(broker, batches);
        inFlight.merge(broker, 1, Integer::sum);
        requestsInFlight.add(req);
        for (ProducerBatch b : batches) {
            List<PartitionLog.Append> records = b.appends();
            sim.network().send(Network.CLIENT, broker, "produce request", false, () ->
                    sim.replicaManager().produce(broker, b.tp, records, acks, requestTimeoutMs, res ->
                            sim.network().send(broker, Network.CLIENT, "produce response", false, () ->
                                    answered(req, b, res.error(), res.baseOffset(), res.logAppendTime()))));
        }
        sim.scheduler().scheduleBackground(requestTimeoutMs, requestTimeoutTask, () -> {
            if (!req.finished) {
                finish(req, new KafkaException("TimeoutException", "Disconnected from node " + broker
                        + " due to request timeout."));
            }
        });
    }

    /** Every batch of a request still unanswered fails with {@code error} (a timeout or a dropped connection). */
    private void finish(Request req, KafkaException error) {
        for (ProducerBatch b : req.batches) {
            if (!b.done && b.attempts > 0 && req.unanswered > 0) {
                answered(req, b, error, -1, -1);
            }
        }
    }

    /** The broker went down: requests to it fail at once, as a closed connection does. */
    void disconnected(int broker) {
        for (Request req : new ArrayList<>(requestsInFlight)) {
            if (req.broker == broker && !req.finished) {
                finish(req, new KafkaException("NetworkException",
                        "The server disconnected before a response was received."));
            }
        }
    }

    private final java.util.Set<ProducerBatch> answeredBatches =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private void answered(Request req, ProducerBatch b, KafkaException error, long baseOffset, long logAppendTime) {
        if (req.finished || !answeredBatches.add(b)) {
            return;
        }
        if (--req.unanswered == 0) {
            req.finished = true;
            requestsInFlight.remove(req);
            inFlight.merge(req.broker, -1, Integer::sum);
            answeredBatches.removeAll(req.batches);
        }
        if (!b.done) {
            if (error == null) {
                acknowledge(b, baseOffset, logAppendTime);
            } else if (RETRIABLE.contains(error.exceptionName()) && b.attempts <= retries) {
                retry(b, error);
            } else {
                failBatch(b, error);
            }
        }
        drain();
    }

    private static final java.util.Set<String> RETRIABLE = java.util.Set.of("NotLeaderOrFollowerException",
            "NotEnoughReplicasException", "NotEnoughReplicasAfterAppendException", "TimeoutException",
            "NetworkException", "UnknownTopicOrPartitionException");

    /**
     * Puts the batch back at the front of its partition's queue after an exponential backoff:
     * retry.backoff.ms doubling per attempt up to retry.backoff.max.ms (KIP-580, without its jitter).
     */
    private void retry(ProducerBatch b, KafkaException error) {
        long base = config.getLong("retry.backoff.ms");
        long max = Math.max(base, config.getLong("retry.backoff.max.ms"));
        long backoff = Math.min(max, base << Math.min(20, Math.max(0, b.attempts - 1)));
        b.retryAtMs = sim.now() + backoff;
        accumulator.computeIfAbsent(b.tp, k -> new ArrayDeque<>()).addFirst(b);
        sim.emit(new SimEvent.BatchRetried(sim.now(), id, b.tp.topic(), b.tp.partition(), b.attempts,
                error.exceptionName()));
        sim.scheduler().schedule(backoff, id + " retry", this::drain);
    }

    /** delivery.timeout.ms passed since the batch was created: its records fail, sent or not. */
    private void expire(ProducerBatch b) {
        if (b.done) {
            return;
        }
        Deque<ProducerBatch> deque = accumulator.get(b.tp);
        if (deque != null) {
            deque.remove(b);
        }
        failBatch(b, new KafkaException("TimeoutException", "Expiring " + b.recordCount() + " record(s) for "
                + b.tp + ":" + (sim.now() - b.createdMs) + " ms has passed since batch creation"));
        drain();
    }

    private void failBatch(ProducerBatch b, KafkaException error) {
        b.done = true;
        for (int i = 0; i < b.recordCount(); i++) {
            byte[] key = b.key(i);
            String keyText = key == null ? null : new String(key, StandardCharsets.UTF_8);
            fail(b.sequence(i), b.tp.topic(), b.tp.partition(), keyText, b.timestamp(i), error);
        }
        b.release();
    }

    private int sequenceFor(TopicPartition tp) {
        return sequences.getOrDefault(tp, 0);
    }

    private void acknowledge(ProducerBatch b, long baseOffset, long logAppendTime) {
        if (b.done) {
            return;
        }
        b.done = true;
        if (sim.observed()) {
            sim.emit(new SimEvent.BatchAcknowledged(sim.now(), id, b.tp.topic(), b.tp.partition(), baseOffset,
                    b.recordCount()));
        }
        for (int i = 0; i < b.recordCount(); i++) {
            long offset = baseOffset < 0 ? -1 : baseOffset + i;
            long ts = logAppendTime >= 0 ? logAppendTime : b.timestamp(i);
            deliveries.add(b.sequence(i), b.tp.topic(), b.tp.partition(), offset, b.key(i), ts, null, null);
            incomplete--;
        }
        b.release();
    }

    private void fail(long seq, String topic, int partition, String key, long timestamp, KafkaException error) {
        sim.emit(new SimEvent.RecordFailed(sim.now(), id, topic, partition, key, error.exceptionName(),
                error.getMessage()));
        deliveries.add(seq, topic, partition, -1, key, timestamp, error.exceptionName(), error.getMessage());
        incomplete--;
    }
}
