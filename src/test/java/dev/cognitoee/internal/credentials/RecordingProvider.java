package dev.cognitoee.internal.credentials;

import dev.cognitoee.spi.CredentialsAndIdentityId;
import dev.cognitoee.spi.CredentialsAndIdentityIdProvider;
import dev.cognitoee.spi.CredentialsRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A credentials provider that records what it is asked, answers fresh credentials per call (access key
 * {@code AKIA<n>}, identity {@code id:<cacheKey>}), and can be held at the start of a call until released.
 */
final class RecordingProvider implements CredentialsAndIdentityIdProvider {

    final List<CredentialsRequest> asked = new CopyOnWriteArrayList<>();
    final List<String> cleared = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    private final Map<String, AtomicInteger> callsByKey = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    private volatile CountDownLatch hold;
    private volatile Predicate<CredentialsRequest> held = request -> true;
    private volatile Function<CredentialsRequest, CredentialsAndIdentityId> answer =
            request -> credentials(request, Instant.now().plusSeconds(3600));

    @Override
    public CredentialsAndIdentityId getCredentialsAndIdentityId(CredentialsRequest request) {
        asked.add(request);
        callsByKey.computeIfAbsent(request.cacheKey(), k -> new AtomicInteger()).incrementAndGet();
        started.countDown();
        CountDownLatch gate = hold;
        if (gate != null && held.test(request)) {
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the provider");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return answer.apply(request);
    }

    @Override
    public void clearCredentialsAndIdentityId(String cacheKey) {
        cleared.add(cacheKey);
    }

    /** Holds every call at its start until {@link #release()}. */
    void holdCalls() {
        holdCalls(request -> true);
    }

    /** Holds the calls {@code which} accepts at their start until {@link #release()}. */
    void holdCalls(Predicate<CredentialsRequest> which) {
        held = which;
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    void answer(Function<CredentialsRequest, CredentialsAndIdentityId> newAnswer) {
        answer = newAnswer;
    }

    int calls() {
        return asked.size();
    }

    int calls(String cacheKey) {
        AtomicInteger calls = callsByKey.get(cacheKey);
        return calls == null ? 0 : calls.get();
    }

    CredentialsAndIdentityId credentials(CredentialsRequest request, Instant expiration) {
        return new CredentialsAndIdentityId(AwsSessionCredentials.create("AKIA" + serial.incrementAndGet(), "secret",
                "session"), "id:" + request.cacheKey(), expiration);
    }
}
