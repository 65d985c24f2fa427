package dev.ruchy.transpiler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transpiler's phases depend on each other in one direction, as javac's do: the facade on top,
 * then emit, types, resolve, lower, parser and lexer, with the syntax tree, the symbols and types
 * ({@code code}), diagnostics and source positions underneath, used by all and using none of them.
 */
class PackageDependenciesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ruchy.transpiler");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.ruchy.transpiler.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheFacadeIsAboveEveryPhase() {
        noClasses().that().resideInAPackage("dev.ruchy.transpiler.*..")
                .should().dependOnClassesThat().resideInAPackage("dev.ruchy.transpiler")
                .check(classes);
    }

    @Test
    void symbolsAndTypesUseNoPhase() {
        noClasses().that().resideInAPackage("dev.ruchy.transpiler.code..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ruchy.transpiler.resolve..",
                        "dev.ruchy.transpiler.types..", "dev.ruchy.transpiler.lower..", "dev.ruchy.transpiler.emit..",
                        "dev.ruchy.transpiler.parser..")
                .check(classes);
    }

    @Test
    void noPhaseBeforeTheBackEndUsesIt() {
        noClasses().that().resideOutsideOfPackages("dev.ruchy.transpiler", "dev.ruchy.transpiler.emit..")
                .should().dependOnClassesThat().resideInAPackage("dev.ruchy.transpiler.emit..")
                .check(classes);
    }
}
