package dev.kafkalab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same file + same seed = the same event trace, byte for byte. To accept an intended change of the
 * trace, run with {@code -Dgolden.update=true} and review the diff of the checked-in file.
 */
class GoldenTraceTest {
    private static final Path SCENARIO = Path.of("lessons/examples/01-events-and-keys.yaml");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/01-events-and-keys.trace.jsonl");

    @Test
    void theEventsExampleProducesTheCheckedInTraceByteForByte(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("trace.jsonl");
        assertThat(CliTest.cli("run", SCENARIO.toString(), "--trace", trace.toString()).exit()).isZero();
        if (Boolean.getBoolean("golden.update")) {
            Files.copy(trace, GOLDEN, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.readString(trace)).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void runningTheSameFileTwiceGivesTheSameTrace(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path sticky = Path.of("lessons/examples/02-keyless-partitioners.yaml");
        CliTest.cli("run", sticky.toString(), "--trace", a.toString());
        CliTest.cli("run", sticky.toString(), "--trace", b.toString());
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }
}
