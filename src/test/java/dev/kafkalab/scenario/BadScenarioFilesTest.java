package dev.kafkalab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file under scenarios/bad/ is refused with a problem at the position its first line expects. */
class BadScenarioFilesTest {
    private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+):(\\d+): (.+)");

    static Stream<Path> badFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(BadScenarioFilesTest.class.getResource("/scenarios/bad").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreEnoughBadFiles() throws Exception {
        assertThat(badFiles()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusedWithLocatedProblem(Path file) throws IOException {
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
        Matcher m = EXPECT.matcher(first);
        assertThat(m.matches()).as("first line of %s: # expect: LINE:COLUMN: text", file).isTrue();
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        String text = m.group(3).strip();

        Throwable thrown = catchThrowable(() -> new ScenarioLoader().load(file));

        assertThat(thrown).as(file.getFileName().toString()).isInstanceOf(ScenarioException.class);
        List<Problem> problems = ((ScenarioException) thrown).problems();
        assertThat(problems).as("problems of %s", file.getFileName())
                .anySatisfy(p -> {
                    assertThat(p.location().line()).isEqualTo(line);
                    assertThat(p.location().column()).isEqualTo(column);
                    assertThat(p.message()).contains(text);
                });
        assertThat(problems).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(file.toString()));
        assertThat(problems).isSorted();
    }
}
