package dev.cognitoee.internal.userpool;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client for the AWS SDK that passes requests on (to a {@link RecordingHttpClient}, say) and counts how
 * often it is closed, so that tests can see who closes the HTTP client of an SDK client, and how often.
 */
public final class CloseCountingHttpClient implements SdkHttpClient {

    private final SdkHttpClient delegate;
    private final AtomicInteger closes = new AtomicInteger();

    public CloseCountingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    /** How often {@link #close} was called. */
    public int closes() {
        return closes.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return delegate.prepareRequest(request);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
