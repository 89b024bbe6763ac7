package dev.kafkalab.engine.replication;

import static dev.kafkalab.engine.replication.ReplicationFixtures.cluster;
import static dev.kafkalab.engine.replication.ReplicationFixtures.contents;
import static dev.kafkalab.engine.replication.ReplicationFixtures.events;
import static dev.kafkalab.engine.replication.ReplicationFixtures.send;
import static dev.kafkalab.engine.replication.ReplicationFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.Simulation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request that times out after the leader wrote its batch is retried. Without idempotence the retry is
 * written again (a duplicate); with it (the default) the leader recognises the sequence numbers.
 */
class ReplicationIdempotenceTest {

    /**
     * Broker 2 fetches only every 1.5 s, so the first attempt's acks=all answer misses request.timeout.ms
     * (1 s) although the leader appended it; broker 2 recovers as the producer retries.
     */
    private static Simulation timedOutThenRetried(Boolean idempotence, Partition[] out, Producer[] producer) {
        Simulation sim = cluster(15, Map.of());
        sim.cluster().slow(2, 1_500);
        out[0] = topic(sim, "orders", List.of(0, 1, 2), null);
        sim.advance(5_000);
        Map<String, Object> config = new HashMap<>(Map.of("acks", "all", "linger.ms", 0,
                "request.timeout.ms", 1_000, "delivery.timeout.ms", 30_000));
        if (idempotence != null) {
            config.put("enable.idempotence", idempotence);
        }
        producer[0] = sim.createProducer("p", config);
        send(producer[0], "orders", "order-1", "pay 10 EUR");
        boolean retried = sim.runUntil(() -> !events(sim, SimEvent.BatchRetried.class).isEmpty());
        assertThat(retried).isTrue();
        sim.cluster().slow(2, 0);
        sim.runUntilIdle();
        sim.advance(5_000);
        return sim;
    }

    @Test
    void withoutIdempotenceARetryAfterATimedOutResponseWritesTheRecordTwice() {
        Partition[] p = new Partition[1];
        Producer[] producer = new Producer[1];
        Simulation sim = timedOutThenRetried(false, p, producer);

        assertThat(producer[0].idempotent()).isFalse();
        SimEvent.BatchRetried retry = events(sim, SimEvent.BatchRetried.class).get(0);
        assertThat(retry.error()).isEqualTo("TimeoutException");
        assertThat(events(sim, SimEvent.BatchRetried.class)).hasSize(1);
        assertThat(events(sim, SimEvent.BatchAppended.class)).as("the leader appended both attempts").hasSize(2);
        assertThat(events(sim, SimEvent.DuplicateBatchDiscarded.class)).isEmpty();
        assertThat(contents(p[0], 0)).containsExactly("0:order-1=pay 10 EUR", "1:order-1=pay 10 EUR");
        assertThat(contents(p[0], 1)).isEqualTo(contents(p[0], 0)).isEqualTo(contents(p[0], 2));
        assertThat(producer[0].deliveries()).as("the application saw one successful send")
                .singleElement().satisfies(d -> {
                    assertThat(d.acked()).isTrue();
                    assertThat(d.offset()).isEqualTo(1);
                });
        assertThat(p[0].highWatermark()).as("consumers will read the payment twice").isEqualTo(2);
    }

    @Test
    void withIdempotenceByDefaultTheLeaderDiscardsTheRetriedBatchAndKeepsOneCopy() {
        Partition[] p = new Partition[1];
        Producer[] producer = new Producer[1];
        Simulation sim = timedOutThenRetried(null, p, producer);

        assertThat(producer[0].idempotent()).as("on by default with acks=all").isTrue();
        assertThat(events(sim, SimEvent.BatchRetried.class)).singleElement()
                .extracting(SimEvent.BatchRetried::error).isEqualTo("TimeoutException");
        assertThat(events(sim, SimEvent.BatchAppended.class)).hasSize(1);
        assertThat(events(sim, SimEvent.DuplicateBatchDiscarded.class)).singleElement().satisfies(d -> {
            assertThat(d.broker()).isZero();
            assertThat(d.firstSequence()).isZero();
            assertThat(d.baseOffset()).as("points at the copy already written").isZero();
        });
        assertThat(contents(p[0], 0)).containsExactly("0:order-1=pay 10 EUR");
        assertThat(contents(p[0], 1)).isEqualTo(contents(p[0], 0)).isEqualTo(contents(p[0], 2));
        assertThat(producer[0].deliveries()).singleElement().satisfies(d -> {
            assertThat(d.acked()).isTrue();
            assertThat(d.offset()).as("the retry is answered with the first copy's offset").isZero();
        });
        assertThat(p[0].highWatermark()).isEqualTo(1);
    }

    @Test
    void aRetryReachingANewLeaderAfterTheOldOneCrashedUnansweredIsStillRecognisedAsADuplicate() {
        Simulation sim = cluster(16, Map.of());
        Partition p = topic(sim, "orders", List.of(0, 1, 2), null);
        sim.advance(1_000);
        Producer producer = sim.createProducer("p", Map.of("acks", "all", "linger.ms", 0));
        send(producer, "orders", "order-1", "pay");
        // both followers copy the batch; the leader crashes before it learns so and answers
        boolean copied = sim.runUntil(() -> events(sim, SimEvent.RecordsReplicated.class).size() == 2);
        assertThat(copied).isTrue();
        assertThat(producer.deliveries()).isEmpty();
        sim.cluster().crash(0);
        sim.runUntilIdle();

        assertThat(p.leader()).isEqualTo(1);
        assertThat(events(sim, SimEvent.BatchRetried.class)).isNotEmpty();
        assertThat(events(sim, SimEvent.DuplicateBatchDiscarded.class)).singleElement().satisfies(d -> {
            assertThat(d.broker()).as("the new leader learned the sequences by replication").isEqualTo(1);
            assertThat(d.baseOffset()).isZero();
        });
        assertThat(contents(p, 1)).isEqualTo(contents(p, 2)).containsExactly("0:order-1=pay");
        assertThat(producer.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.acked()).isTrue();
            assertThat(d.offset()).isZero();
        });
    }
}
