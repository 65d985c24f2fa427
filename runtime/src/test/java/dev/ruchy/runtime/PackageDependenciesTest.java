package dev.ruchy.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages depend on each other in one direction: the core ({@code dev.ruchy.runtime})
 * knows nothing of networking or databases, which it reaches through {@link PathProvider} services,
 * and those packages form no cycle among themselves.
 */
class PackageDependenciesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ruchy.runtime");
    }

    @Test
    void theCoreDoesNotDependOnNetworking() {
        noClasses().that().resideInAPackage("dev.ruchy.runtime")
                .should().dependOnClassesThat().resideInAPackage("dev.ruchy.runtime.net..")
                .check(classes);
    }

    @Test
    void theCoreDoesNotDependOnDatabases() {
        noClasses().that().resideInAPackage("dev.ruchy.runtime")
                .should().dependOnClassesThat().resideInAPackage("dev.ruchy.runtime.db..")
                .check(classes);
    }

    @Test
    void networkingPackagesFormNoCycle() {
        slices().matching("dev.ruchy.runtime.(**)").should().beFreeOfCycles().check(classes);
    }
}
