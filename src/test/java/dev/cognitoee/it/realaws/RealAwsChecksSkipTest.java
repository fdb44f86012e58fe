package dev.cognitoee.it.realaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The real-AWS suite's skip path, on the suite itself: run where the environment names no pool, it starts nothing
 * (no user, no Payara, not even its setup) and is reported as skipped with the variables it lacks.
 */
class RealAwsChecksSkipTest {

    @Test
    void withoutItsVariablesTheSuiteIsSkippedWithTheirNamesAndRunsNoCheck() {
        assumeFalse(RealAwsSettings.missing(System.getenv()).isEmpty(),
                "this environment names a real pool: the suite would run for real");
        List<String> skipped = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false).build());

        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(RealAwsChecks.class)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionStarted(TestIdentifier test) {
                        if (test.isTest()) {
                            ran.add(test.getDisplayName());
                        }
                    }

                    @Override
                    public void executionSkipped(TestIdentifier test, String reason) {
                        skipped.add(test.getDisplayName() + ": " + reason);
                    }
                });

        assertThat(ran).as("no check starts").isEmpty();
        assertThat(skipped).singleElement().asString()
                .startsWith("RealAwsChecks: The real-AWS suite needs a pool made by "
                        + "server-config/aws/cognito-ee.yaml; not set: ")
                .contains(RealAwsSettings.missing(System.getenv()).toArray(String[]::new));
    }
}
