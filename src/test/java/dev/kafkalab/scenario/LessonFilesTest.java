package dev.kafkalab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in lessons/ is valid and runs headless to its end; every lesson can be finished: its
 * solutions meet its goals and the engine's answers are among its choices.
 */
class LessonFilesTest {
    private static final Path LESSONS = Path.of("lessons");

    private static List<Path> files(Path dir, boolean recursive) throws IOException {
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyFileInLessonsLoadsRunsToTheEndAndCanBeFinished() throws Exception {
        List<Path> all = files(LESSONS, true);
        assertThat(all).hasSizeGreaterThanOrEqualTo(17);
        for (Path f : all) {
            Scenario s = new ScenarioLoader().load(f);
            assertThat(ScenarioRunner.problems(s)).as(f.toString()).isEmpty();
            assertThat(ScenarioRunner.lessonProblems(s)).as(f.toString()).isEmpty();
            ScenarioRunner r = new ScenarioRunner(s);
            r.runToEnd();
            assertThat(r.hasNextStep()).isFalse();
        }
    }

    @Test
    void theLessonSetIsTheKafka101PathInOrder() throws Exception {
        List<Path> lessons = files(LESSONS, false);
        assertThat(lessons).extracting(p -> p.getFileName().toString()).containsExactly(
                "01-events.yaml", "02-topics.yaml", "03-partitions.yaml", "04-brokers.yaml",
                "05-replication.yaml", "06-producers.yaml", "07-consumers.yaml", "08-consumer-groups.yaml",
                "09-retention-and-compaction.yaml", "10-putting-it-together.yaml");
        for (Path f : lessons) {
            Scenario s = new ScenarioLoader().load(f);
            assertThat(s.steps()).as(f + ": steps").hasSizeGreaterThanOrEqualTo(6);
            assertThat(s.steps()).as(f + ": a goal").anyMatch(st -> st.goal() != null);
            assertThat(s.steps()).as(f + ": a prediction").anyMatch(st -> st.question() != null);
            assertThat(s.summary()).as(f + ": summary").isNotBlank();
            assertThat(s.sandbox()).as(f + ": sandbox text").isNotBlank();
            assertThat(s.steps()).as(f + ": every step titled and narrated")
                    .allMatch(st -> st.title() != null && st.say() != null);
        }
    }

    @Test
    void theFormatDocsLessonExampleCanBeFinished() throws Exception {
        String doc = Files.readString(LESSONS.resolve("FORMAT.md"));
        int lessons = doc.indexOf("## Lessons");
        int from = doc.indexOf("```yaml\n", lessons) + "```yaml\n".length();
        String example = doc.substring(from, doc.indexOf("```", from));
        Scenario s = new ScenarioLoader().load("FORMAT.md", example);
        assertThat(s.isLesson()).isTrue();
        assertThat(ScenarioRunner.lessonProblems(s)).isEmpty();
    }

    @Test
    void lessonThreeBindsBeforeItAsksWhereTheCreditCardPaymentLands() throws Exception {
        Scenario s = new ScenarioLoader().load(LESSONS.resolve("03-partitions.yaml"));
        int bind = -1;
        int question = -1;
        for (int i = 0; i < s.steps().size(); i++) {
            Step st = s.steps().get(i);
            if (bind < 0 && st.goal() != null && st.goal().condition().equals("bind")) {
                bind = i;
            }
            if (question < 0 && st.question() != null && st.question().answer().equals("partition")
                    && "Credit Card Payment".equals(st.question().fields().get("key"))) {
                question = i;
            }
        }
        assertThat(bind).isNotNegative();
        assertThat(question).isGreaterThan(bind);
    }
}
