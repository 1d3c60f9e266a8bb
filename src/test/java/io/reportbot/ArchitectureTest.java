package io.reportbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine knows nothing of Telegram or Discord; each platform library stays in its adapter; the packages form
 * no cycle ({@code core} holds what every layer shares and imports nothing of the project).
 */
@AnalyzeClasses(packages = "io.reportbot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreImportsNoPlatform = noClasses()
            .that().resideInAnyPackage("io.reportbot.engine..", "io.reportbot.nlp..", "io.reportbot.report..",
                    "io.reportbot.answer..", "io.reportbot.eval..", "io.reportbot.console..")
            .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "net.dv8tion..");

    @ArchTest
    static final ArchRule coreDoesNotDependOnAdapters = noClasses()
            .that().resideInAnyPackage("io.reportbot.engine..", "io.reportbot.nlp..", "io.reportbot.report..",
                    "io.reportbot.answer..", "io.reportbot.eval..", "io.reportbot.review..", "io.reportbot.console..")
            .should().dependOnClassesThat().resideInAnyPackage("io.reportbot.telegram..", "io.reportbot.discord..");

    @ArchTest
    static final ArchRule telegramStaysInItsAdapter = noClasses()
            .that().resideOutsideOfPackages("io.reportbot.telegram..")
            .should().dependOnClassesThat().resideInAnyPackage("org.telegram..");

    @ArchTest
    static final ArchRule discordStaysInItsAdapter = noClasses()
            .that().resideOutsideOfPackages("io.reportbot.discord..")
            .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..");

    @ArchTest
    static final ArchRule coreDoesNotCallTheCommandLine = noClasses()
            .that().resideInAnyPackage("io.reportbot.engine..", "io.reportbot.nlp..", "io.reportbot.report..",
                    "io.reportbot.answer..")
            .should().dependOnClassesThat().resideInAnyPackage("io.reportbot.cli..", "picocli..");

    @ArchTest
    static final ArchRule micrometerStaysInOps = noClasses()
            .that().resideOutsideOfPackages("io.reportbot.ops..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..");

    @ArchTest
    static final ArchRule coreKnowsNothingOfOperations = noClasses()
            .that().resideInAnyPackage("io.reportbot.engine..", "io.reportbot.nlp..", "io.reportbot.report..",
                    "io.reportbot.answer..", "io.reportbot.review..", "io.reportbot.eval..")
            .should().dependOnClassesThat().resideInAnyPackage("io.reportbot.ops..", "io.reportbot.config..");

    @ArchTest
    static final ArchRule theStoreAndThePageKnowNoAdapterNorTheCommandLine = noClasses()
            .that().resideInAnyPackage("io.reportbot.store..", "io.reportbot.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("io.reportbot.telegram..", "io.reportbot.discord..",
                    "io.reportbot.cli..", "io.reportbot.config..", "picocli..");

    @ArchTest
    static final ArchRule theEngineKnowsNothingOfTheStoreOrThePage = noClasses()
            .that().resideInAnyPackage("io.reportbot.engine..", "io.reportbot.nlp..", "io.reportbot.report..",
                    "io.reportbot.answer..", "io.reportbot.eval..", "io.reportbot.review..")
            .should().dependOnClassesThat().resideInAnyPackage("io.reportbot.store..", "io.reportbot.admin..",
                    "java.sql..", "org.flywaydb..", "com.zaxxer..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.reportbot.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule stateImportsOnlyCore = noClasses()
            .that().resideInAPackage("io.reportbot.state..")
            .should().dependOnClassesThat().resideInAnyPackage("io.reportbot.engine..", "io.reportbot.nlp..",
                    "io.reportbot.report..", "io.reportbot.answer..", "io.reportbot.telegram..", "io.reportbot.discord..",
                    "io.reportbot.ops..", "io.reportbot.config..", "io.reportbot.cli..", "io.reportbot.console..",
                    "io.reportbot.review..", "io.reportbot.eval..");

    @ArchTest
    static final ArchRule redisStaysInState = noClasses()
            .that().resideOutsideOfPackages("io.reportbot.state..")
            .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "io.github.bucket4j.redis..");

    @ArchTest
    static final ArchRule coreImportsNothingOfTheProject = noClasses()
            .that().resideInAPackage("io.reportbot.core..")
            .should().dependOnClassesThat().resideOutsideOfPackages("io.reportbot.core..", "java..");
}
