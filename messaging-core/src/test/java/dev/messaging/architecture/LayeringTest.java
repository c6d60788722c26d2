package dev.messaging.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.messaging.Messaging;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house plan of core. At the bottom the model (records, enums, errors), the store SPI on it,
 * the kernel (plumbing: gate, clock, ids, transactions, validation) on the SPI; above them the
 * wings, each one package with its service, its package-private rules and its port: the heart
 * ({@code dev.messaging}, with the facade), the outbox ({@code dev.messaging.outbox}), the change
 * feed and live changes ({@code dev.messaging.feed}); the in-memory store implements the SPI; the
 * reference views and the test support for services ({@code dev.messaging.testing}) sit on top. Fails the build on a package cycle, an import that runs back up, a
 * wing that reaches into another (only the heart, which wires them, knows the others: the outbox
 * through its one door), or a kernel that is exported.
 */
class LayeringTest {
    private static final String[] MODEL = {"dev.messaging.common..", "dev.messaging.error..",
        "dev.messaging.conversation..", "dev.messaging.message..", "dev.messaging.thread..", "dev.messaging.inbox..",
        "dev.messaging.change..", "dev.messaging.notification..", "dev.messaging.outlet..", "dev.messaging.verify..",
        "dev.messaging.history..", "dev.messaging.delivery.."};
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
                .layer("Testing").definedBy("dev.messaging.testing..")
                .layer("Heart").definedBy("dev.messaging")
                .layer("Outbox").definedBy("dev.messaging.outbox..")
                .layer("Feed").definedBy("dev.messaging.feed..")
                .layer("InMemoryStore").definedBy("dev.messaging.memory..")
                .layer("Kernel").definedBy("dev.messaging.kernel..")
                .layer("Spi").definedBy("dev.messaging.spi..")
                .layer("Model").definedBy(MODEL)
                .whereLayer("Views").mayNotBeAccessedByAnyLayer()
                .whereLayer("Testing").mayNotBeAccessedByAnyLayer()
                .whereLayer("Heart").mayOnlyBeAccessedByLayers("Views")
                .whereLayer("Outbox").mayOnlyBeAccessedByLayers("Heart", "Views")
                .whereLayer("Feed").mayOnlyBeAccessedByLayers("Heart", "Views")
                .whereLayer("InMemoryStore").mayOnlyBeAccessedByLayers("Heart")
                .whereLayer("Kernel").mayOnlyBeAccessedByLayers("Heart", "Outbox", "Feed")
                .whereLayer("Spi").mayOnlyBeAccessedByLayers("Heart", "Outbox", "Feed", "InMemoryStore", "Kernel")
                .check(core);
    }

    @Test
    void theHeartReachesTheOutboxOnlyThroughItsDoorAndItsServices() {
        noClasses().that().resideInAPackage("dev.messaging")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.messaging.outbox.Outbox")
                .check(core);
        noClasses().that().resideInAPackage("dev.messaging.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.messaging", "dev.messaging.outbox..",
                        "dev.messaging.feed..", "dev.messaging.memory..", "dev.messaging.view..")
                .check(core);
    }

    @Test
    void theKernelIsNotExported() throws IOException {
        Path classes = Path.of(Messaging.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported).contains("dev.messaging", "dev.messaging.outbox", "dev.messaging.feed")
                .doesNotContain("dev.messaging.kernel");
        try (Stream<Path> files = Files.list(classes.resolve("dev/messaging"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".class"))
                    .map(f -> f.getFileName().toString()).filter(n -> !n.contains("$")).count())
                    .as("top-level types of the root package").isLessThanOrEqualTo(20);
        }
    }
}
