package io.reportbot.discord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** JDA stays inside the Discord adapter, and the engine knows nothing of Discord. */
class DiscordBoundaryTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.reportbot");

    @Test
    void onlyTheDiscordPackageUsesJda() {
        noClasses().that().resideOutsideOfPackage("io.reportbot.discord..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
                .check(classes);
    }

    @Test
    void theEngineDoesNotDependOnTheAdapter() {
        noClasses().that().resideInAPackage("io.reportbot.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.reportbot.discord..")
                .check(classes);
    }
}
