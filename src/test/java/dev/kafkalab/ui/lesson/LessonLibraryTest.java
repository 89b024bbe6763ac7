package dev.kafkalab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson folders: order, broken files kept and located, reloads, and atomically saved progress. */
class LessonLibraryTest {
    @TempDir
    Path dir;

    private static final String GOOD = "title: Good\nsteps:\n  - say: hello\n";

    @Test
    void aBrokenLessonStaysInTheListWithItsLocatedProblem() throws Exception {
        Files.writeString(dir.resolve("01-good.yaml"), GOOD);
        Files.writeString(dir.resolve("02-broken.yaml"), "title: Broken\nsteps:\n  - sya: typo\n");
        Files.writeString(dir.resolve("notes.yaml"), GOOD);
        LessonLibrary lib = LessonLibrary.fromFolder(dir);
        assertThat(lib.entries()).extracting(LessonLibrary.Entry::id).containsExactly("01-good.yaml",
                "02-broken.yaml");
        LessonLibrary.Entry broken = lib.entries().get(1);
        assertThat(broken.broken()).isTrue();
        assertThat(broken.title()).isEqualTo("02-broken.yaml");
        assertThat(broken.problems()).extracting(Object::toString).containsExactly(dir.resolve("02-broken.yaml")
                + ":3:5: unknown key 'sya' in a step (allowed: title, say, do, question, goal, solution)");
        assertThat(lib.entries().get(0).scenario().source()).isEqualTo(dir.resolve("01-good.yaml"));
    }

    @Test
    void aChangedFileReloadsInPlaceAndANewOneJoinsInOrder() throws Exception {
        Files.writeString(dir.resolve("02-b.yaml"), GOOD);
        LessonLibrary lib = LessonLibrary.fromFolder(dir);
        Files.writeString(dir.resolve("02-b.yaml"), "title: Better\nsteps:\n  - say: hi\n");
        assertThat(lib.reload(dir.resolve("02-b.yaml")).title()).isEqualTo("Better");
        Files.writeString(dir.resolve("01-a.yaml"), GOOD);
        lib.reload(dir.resolve("01-a.yaml"));
        assertThat(lib.entries()).extracting(LessonLibrary.Entry::title).containsExactly("Good", "Better");
        Files.delete(dir.resolve("02-b.yaml"));
        assertThat(lib.reload(dir.resolve("02-b.yaml"))).isNull();
        assertThat(lib.entries()).hasSize(1);
    }

    @Test
    void thePackagedLessonsAreTheTenOfTheCourse() {
        LessonLibrary lib = LessonLibrary.packaged();
        assertThat(lib.entries()).hasSize(10).noneMatch(LessonLibrary.Entry::broken);
        assertThat(lib.entries().get(0).title()).isEqualTo("Events");
        assertThat(lib.folder()).isNull();
    }

    @Test
    void progressNeverGoesBackAndIsWrittenWhole() throws Exception {
        Path file = dir.resolve("home/progress.json");
        ProgressStore store = new ProgressStore(file);
        store.record("01-events.yaml", 3, 8, false);
        store.record("01-events.yaml", 1, 8, false);
        assertThat(store.get("01-events.yaml")).isEqualTo(new ProgressStore.LessonProgress(3, 8, false));
        store.record("01-events.yaml", 8, 8, true);
        ProgressStore again = new ProgressStore(file);
        assertThat(again.get("01-events.yaml")).isEqualTo(new ProgressStore.LessonProgress(8, 8, true));
        assertThat(again.warning()).isNull();
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void anUnreadableProgressFileIsKeptAsideNotLost() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{ not json");
        ProgressStore store = new ProgressStore(file);
        assertThat(store.warning()).contains("could not be read").contains("progress.json.unreadable");
        assertThat(Files.readString(dir.resolve("progress.json.unreadable"))).isEqualTo("{ not json");
        assertThat(store.get("01-events.yaml")).isNull();
    }
}
