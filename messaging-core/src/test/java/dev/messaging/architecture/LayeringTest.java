package dev.messaging.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between core's packages run one way: the model (records, enums, errors) at the
 * bottom, the store SPI on it, the in-memory store on the SPI, the rules and services with the
 * facade ({@code dev.messaging}) above them, and the reference views on top. Fails the build on a
 * package cycle or an import that runs back up.
 */
class LayeringTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.messaging");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.messaging.(**)").should().beFreeOfCycles().check(core);
    }

    @Test
    void layersRunOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Views").definedBy("dev.messaging.view..")
                .layer("Facade").definedBy("dev.messaging")
                .layer("InMemoryStore").definedBy("dev.messaging.memory..")
                .layer("Spi").definedBy("dev.messaging.spi..")
                .layer("Model").definedBy("dev.messaging.common..", "dev.messaging.error..",
                        "dev.messaging.conversation..", "dev.messaging.message..", "dev.messaging.thread..",
                        "dev.messaging.inbox..", "dev.messaging.change..", "dev.messaging.notification..",
                        "dev.messaging.outlet..", "dev.messaging.verify..", "dev.messaging.history..", "dev.messaging.delivery..")
                .whereLayer("Views").mayNotBeAccessedByAnyLayer()
                .whereLayer("Facade").mayOnlyBeAccessedByLayers("Views")
                .whereLayer("InMemoryStore").mayOnlyBeAccessedByLayers("Facade")
                .whereLayer("Spi").mayOnlyBeAccessedByLayers("Facade", "InMemoryStore")
                .check(core);
    }
}
