package dev.kafkalab.ui;

import dev.kafkalab.ui.render.ScenarioRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `render FILE --out DIR`: one PNG of the canvas for the set-up and for each step, headless. */
class ScenarioRendererTest {
    @Test
    void everyStepOfTheFirstLessonBecomesAPicture(@TempDir Path out) throws Exception {
        FxToolkit.registerPrimaryStage();
        List<Path> files = new ScenarioRenderer(900, false).render(LabTest.example("01-events-and-keys.yaml"), out);

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("step-00.png", "step-01.png", "step-02.png", "step-03.png");
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertThat(Arrays.copyOf(bytes, 4)).containsExactly(0x89, 'P', 'N', 'G');
            assertThat(bytes.length).isGreaterThan(10_000);
        }
        try (var listing = Files.list(out)) {
            assertThat(listing).hasSize(4);
        }
    }
}
