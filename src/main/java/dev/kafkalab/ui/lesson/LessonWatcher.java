package dev.kafkalab.ui.lesson;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Consumer;

/** Tells when a file of a lesson folder is created, changed or deleted (for authors' live reload). */
final class LessonWatcher implements AutoCloseable {
    private final WatchService service;
    private final Thread thread;

    LessonWatcher(Path folder, Consumer<Path> changed) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        thread = new Thread(() -> loop(folder, changed), "lesson-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Path folder, Consumer<Path> changed) {
        try {
            while (true) {
                WatchKey key = service.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        changed.accept(folder.resolve(name));
                    }
                }
                if (!key.reset()) {
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // closing a watch service only fails if it was already broken; nothing to keep
        }
    }
}
