package dev.kafkalab.bench;

import dev.kafkalab.Launcher;
import dev.kafkalab.ui.FirstFrame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench startup}: time from starting a JVM to the first rendered frame, for Kafka Lab (its start
 * lesson loaded) and for a bare JavaFX window with one label, launched in turn as child processes with
 * the same java, the same classpath, and JavaFX's headless Monocle platform with software rendering.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "JVM start to first frame: Kafka Lab vs. a bare JavaFX window, alternately, headless.")
final class StartupBench implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "7", description = "Measured launches of each (default 7).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Warm-up launches of each, not counted (default 1).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        if (runs < 3) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 3");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Startup: JVM start to first rendered frame, Monocle headless, software rendering; "
                + "%d warm-up and %d measured launches of each, alternating%n", warmup, runs);
        out.flush();
        double[] app = new double[runs];
        double[] appLessons = new double[runs];
        double[] bare = new double[runs];
        for (int i = 0; i < warmup + runs; i++) {
            boolean appFirst = i % 2 == 0;
            double[] a = null;
            double[] b = null;
            for (int turn = 0; turn < 2; turn++) {
                if ((turn == 0) == appFirst) {
                    a = launch(Launcher.class.getName());
                } else {
                    b = launch(BareWindow.class.getName());
                }
            }
            if (i >= warmup) {
                app[i - warmup] = a[0];
                appLessons[i - warmup] = a[1];
                bare[i - warmup] = b[0];
            }
        }
        double medApp = Stats.median(app);
        double medLessons = Stats.median(appLessons);
        double medBare = Stats.median(bare);
        out.printf("%-44s %10s   %s%n", "window", "median ms", "all runs (ms)");
        out.printf("%-44s %10s   %s%n", "Kafka Lab, first frame (start lesson loaded)", Stats.fixed(medApp, 0),
                list(app));
        out.printf("%-44s %10s   %s%n", "Kafka Lab, frame with the lesson list", Stats.fixed(medLessons, 0),
                list(appLessons));
        out.printf("%-44s %10s   %s%n", "bare JavaFX window, one label", Stats.fixed(medBare, 0), list(bare));
        out.printf("ratio Kafka Lab / bare window: %sx first frame, %sx with the lesson list%n",
                Stats.fixed(medApp / medBare, 2), Stats.fixed(medLessons / medBare, 2));
        out.flush();
        return 0;
    }

    private static String list(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(Stats.fixed(d, 0)).append(' ');
        }
        return sb.toString().trim();
    }

    /**
     * Milliseconds from starting the child JVM to its first-frame line, and to its lessons-shown line (the
     * same as the first frame for a window that has no lessons).
     */
    private static double[] launch(String mainClass) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-D" + FirstFrame.PROPERTY + "=true",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dheadless.geometry=1600x1000-32", "-cp", System.getProperty("java.class.path"), mainClass));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        double first = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                double ms = (System.nanoTime() - start) / 1e6;
                if (line.equals(FirstFrame.LINE)) {
                    first = ms;
                } else if (line.equals(FirstFrame.LESSONS_LINE)) {
                    p.waitFor();
                    return new double[] {first, ms};
                }
            }
        }
        p.waitFor();
        if (first < 0) {
            throw new IllegalStateException(mainClass + " exited (" + p.exitValue() + ") without showing a frame");
        }
        return new double[] {first, first};
    }
}
