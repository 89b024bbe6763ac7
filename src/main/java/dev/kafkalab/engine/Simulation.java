package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The simulated Kafka cluster and its clients on one virtual clock. Deterministic: the same seed and
 * the same calls give the same event trace. Step one event, run until a time, or run until idle.
 */
public final class Simulation {
    /** One-way latency of every simulated network message, in virtual milliseconds. */
    public static final long NETWORK_DELAY_MS = 1;

    private final long seed;
    private final Random random;
    private final VirtualClock clock = new VirtualClock();
    private final Scheduler scheduler = new Scheduler(clock);
    private final Cluster cluster;
    private final Network network = new Network(this);
    private final Controller controller = new Controller(this);
    private final ReplicaManager replicaManager = new ReplicaManager(this);
    private final LogCleaner logCleaner = new LogCleaner(this);
    private final GroupCoordinator groupCoordinator = new GroupCoordinator(this);
    private final Map<Integer, Integer> brokerLives = new java.util.HashMap<>();
    private long nextProducerId = 1000;
    private final Map<String, Producer> producers = new LinkedHashMap<>();
    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    private final List<java.util.function.Consumer<SimEvent>> listeners = new ArrayList<>();
    private final List<SimEvent> trace = new ArrayList<>();
    private boolean recordTrace = true;

    /**
     * @param brokers      1 to 12 brokers, ids 0..n-1
     * @param brokerConfig broker settings by Kafka name (null or empty for Kafka's defaults)
     */
    public Simulation(long seed, int brokers, Map<String, ?> brokerConfig) {
        this.seed = seed;
        this.random = new Random(seed);
        this.cluster = new Cluster(this, brokers, Config.parse(Configs.Scope.BROKER, brokerConfig, null));
        emit(new SimEvent.ControllerElected(0, Cluster.CONTROLLER_ID));
        for (Broker b : cluster.brokers()) {
            emit(new SimEvent.BrokerStarted(0, b.id()));
            controller.onHeartbeat(b.id());
            startBroker(b.id());
        }
        controller.start();
    }

    Network network() {
        return network;
    }

    Controller controller() {
        return controller;
    }

    public GroupCoordinator groupCoordinator() {
        return groupCoordinator;
    }

    /** The broker coordinating {@code group} now (the leader of its __consumer_offsets partition). */
    int groupCoordinatorNode(String group) {
        return groupCoordinator.coordinatorFor(group);
    }

    /** Starts a broker's periodic work: heartbeats to the controller and the ISR expiration check. */
    void startBroker(int id) {
        int life = brokerLives.merge(id, 1, Integer::sum);
        heartbeatLoop(id, life);
        isrExpirationLoop(id, life);
        retentionLoop(id, life);
        cleanerLoop(id, life);
    }

    private boolean alive(int id, int life) {
        return brokerLives.get(id) == life && cluster.broker(id).isServing();
    }

    private void heartbeatLoop(int id, int life) {
        long interval = cluster.brokerConfig().getInt("broker.heartbeat.interval.ms");
        network.send(id, Cluster.CONTROLLER_ID, "heartbeat", true, () -> controller.onHeartbeat(id));
        scheduler.scheduleBackground(interval, "heartbeat " + id, () -> {
            if (alive(id, life)) {
                heartbeatLoop(id, life);
            }
        });
    }

    /** Kafka's log retention task: every log.retention.check.interval.ms, for logs that are not compacted. */
    private void retentionLoop(int id, int life) {
        long interval = cluster.brokerConfig().getLong("log.retention.check.interval.ms");
        scheduler.scheduleBackground(interval, "log retention " + id, () -> {
            if (alive(id, life)) {
                logCleaner.checkRetention(id);
                retentionLoop(id, life);
            }
        });
    }

    /** Kafka's log cleaner thread: every log.cleaner.backoff.ms it compacts compacted logs and applies their retention. */
    private void cleanerLoop(int id, int life) {
        long backoff = Math.max(1, cluster.brokerConfig().getLong("log.cleaner.backoff.ms"));
        scheduler.scheduleBackground(backoff, "log cleaner " + id, () -> {
            if (alive(id, life)) {
                logCleaner.runCleaner(id);
                cleanerLoop(id, life);
            }
        });
    }

    private void isrExpirationLoop(int id, int life) {
        long half = Math.max(1, cluster.brokerConfig().getLong("replica.lag.time.max.ms") / 2);
        scheduler.scheduleBackground(half, "isr expiration " + id, () -> {
            if (alive(id, life)) {
                replicaManager.checkIsrExpiration(id);
                isrExpirationLoop(id, life);
            }
        });
    }

    /** A broker went down: clients waiting on it see their connection drop. */
    void brokerWentDown(int id) {
        brokerLives.merge(id, 1, Integer::sum);
        for (Producer p : producers.values()) {
            p.disconnected(id);
        }
    }

    long nextProducerId() {
        return nextProducerId++;
    }

    public long seed() {
        return seed;
    }

    public long now() {
        return clock.now();
    }

