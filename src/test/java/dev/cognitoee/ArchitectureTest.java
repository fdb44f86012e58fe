package dev.cognitoee;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@code docs/API.md}, checked on the module's compiled classes: the API depends on nothing
 * internal, no package cycle, the internal packages depend one way only, and every "now" comes from the module's
 * one clock.
 */
class ArchitectureTest {

    /** The one place that takes the system's clock: the extension that adds the module's {@code Clock} bean. */
    private static final String CLOCK_PRODUCER = "dev.cognitoee.internal.mechanism.CognitoExtension";

    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cognitoee");

    @Test
    void theApiDependsOnNothingInternal() {
        noClasses().that().resideInAnyPackage("dev.cognitoee", "dev.cognitoee.event", "dev.cognitoee.spi")
                .should().dependOnClassesThat().resideInAPackage("dev.cognitoee.internal..")
                .check(MODULE);
    }

    /**
     * Reading the system's time anywhere else would escape the clock that tests move (and that Caffeine's tickers
     * read). {@code System.nanoTime()} stays allowed: it measures elapsed time (bounded waits, log rate limits),
     * never a moment to compare with a token's or credentials' expiry.
     */
    @Test
    void everyNowComesFromTheModulesClock() {
        noClasses().that().doNotHaveFullyQualifiedName(CLOCK_PRODUCER)
                .should().callMethodWhere(readsTheSystemTime())
                .orShould().callConstructor(Date.class)
                .because("every \"now\" of the module comes from the @ModuleClock Clock bean")
                .check(MODULE);
    }

    /** {@code now()} of any java.time type, {@code Clock.system*()}, {@code System.currentTimeMillis()}. */
    private static DescribedPredicate<JavaCall<?>> readsTheSystemTime() {
        return DescribedPredicate.describe("read the system's time", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            return owner.startsWith("java.time.") && name.equals("now")
                    || owner.equals(Clock.class.getName()) && name.startsWith("system")
                    || owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
        });
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
                .layer("observe").definedBy("dev.cognitoee.internal.observe")
                .layer("account").definedBy("dev.cognitoee.internal.account")
                .layer("oauth").definedBy("dev.cognitoee.internal.oauth")
                .layer("credentials").definedBy("dev.cognitoee.internal.credentials")
                .layer("session").definedBy("dev.cognitoee.internal.session")
                .layer("device").definedBy("dev.cognitoee.internal.device")
                .layer("userpool").definedBy("dev.cognitoee.internal.userpool")
                .layer("srp").definedBy("dev.cognitoee.internal.srp")
                .layer("token").definedBy("dev.cognitoee.internal.token")
                .layer("cluster").definedBy("dev.cognitoee.internal.cluster")
                .layer("seal").definedBy("dev.cognitoee.internal.seal")
                .layer("config").definedBy("dev.cognitoee.internal.config")
                .layer("time").definedBy("dev.cognitoee.internal.time")
                .layer("log").definedBy("dev.cognitoee.internal.log")
                .layer("json").definedBy("dev.cognitoee.internal.json")
                .layer("metrics").definedBy("dev.cognitoee.internal.metrics")
                .whereLayer("mechanism").mayNotBeAccessedByAnyLayer()
                // observe: the readiness check and the metrics exporters, registered by the mechanism's extension
                .whereLayer("observe").mayOnlyBeAccessedByLayers("mechanism")
                .whereLayer("account").mayOnlyBeAccessedByLayers("mechanism")
                .whereLayer("oauth").mayOnlyBeAccessedByLayers("mechanism", "account")
                .whereLayer("credentials").mayOnlyBeAccessedByLayers("mechanism", "account")
                .whereLayer("session").mayOnlyBeAccessedByLayers("mechanism", "account", "oauth", "credentials")
                // device: remembered devices, used by the sign-in flow and the account API
                .whereLayer("device").mayOnlyBeAccessedByLayers("mechanism", "account", "session")
                .whereLayer("userpool")
                .mayOnlyBeAccessedByLayers("mechanism", "account", "oauth", "credentials", "session", "device")
                // srp: Cognito's SRP arithmetic, used by the User Pool API calls (and device secrets)
                .whereLayer("srp").mayOnlyBeAccessedByLayers("userpool", "device")
                .whereLayer("token")
                .mayOnlyBeAccessedByLayers("mechanism", "observe", "account", "oauth", "credentials", "session", "device", "userpool")
                .whereLayer("cluster").mayOnlyBeAccessedByLayers("mechanism", "account", "oauth", "credentials",
                        "session", "device", "userpool", "token")
                // seal: what every layer that keeps a secret outside the heap (a session, the grid) may use
                .whereLayer("seal").mayOnlyBeAccessedByLayers("mechanism", "account", "oauth", "credentials",
                        "session", "device", "userpool", "token", "cluster")
                .whereLayer("config").mayOnlyBeAccessedByLayers("mechanism", "observe", "account", "oauth", "credentials",
                        "session", "device", "userpool", "token", "cluster", "seal")
                .whereLayer("time").mayOnlyBeAccessedByLayers("mechanism", "account", "oauth", "credentials",
                        "session", "device", "userpool", "token", "cluster", "seal")
                .whereLayer("log").mayOnlyBeAccessedByLayers("mechanism", "account", "oauth", "credentials",
                        "session", "device", "userpool", "token", "cluster", "seal", "config")
                // json: the JSON factories, for every internal layer (the API's JWT keeps a factory of its own)
                .whereLayer("json").mayOnlyBeAccessedByLayers("mechanism", "observe", "account", "oauth",
                        "credentials", "session", "device", "userpool", "token", "cluster", "seal", "config")
                // metrics: counters the request path increments, under everything
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("mechanism", "observe", "account", "oauth",
                        "credentials", "session", "device", "userpool", "token", "cluster", "seal", "config")
                .check(MODULE);
    }
}
