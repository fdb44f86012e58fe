package dev.cognitoee.it.realaws;

import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@link RealAwsChecks} only when the environment names a real pool ({@link RealAwsSettings}); otherwise the
 * suite is skipped with the variables that are missing, which are also printed, so that Maven's console shows them
 * (failsafe's counts alone would not say why).
 */
final class RealAwsEnvironment implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = RealAwsSettings.missing(System.getenv());
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("the environment names a real pool");
        }
        String reason = RealAwsSettings.skipReason(missing);
        if (context.getTestMethod().isEmpty()) {
            System.out.println("Skipped: " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
