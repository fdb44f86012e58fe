package dev.cognitoee;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@code docs/API.md}, checked on the module's compiled classes: the API depends on nothing
 * internal, no package cycle, and the internal packages depend one way only.
 */
class ArchitectureTest {

    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cognitoee");

    @Test
    void theApiDependsOnNothingInternal() {
        noClasses().that().resideInAnyPackage("dev.cognitoee", "dev.cognitoee.event", "dev.cognitoee.spi")
                .should().dependOnClassesThat().resideInAPackage("dev.cognitoee.internal..")
                .check(MODULE);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.(**)").should().beFreeOfCycles().check(MODULE);
    }

    @Test
    void theInternalPackagesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("dev.cognitoee", "dev.cognitoee.event", "dev.cognitoee.spi")
                .layer("mechanism").definedBy("dev.cognitoee.internal.mechanism")
                .layer("account").definedBy("dev.cognitoee.internal.account")
                .layer("credentials").definedBy("dev.cognitoee.internal.credentials")
                .layer("session").definedBy("dev.cognitoee.internal.session")
                .layer("userpool").definedBy("dev.cognitoee.internal.userpool")
                .layer("token").definedBy("dev.cognitoee.internal.token")
                .layer("config").definedBy("dev.cognitoee.internal.config")
                .whereLayer("mechanism").mayNotBeAccessedByAnyLayer()
                .whereLayer("account").mayOnlyBeAccessedByLayers("mechanism")
                .whereLayer("credentials").mayOnlyBeAccessedByLayers("mechanism", "account")
                .whereLayer("session").mayOnlyBeAccessedByLayers("mechanism", "account", "credentials")
                .whereLayer("userpool").mayOnlyBeAccessedByLayers("mechanism", "account", "credentials", "session")
                .whereLayer("token")
                .mayOnlyBeAccessedByLayers("mechanism", "account", "credentials", "session", "userpool")
                .whereLayer("config")
                .mayOnlyBeAccessedByLayers("mechanism", "account", "credentials", "session", "userpool", "token")
                .check(MODULE);
    }
}
