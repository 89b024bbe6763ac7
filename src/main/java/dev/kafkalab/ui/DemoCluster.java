package dev.kafkalab.ui;

import dev.kafkalab.engine.Delivery;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.ProducerRecord;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo the first window shows: 3 brokers, topic {@code payments} (6 partitions, replication
 * factor 3) and producer {@code p1} with default settings. No JavaFX here.
 */
public final class DemoCluster {
    public static final String TOPIC = "payments";
    public static final int PARTITIONS = 6;
    public static final int REPLICATION_FACTOR = 3;
    public static final String PRODUCER = "p1";

    /** What one send did: the result line, the events it caused, and the delivery. */
    public record SendOutcome(String resultLine, List<SimEvent> events, Delivery delivery) {
    }

    private final Simulation sim;
    private final Producer producer;
    private final List<SimEvent> pending = new ArrayList<>();

    public DemoCluster() {
        sim = new Simulation(0, 3, Map.of());
        sim.createTopic(TOPIC, PARTITIONS, REPLICATION_FACTOR, null, Map.of());
        producer = sim.createProducer(PRODUCER, Map.of());
        sim.addListener(pending::add);
    }

    public Simulation simulation() {
        return sim;
    }

    public Producer producer() {
        return producer;
    }

    /** Every event so far (the setup included), oldest first. */
    public List<SimEvent> history() {
        return sim.trace();
    }

    /**
     * Sends one record and runs the simulation until idle.
     *
     * @param key   null or empty for a keyless record
     * @param value the value text
     */
    public SendOutcome send(String key, String value) {
        pending.clear();
        String k = key == null || key.isEmpty() ? null : key;
        int before = producer.deliveries().size();
        producer.send(ProducerRecord.of(TOPIC, k, value));
        sim.runUntilIdle();
        List<SimEvent> events = List.copyOf(pending);
        pending.clear();
        SimEvent.RecordSent sent = null;
        SimEvent.StickyPartitionChanged sticky = null;
        for (SimEvent e : events) {
            if (e instanceof SimEvent.RecordSent rs && sent == null) {
                sent = rs;
            } else if (e instanceof SimEvent.StickyPartitionChanged sc) {
                sticky = sc;
            }
        }
        List<Delivery> deliveries = producer.deliveries();
        Delivery delivery = deliveries.size() > before ? deliveries.get(deliveries.size() - 1) : null;
        return new SendOutcome(ClusterText.sendResult(sent, sticky, delivery), events, delivery);
    }
}