    /** The simulation's one source of randomness, seeded. */
    public Random random() {
        return random;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Cluster cluster() {
        return cluster;
    }

    ReplicaManager replicaManager() {
        return replicaManager;
    }

    LogCleaner logCleaner() {
        return logCleaner;
    }

    /** Keep every event in {@link #trace()} (on by default; benchmarks turn it off). */
    public void setRecordTrace(boolean on) {
        this.recordTrace = on;
    }

    public void addListener(java.util.function.Consumer<SimEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(java.util.function.Consumer<SimEvent> listener) {
        listeners.remove(listener);
    }

    /** Every event so far, in order. */
    public List<SimEvent> trace() {
        return Collections.unmodifiableList(trace);
    }

    /** Whether anyone sees events: the trace or a listener. Hot paths skip building events nobody sees. */
    boolean observed() {
        return recordTrace || !listeners.isEmpty();
    }

    void emit(SimEvent e) {
        if (recordTrace) {
            trace.add(e);
        }
        for (java.util.function.Consumer<SimEvent> l : listeners) {
            l.accept(e);
        }
    }

    /** Records a refused request in the trace (used by drivers that catch a {@link KafkaException}). */
    public void refused(String request, KafkaException e) {
        emit(new SimEvent.RequestRefused(now(), request, e.exceptionName(), e.getMessage()));
    }

    // ---- running ----

    /** Runs the next scheduled task. Returns false when nothing is scheduled. */
    public boolean step() {
        return scheduler.runOne();
    }

    /** Runs every task due up to {@code timeMs}, then sets the clock to {@code timeMs}. */
    public void runUntil(long timeMs) {
        while (scheduler.nextTime() <= timeMs) {
            scheduler.runOne();
        }
        clock.advanceTo(Math.max(timeMs, clock.now()));
    }

    /** Lets {@code ms} of virtual time pass. */
    public void advance(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("cannot advance by a negative time: " + ms);
        }
        runUntil(clock.now() + ms);
        emit(new SimEvent.TimeAdvanced(now(), ms));
    }

    /**
     * True while work is pending: a foreground task, or a record a producer sent that is neither
     * acknowledged nor failed yet (its timeouts guarantee it ends). Heartbeats and fetch loops do not count.
     */
    public boolean isBusy() {
        if (!scheduler.isIdle()) {
            return true;
        }
        for (Producer p : producers.values()) {
            if (p.incomplete() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Runs until nothing is pending (see {@link #isBusy()}). */
    public void runUntilIdle() {
        while (isBusy() && scheduler.runOne()) {
            // keep going
        }
    }

    /** Runs until {@code done} holds or nothing is pending. Returns whether it holds. */
    public boolean runUntil(BooleanSupplier done) {
        while (!done.getAsBoolean() && isBusy() && scheduler.runOne()) {
            // keep going
        }
        return done.getAsBoolean();
    }

    // ---- topics ----

    /** Creates a topic; see {@link Cluster#createTopic}. */
    public Topic createTopic(String name, Integer partitions, Integer replicationFactor,
                             Map<Integer, List<Integer>> assignment, Map<String, ?> config) {
        return cluster.createTopic(name, partitions, replicationFactor, assignment, config, false);
    }

    public void addPartitions(String topic, int newTotal) {
        cluster.addPartitions(topic, newTotal);
    }

    // ---- clients ----

    public Producer createProducer(String id, Map<String, ?> config) {
        if (producers.containsKey(id)) {
            throw new IllegalArgumentException("a producer with id '" + id + "' already exists");
        }
        Producer p = new Producer(this, id, Config.parse(Configs.Scope.PRODUCER, config, null));
        producers.put(id, p);
        emit(new SimEvent.ProducerStarted(now(), id, p.config().explicitValues()));
        return p;
    }

    public Consumer createConsumer(String id, Map<String, ?> config) {
        if (consumers.containsKey(id)) {
            throw new IllegalArgumentException("a consumer with id '" + id + "' already exists");
        }
        Consumer c = new Consumer(this, id, Config.parse(Configs.Scope.CONSUMER, config, null));
        consumers.put(id, c);
        emit(new SimEvent.ConsumerStarted(now(), id, c.config().explicitValues()));
        return c;
    }

    /** A fresh consumer process under an id whose earlier consumer left or was killed. */
    public Consumer replaceConsumer(String id, Map<String, ?> config) {
        Consumer old = consumers.get(id);
        if (old != null && !old.isClosed()) {
            old.closeQuietly();
        }
        Consumer c = new Consumer(this, id, Config.parse(Configs.Scope.CONSUMER, config, null));
        consumers.put(id, c);
        emit(new SimEvent.ConsumerStarted(now(), id, c.config().explicitValues()));
        return c;
    }

    public Producer producer(String id) {
        return producers.get(id);
    }

    public Consumer consumer(String id) {
        return consumers.get(id);
    }

    public Map<String, Producer> producers() {
        return Collections.unmodifiableMap(producers);
    }

    public Map<String, Consumer> consumers() {
        return Collections.unmodifiableMap(consumers);
    }
}
