package dev.cognitoee.internal.userpool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An HTTP client for the AWS SDK that records each request (headers and JSON body, as they would go over the wire
 * to Cognito) and answers with a canned response, so that tests can check the exact requests and the handling of
 * real Cognito answers, including for operations the emulator lacks.
 */
public final class RecordingHttpClient implements SdkHttpClient {

    /** One request as sent. */
    public record Sent(SdkHttpRequest request, String body) {
        public String target() {
            return request.firstMatchingHeader("X-Amz-Target").orElse("");
        }
    }

    private final List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Runnable beforeAnswer = () -> { };
    private final java.util.Deque<String[]> queued = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private int status = 200;
    private String responseBody = "{}";
    private IOException failure;

    /** Answer every request with {@code status} and {@code body} (a Cognito JSON document). */
    public RecordingHttpClient answer(int newStatus, String body) {
        status = newStatus;
        responseBody = body;
        failure = null;
        return this;
    }

    /** Answer the next request with {@code status} and {@code body}, before falling back to {@link #answer}. */
    public RecordingHttpClient thenAnswer(int newStatus, String body) {
        queued.add(new String[] {Integer.toString(newStatus), body});
        return this;
    }

    /** Runs {@code hook} on the calling thread before each answer (to hold a call in flight, say). */
    public RecordingHttpClient beforeAnswer(Runnable hook) {
        beforeAnswer = hook;
        return this;
    }

    /** Fail every request as a network error would. */
    public RecordingHttpClient failWith(IOException e) {
        failure = e;
        return this;
    }

    public List<Sent> sent() {
        return sent;
    }

    public Sent last() {
        synchronized (sent) {
            return sent.get(sent.size() - 1);
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String body = request.contentStreamProvider().map(provider -> {
            try {
                return new String(provider.newStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                sent.add(new Sent(request.httpRequest(), body));
                beforeAnswer.run();
                if (failure != null) {
                    throw failure;
                }
                String[] next = queued.poll();
                int answerStatus = next != null ? Integer.parseInt(next[0]) : status;
                byte[] bytes = (next != null ? next[1] : responseBody).getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpFullResponse.builder().statusCode(answerStatus)
                                .putHeader("Content-Type", "application/x-amz-json-1.1")
                                .putHeader("x-amzn-RequestId", "test-request")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
    }
}
