package dev.kafkalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkalab.bench.EngineWorkloads.Moved;
import dev.kafkalab.cli.KafkaLabCli;
import dev.kafkalab.engine.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarks run and count what they claim to; how fast is printed, never asserted. */
class BenchCommandsTest {

    @Test
    void benchEngineRunsEveryWorkloadOnASmallSize() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = KafkaLabCli.execute(new String[] {"bench", "engine", "--records", "2000", "--runs", "3",
                "--warmup", "0"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(text).contains("(a) 1 broker", "(b) 3 brokers", "(c) keyed", "(d) one consumer", "(e) group of 6",
                "heap per stored record beyond key and value");
    }

    @Test
    void everyWorkloadMovesEveryRecord() {
        assertThat(EngineWorkloads.singleBroker(1500)).isEqualTo(new Moved(1500, 1500L * EngineWorkloads.VALUE_BYTES));
        assertThat(EngineWorkloads.replicated(1500).records()).isEqualTo(1500);
        byte[][] keys = EngineWorkloads.keys(1500);
        long keyBytes = 0;
        for (byte[] k : keys) {
            keyBytes += k.length;
        }
        assertThat(EngineWorkloads.keyed(keys).payloadBytes()).isEqualTo(keyBytes + 1500L * EngineWorkloads.VALUE_BYTES);

        Simulation one = EngineWorkloads.cluster(1, 1, 1, 1);
        EngineWorkloads.produce(one, 1500, null, "1");
        assertThat(EngineWorkloads.consumeAll(one, "reader").records()).isEqualTo(1500);

        Simulation six = EngineWorkloads.cluster(1, EngineWorkloads.GROUP_PARTITIONS, 1, 1);
        EngineWorkloads.produce(six, 1500, null, "1");
        assertThat(EngineWorkloads.consumeAsGroup(six, "readers").records()).isEqualTo(1500);
    }

    @Test
    void aPulseEndsWhenItsFrameIsRenderedOrElseAtItsLayout() {
        // pulses start at 0, 16 and 40 ms (ns below); the first one's frame is rendered at 12 ms, the
        // second draws nothing, the third only marks the end of the second
        List<long[]> pulses = List.of(new long[] {0, 2_000_000}, new long[] {16_000_000, 17_000_000},
                new long[] {40_000_000, 41_000_000});
        UiBench.Frames f = UiBench.frames(pulses, List.of(12_000_000L));
        assertThat(f.pulseMs()).containsExactly(12.0, 1.0);
        assertThat(f.gapMs()).containsExactly(16.0, 24.0);
        assertThat(f.dropped()).isZero();
    }

    @Test
    void aGapOfMoreThanOneAndAHalfFramesDropsTheFramesItSkipped() {
        UiBench.Frames f = new UiBench.Frames(new double[] {1, 1, 1}, new double[] {16.7, 50, 16.7});
        assertThat(f.dropped()).isEqualTo(2);
    }
}
