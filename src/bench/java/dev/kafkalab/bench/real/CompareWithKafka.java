package dev.kafkalab.bench.real;

import dev.kafkalab.bench.EngineWorkloads;
import dev.kafkalab.bench.EngineWorkloads.Moved;
import dev.kafkalab.engine.Simulation;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The engine side by side with a real Apache Kafka 4.1 cluster in the same JVM, on workloads (a), (b)
 * and (d) of {@code bench engine}. Each round runs every workload on both, engine and Kafka in turn
 * (who goes first alternates by round), so both see the same noise; only the ratios are meant to carry
 * over to another machine. Run with {@code mvn -Pbench test-compile exec:exec@compare}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Engine vs. a real in-process Kafka 4.1 KRaft cluster: records/s and the ratio engine/real.")
public final class CompareWithKafka implements Callable<Integer> {
    @Option(names = "--records", defaultValue = "1000000", description = "Records per workload (default 1,000,000).")
    int records;

    @Option(names = "--runs", defaultValue = "5", description = "Measured rounds (default 5).")
    int runs;

    @Option(names = "--warmup", defaultValue = "2", description = "Warm-up rounds, not counted (default 2).")
    int warmup;

    private static final String[] NAMES = {
        "(a) 1 broker, RF 1, acks=1, keyless",
        "(b) 3 brokers, RF 3, min.insync 2, acks=all",
        "(d) one consumer reads all back",
    };

    public static void main(String[] args) {
        System.exit(new CommandLine(new CompareWithKafka()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.printf(Locale.ROOT, "Engine vs. Apache Kafka 4.1.1 (in-process KRaft, localhost): %,d records of "
                + "%d B, %d warm-up round(s), median of %d; engine and Kafka alternate within each round%n",
                records, EngineWorkloads.VALUE_BYTES, warmup, runs);
        double[][] engine = new double[NAMES.length][runs];
        double[][] real = new double[NAMES.length][runs];
        try (RealKafka one = new RealKafka(1); RealKafka three = new RealKafka(3)) {
            System.out.println("clusters up: 1 broker and 3 brokers, each with its own KRaft controller");
            for (int round = 0; round < warmup + runs; round++) {
                boolean engineFirst = round % 2 == 0;
                double[] e = new double[NAMES.length];
                double[] r = new double[NAMES.length];
                String topicA = null;
                for (int w = 0; w < NAMES.length; w++) {
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn == 0) == engineFirst) {
                            e[w] = engineRun(w);
                        } else if (w == 0) {
                            topicA = one.newTopic(1, 1);
                            try (KafkaProducer<byte[], byte[]> p = one.producer("1")) {
                                String t = topicA;
                                r[w] = rate(() -> RealKafka.produce(p, t, records));
                            }
                        } else if (w == 1) {
                            String topic = three.newTopic(3, 2);
                            try (KafkaProducer<byte[], byte[]> p = three.producer("all")) {
                                r[w] = rate(() -> RealKafka.produce(p, topic, records));
                            }
                            three.deleteTopic(topic);
                        } else {
                            // reads back what this round's (a) wrote
                            try (KafkaConsumer<byte[], byte[]> c = one.consumer()) {
                                String t = topicA;
                                r[w] = rate(() -> RealKafka.consumeAll(c, t, records));
                            }
                            one.deleteTopic(topicA);
                        }
                    }
                }
                String label = round < warmup ? "warm-up " + (round + 1) : "round " + (round - warmup + 1);
                StringBuilder line = new StringBuilder(label + ":");
                for (int w = 0; w < NAMES.length; w++) {
                    line.append(String.format(Locale.ROOT, "  %s engine %,.0f / real %,.0f rec/s",
                            NAMES[w].substring(0, 3), e[w], r[w]));
                    if (round >= warmup) {
                        engine[w][round - warmup] = e[w];
                        real[w][round - warmup] = r[w];
                    }
                }
                System.out.println(line);
            }
        }
        System.out.printf(Locale.ROOT, "%-46s %16s %16s %12s%n", "workload (median)", "engine rec/s", "Kafka rec/s",
                "engine/real");
        for (int w = 0; w < NAMES.length; w++) {
            double me = median(engine[w]);
            double mr = median(real[w]);
            System.out.printf(Locale.ROOT, "%-46s %,16.0f %,16.0f %11.1fx%n", NAMES[w], me, mr, me / mr);
        }
        return 0;
    }

    /** One timed engine run of workload {@code w}; its set-up (filling a log to read) is not timed. */
    private double engineRun(int w) throws Exception {
        return switch (w) {
            case 0 -> rate(() -> EngineWorkloads.singleBroker(records));
            case 1 -> rate(() -> EngineWorkloads.replicated(records));
            default -> {
                Simulation sim = EngineWorkloads.cluster(1, 1, 1, 1);
                EngineWorkloads.produce(sim, records, null, "1");
                yield rate(() -> EngineWorkloads.consumeAll(sim, "reader"));
            }
        };
    }

    /** Times one run after a full GC and a short pause, so neither side pays for the other's garbage. */
    private static double rate(Callable<Moved> run) throws Exception {
        System.gc();
        Thread.sleep(300);
        long start = System.nanoTime();
        Moved moved = run.call();
        return moved.records() / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
