package dev.kafkalab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Kafka's delivery guarantees under random faults. With acks=all, min.insync.replicas 2 and unclean
 * election off, whatever crashes, shuts down, restarts, is isolated, heals or slows down:
 * no acknowledged record is lost; with idempotence none is duplicated; ISR members agree below the
 * high watermark; offsets are consecutive; no consumer reads past the HW or a record that later
 * disappears. Schedules are generated from fixed seeds (plain JUnit: jqwik's 1.10 releases ask AI
 * agents not to use it). A longer soak: {@code mvn -Dtest=FaultScheduleProperties -Dsoak.schedules=50000 test}.
 */
class FaultScheduleProperties {
    private static final int SCHEDULES = Integer.getInteger("soak.schedules", 1500);
    private static final String TOPIC = "payments";

    private record Consumed(int partition, long offset, String value) {
    }

    private static final class Stats {
        long schedules;
        long acked;
        long consumed;
        long faults;
    }

    @Test
    void acknowledgedRecordsSurviveEveryFaultScheduleWithIdempotence() {
        Stats stats = runSchedules(2026, SCHEDULES, true);
        System.out.printf("fault schedules (idempotent): %d schedules, %d faults, %d acked records checked, "
                + "%d consumed records checked%n", stats.schedules, stats.faults, stats.acked, stats.consumed);
        assertThat(stats.acked).isGreaterThan(SCHEDULES);
    }

    @Test
    void acknowledgedRecordsSurviveEveryFaultScheduleWithoutIdempotence() {
        Stats stats = runSchedules(1125, SCHEDULES / 3, false);
        System.out.printf("fault schedules (not idempotent): %d schedules, %d faults, %d acked records checked, "
                + "%d consumed records checked%n", stats.schedules, stats.faults, stats.acked, stats.consumed);
        assertThat(stats.acked).isGreaterThan(SCHEDULES / 3);
    }

    private static Stats runSchedules(long seed, int count, boolean idempotent) {
        Stats stats = new Stats();
        Random seeds = new Random(seed);
        for (int i = 0; i < count; i++) {
            long s = seeds.nextLong();
            try {
                runOne(s, idempotent, stats);
            } catch (AssertionError e) {
                throw new AssertionError("schedule " + i + " (seed " + s + ", idempotent=" + idempotent + "): "
                        + e.getMessage(), e);
            }
            stats.schedules++;
        }
        return stats;
    }

    private static void runOne(long seed, boolean idempotent, Stats stats) {
        Random r = new Random(seed);
        int brokers = 3 + r.nextInt(2);
        Simulation sim = new Simulation(seed, brokers, Map.of("replica.lag.time.max.ms", 10_000));
        sim.setRecordTrace(false);
        sim.createTopic(TOPIC, 2, 3, null, Map.of("min.insync.replicas", 2));
        Producer producer = sim.createProducer("p", Map.of("acks", "all", "linger.ms", r.nextInt(3) * 5,
                "enable.idempotence", idempotent, "request.timeout.ms", 3_000, "delivery.timeout.ms", 20_000));
        Consumer consumer = sim.createConsumer("c", Map.of("auto.offset.reset", "earliest"));
        consumer.assignTopics(List.of(TOPIC));
        List<Consumed> consumed = new ArrayList<>();
        int sent = 0;
        int ops = 15 + r.nextInt(20);
        for (int op = 0; op < ops; op++) {
            int b = r.nextInt(brokers);
            Broker broker = sim.cluster().broker(b);
            switch (r.nextInt(9)) {
                case 0 -> {
                    if (broker.isServing()) {
                        sim.cluster().crash(b);
                        stats.faults++;
                    }
                }
                case 1 -> {
                    if (broker.isServing()) {
                        sim.cluster().shutdown(b);
                        stats.faults++;
                    }
                }
                case 2 -> {
                    if (!broker.isServing()) {
                        sim.cluster().restart(b);
                    }
                }
                case 3 -> {
                    if (broker.isUp()) {
                        sim.cluster().isolate(b);
                        stats.faults++;
                    } else if (broker.state() == Broker.State.ISOLATED) {
                        sim.cluster().heal(b);
                    }
                }
                case 4 -> sim.cluster().slow(b, new long[] {0, 0, 300, 2_000, 15_000}[r.nextInt(5)]);
                case 5, 6 -> {
                    int n = 1 + r.nextInt(8);
                    for (int k = 0; k < n; k++) {
                        String v = "v" + sent++;
                        producer.send(ProducerRecord.of(TOPIC, r.nextBoolean() ? null : "k" + r.nextInt(5), v));
                    }
                }
                case 7 -> poll(sim, consumer, consumed);
                default -> sim.advance(r.nextInt(12_000));
            }
            checkIsrAgreement(sim);
        }
        for (Broker b : sim.cluster().brokers()) {
            if (b.state() == Broker.State.ISOLATED) {
                sim.cluster().heal(b.id());
            } else if (!b.isServing()) {
                sim.cluster().restart(b.id());
            }
            sim.cluster().slow(b.id(), 0);
        }
        sim.advance(40_000);
        producer.flush();
        sim.runUntilIdle();
        sim.advance(5_000);
        poll(sim, consumer, consumed);
        checkIsrAgreement(sim);
        checkFinalState(sim, producer, consumed, idempotent, stats);
    }

