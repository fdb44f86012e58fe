package dev.cognitoee.internal.userpool;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.thirdparty.jackson.core.util.BufferRecyclers;

/**
 * Drops the JSON buffers the AWS SDK keeps on the calling thread once a call is over, succeeded or failed.
 *
 * <p>The SDK's own (relocated) Jackson keeps a buffer per thread, in a {@code ThreadLocal} whose value is an object
 * of the SDK, loaded by the application's class loader. The calling threads are the server's pooled request threads,
 * which outlive the application: without this, each undeployed application's class loader, and all its classes,
 * stay reachable from them (seen in a heap dump of Payara Micro: Grizzly worker thread, {@code threadLocals},
 * {@code SoftReference}, {@code BufferRecycler}, its class, {@code WebappClassLoader}). A call then allocates its
 * buffers afresh, a few kilobytes, next to a network round trip to Cognito.
 */
final class JsonBufferRelease extends BufferRecyclers implements ExecutionInterceptor {

    static final JsonBufferRelease INSTANCE = new JsonBufferRelease();

    private JsonBufferRelease() {
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release();
    }

    /** Forgets this thread's buffers ({@code _recyclerRef} is protected for subclasses such as this one). */
    static void release() {
        _recyclerRef.remove();
    }
}
