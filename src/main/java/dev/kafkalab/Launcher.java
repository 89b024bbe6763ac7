package dev.kafkalab;

import dev.kafkalab.cli.KafkaLabCli;

/**
 * The jar's main class. With no arguments (or only {@code --lessons DIR}) it opens the app; with a
 * subcommand it runs headless.
 * A plain class (not an Application) so the app starts from a plain jar on the classpath.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--lessons") || args[0].startsWith("--lessons=")) {
            dev.kafkalab.ui.KafkaLabApp.launchApp(args);
        } else {
            KafkaLabCli.main(args);
        }
    }
}
