package dev.kafkalab.ui.lesson;

import dev.kafkalab.scenario.Problem;
import dev.kafkalab.scenario.Scenario;
import dev.kafkalab.scenario.ScenarioException;
import dev.kafkalab.scenario.ScenarioLoader;
import dev.kafkalab.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lesson list: every {@code NN-name.yaml} in a folder (the packaged {@code lessons/} or an author's
 * {@code --lessons DIR}), in file-name order. A file that does not load stays in the list, marked broken
 * with its located problems, so an author sees it and a learner can still take the others.
 */
public final class LessonLibrary {
    /** Lesson files start with their number. */
    static final Pattern LESSON_FILE = Pattern.compile("\\d+-.*\\.ya?ml");

    /**
     * One lesson file.
     *
     * @param id       the file name, the key of saved progress
     * @param path     the file in an author's folder, or null when packaged
     * @param scenario the loaded lesson, or null when broken
     * @param problems why it is broken ({@code file:line:column: message}), empty when not
     */
    public record Entry(String id, Path path, Scenario scenario, List<Problem> problems) {
        public Entry {
            problems = List.copyOf(problems);
        }

        public boolean broken() {
            return scenario == null;
        }

        public String title() {
            return scenario != null ? scenario.title() : id;
        }
    }

    private final Path folder;
    private final List<Entry> entries;

    private LessonLibrary(Path folder, List<Entry> entries) {
        this.folder = folder;
        this.entries = new ArrayList<>(entries);
    }

    /** The lessons of an author's folder; reloaded file by file with {@link #reload(Path)}. */
    public static LessonLibrary fromFolder(Path folder) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path file : lessonFiles(folder)) {
            out.add(fromFile(file));
        }
        return new LessonLibrary(folder, out);
    }

    /** The lessons packaged with the app (the project's {@code lessons/} folder). */
    public static LessonLibrary packaged() {
        URL marker = LessonLibrary.class.getResource("/lessons/FORMAT.md");
        if (marker == null) {
            return new LessonLibrary(null, List.of());
        }
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                return packagedFrom(jarFileSystem(uri).getPath("/lessons"));
            }
            return packagedFrom(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the packaged lessons: " + e.getMessage(), e);
        }
    }

    /** The jar's file system, opened once and shared (two threads may ask at the same time). */
    private static synchronized FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
            return FileSystems.newFileSystem(uri, Map.of());
        }
    }

    private static LessonLibrary packagedFrom(Path dir) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path file : lessonFiles(dir)) {
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file)) {
                out.add(fromText(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return new LessonLibrary(null, out);
    }

    private static List<Path> lessonFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> LESSON_FILE.matcher(f.getFileName().toString()).matches()
                    && Files.isRegularFile(f)).sorted().toList();
        }
    }

    /** A lesson file of an author's folder; a bad or unreadable file becomes a broken entry. */
    private static Entry fromFile(Path file) {
        String id = file.getFileName().toString();
        try {
            return checked(id, file, new ScenarioLoader().load(file));
        } catch (ScenarioException e) {
            return new Entry(id, file, null, e.problems());
        }
    }

    /** A packaged lesson, read from the app's resources. */
    private static Entry fromText(String id, String text) {
        try {
            return checked(id, null, new ScenarioLoader().load(id, text));
        } catch (ScenarioException e) {
            return new Entry(id, null, null, e.problems());
        }
    }

    private static Entry checked(String id, Path path, Scenario s) {
        List<Problem> problems = ScenarioRunner.problems(s);
        return problems.isEmpty() ? new Entry(id, path, s, List.of()) : new Entry(id, path, null, problems);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The folder watched for changes, or null for the packaged lessons. */
    public Path folder() {
        return folder;
    }

    /**
     * Loads a changed file again (a new file joins the list in order; a deleted one leaves it).
     *
     * @return the new entry, or null when the file is gone or is no lesson file
     */
    public Entry reload(Path file) {
        String id = file.getFileName().toString();
        entries.removeIf(e -> e.id().equals(id));
        if (!LESSON_FILE.matcher(id).matches() || !Files.isRegularFile(file)) {
            return null;
        }
        Entry e = fromFile(file);
        entries.add(e);
        entries.sort((a, b) -> a.id().compareTo(b.id()));
        return e;
    }
}
