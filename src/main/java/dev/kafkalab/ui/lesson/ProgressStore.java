package dev.kafkalab.ui.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the learner got in each lesson, kept in {@code progress.json} in the user's Kafka Lab folder
 * ({@code ~/.kafka-lab}, or the {@code kafkalab.home} system property). Every save writes a temporary
 * file beside it and moves it into place atomically, so a crash mid-save never leaves half a file. A file
 * that cannot be read is kept aside as {@code progress.json.unreadable} and progress starts empty.
 */
public final class ProgressStore {
    /** One lesson's progress. */
    public record LessonProgress(int stepsDone, int steps, boolean finished) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, LessonProgress> progress = new TreeMap<>();
    private String warning;

    public ProgressStore(Path file) {
        this.file = file;
        read();
    }

    /** The store in the user's Kafka Lab folder. */
    public static ProgressStore forUser() {
        String home = System.getProperty("kafkalab.home");
        Path dir = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".kafka-lab");
        return new ProgressStore(dir.resolve("progress.json"));
    }

    private void read() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            progress.putAll(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeReference<Map<String, LessonProgress>>() { }));
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                warning = "Your lesson progress file could not be read (" + e.getMessage().lines().findFirst()
                        .orElse("") + "). It was kept as " + aside + " and progress starts anew.";
            } catch (IOException moveFailed) {
                warning = "Your lesson progress file " + file + " could not be read: " + e.getMessage();
            }
        }
    }

    /** Why the saved progress could not be used, or null. */
    public String warning() {
        return warning;
    }

    public LessonProgress get(String lessonId) {
        return progress.get(lessonId);
    }

    /** Records progress (never less than before) and saves. */
    public void record(String lessonId, int stepsDone, int steps, boolean finished) throws IOException {
        LessonProgress old = progress.get(lessonId);
        int done = Math.min(steps, Math.max(stepsDone, old == null ? 0 : old.stepsDone()));
        boolean fin = finished || (old != null && old.finished());
        LessonProgress now = new LessonProgress(done, steps, fin);
        if (now.equals(old)) {
            return;
        }
        progress.put(lessonId, now);
        save();
    }

    private void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String text;
        try {
            text = JSON.writeValueAsString(progress);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "progress", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public Path file() {
        return file;
    }
}
