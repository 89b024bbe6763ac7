package dev.kafkalab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Layering rules: the simulated cluster ({@code engine}) is plain, deterministic Java that the app,
 * the CLI and the tests all drive; scenarios describe lessons without knowing who shows them.
 */
@AnalyzeClasses(packages = "dev.kafkalab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineKnowsNoUserInterface = noClasses()
            .that().resideInAPackage("dev.kafkalab.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.awt..", "javax.swing..",
                    "dev.kafkalab.scenario..", "dev.kafkalab.ui..", "dev.kafkalab.cli..", "dev.kafkalab.live..")
            .because("the engine is the simulated cluster only: the UI, the CLI, scenarios and a live cluster "
                    + "drive it from outside, and it must run headless in tests");

    @ArchTest
    static final ArchRule engineNeverReadsTheWallClock = noClasses()
            .that().resideInAPackage("dev.kafkalab.engine..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
            .orShould().callMethod(Thread.class, "sleep", long.class)
            .because("the engine runs on virtual time only (VirtualClock): the same seed and the same calls "
                    + "must give the same trace, so the wall clock must never leak in");

    @ArchTest
    static final ArchRule engineUsesOnlyTheSeededRandom = noClasses()
            .that().resideInAPackage("dev.kafkalab.engine..")
            .should().dependOnClassesThat().belongToAnyOf(ThreadLocalRandom.class)
            .orShould().callMethod(Math.class, "random")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callConstructor(Random.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
            .because("every random choice (sticky partition, replica placement) must come from the "
                    + "simulation's seeded Random so a lesson replays identically; new Random() without a seed, "
                    + "ThreadLocalRandom, Math.random and UUID.randomUUID are not reproducible");

    @ArchTest
    static final ArchRule scenariosKnowNoFrontEnd = noClasses()
            .that().resideInAPackage("dev.kafkalab.scenario..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kafkalab.ui..", "dev.kafkalab.cli..")
            .because("a scenario describes a lesson; the desktop UI and the CLI both play it, so it must not "
                    + "depend on either");
}