    private static void poll(Simulation sim, Consumer consumer, List<Consumed> consumed) {
        for (ConsumerRecord rec : consumer.poll(null)) {
            Partition p = sim.cluster().topic(TOPIC).partition(rec.partition());
            assertThat(rec.offset()).as("consumers read below the high watermark").isLessThan(p.highWatermark());
            consumed.add(new Consumed(rec.partition(), rec.offset(), rec.record().valueString()));
        }
    }

    /** Every ISR member holds the leader's records below the leader's high watermark. */
    private static void checkIsrAgreement(Simulation sim) {
        for (Partition p : sim.cluster().topic(TOPIC).partitions()) {
            if (!p.hasLeader()) {
                continue;
            }
            Replica leader = p.replica(p.leader());
            if (leader.role() != Replica.Role.LEADER) {
                continue;
            }
            long hw = leader.highWatermark();
            List<LogRecord> expected = leader.log().read(0, hw, Integer.MAX_VALUE);
            for (int b : p.isr()) {
                List<LogRecord> got = p.log(b).read(0, hw, Integer.MAX_VALUE);
                assertThat(describe(got)).as("ISR member %d of %s agrees below HW %d", b, p.topicPartition(), hw)
                        .isEqualTo(describe(expected));
            }
        }
    }

    private static List<String> describe(List<LogRecord> records) {
        List<String> out = new ArrayList<>(records.size());
        for (LogRecord r : records) {
            out.add(r.offset() + ":" + r.keyString() + "=" + r.valueString());
        }
        return out;
    }

    private static void checkFinalState(Simulation sim, Producer producer, List<Consumed> consumed,
                                        boolean idempotent, Stats stats) {
        Topic topic = sim.cluster().topic(TOPIC);
        Map<Integer, Map<Long, String>> finalLogs = new HashMap<>();
        for (Partition p : topic.partitions()) {
            for (int b : p.replicas()) {
                long expected = p.log(b).logStartOffset();
                for (LogRecord rec : p.log(b).records()) {
                    assertThat(rec.offset()).as("consecutive offsets on broker %d of %s", b, p.topicPartition())
                            .isEqualTo(expected++);
                }
            }
            Map<Long, String> byOffset = new HashMap<>();
            for (LogRecord rec : p.leaderLog().records()) {
                byOffset.put(rec.offset(), rec.valueString());
            }
            finalLogs.put(p.index(), byOffset);
        }
        for (Delivery d : producer.deliveries()) {
            if (d.acked()) {
                stats.acked++;
                Map<Long, String> log = finalLogs.get(d.partition());
                assertThat(log).as("acknowledged record at %s-%d offset %d is still there", TOPIC, d.partition(),
                        d.offset()).containsKey(d.offset());
                Partition p = topic.partition(d.partition());
                assertThat(d.offset()).as("acknowledged records are below the HW").isLessThan(p.highWatermark());
            }
        }
        for (Consumed c : consumed) {
            stats.consumed++;
            assertThat(finalLogs.get(c.partition()).get(c.offset()))
                    .as("a consumed record never disappears (%s-%d@%d)", TOPIC, c.partition(), c.offset())
                    .isEqualTo(c.value());
        }
        if (idempotent) {
            Set<String> seen = new HashSet<>();
            for (Map<Long, String> log : finalLogs.values()) {
                for (String v : log.values()) {
                    assertThat(seen.add(v)).as("record %s is written once", v).isTrue();
                }
            }
        }
    }
}
