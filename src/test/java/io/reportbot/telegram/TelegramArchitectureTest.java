package io.reportbot.telegram;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Telegram library stays inside this package; the engine knows nothing of Telegram. */
class TelegramArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.reportbot");

    @Test
    void onlyTheTelegramPackageUsesTelegrambots() {
        noClasses().that().resideOutsideOfPackage("io.reportbot.telegram..")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..")
                .check(classes);
    }

    @Test
    void theEngineDoesNotKnowTheAdapter() {
        noClasses().that().resideInAPackage("io.reportbot.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.reportbot.telegram..")
                .check(classes);
    }
}
