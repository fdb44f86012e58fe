package dev.cognitoee.internal.userpool;

import dev.cognitoee.internal.metrics.Metrics;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every call the module makes to Cognito (user pool and identity pool), by operation, retries included, into
 * {@link Metrics#COGNITO_CALLS}: one place for all of them, since every SDK client comes from
 * {@link SdkClientFactory}. A call that ends in an exception (Cognito's error answer or the network) counts as
 * failed.
 */
final class CallTiming implements ExecutionInterceptor {

    static final CallTiming INSTANCE = new CallTiming();

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("cognitoee.callStarted");

    private CallTiming() {
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, false);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, true);
    }

    private static void record(ExecutionAttributes attributes, boolean failed) {
        Long started = attributes.getAttribute(STARTED);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (started != null && operation != null) {
            Metrics.COGNITO_CALLS.record(operation, System.nanoTime() - started, failed);
        }
    }
}
