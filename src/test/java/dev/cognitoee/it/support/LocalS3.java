package dev.cognitoee.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.gaul.shaded.org.eclipse.jetty.http.HttpHeader;
import org.gaul.shaded.org.eclipse.jetty.io.Content;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;
import org.gaul.shaded.org.eclipse.jetty.util.Fields;
import org.gaul.s3proxy.AccessGrant;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An S3 endpoint inside the test JVM: <a href="https://github.com/gaul/s3proxy">S3Proxy</a> 4.1.0 on
 * {@code 127.0.0.1} and a free port, over S3Proxy's in-memory ("transient", Jimfs) blob store, which checks AWS
 * Signature Version 4 for real.
 *
 * <p><b>Credentials.</b> The secret of each access key is looked up, on every request, with the function given to
 * {@link #start}: the test's identity-pool fake hands out temporary credentials and the set of valid keys changes as
 * it does. An access key the function answers empty for is refused ({@code 403 InvalidAccessKeyId}); a request signed
 * with another secret is refused ({@code 403 SignatureDoesNotMatch}). Only SigV4 is accepted (header or presigned
 * query); SigV2 is refused with {@code 403 AccessDenied}.
 *
 * <p><b>What it does not check</b>, unlike real S3 behind an identity pool: the session token
 * ({@code x-amz-security-token} is ignored, any value passes, and so does an expired one), IAM policies (every
 * accepted key may read and write every bucket and key: there is no per-identity isolation), and the region in the
 * credential scope. Clients must use {@code forcePathStyle(true)} and set a region; the port is not 443, so the
 * endpoint must be overridden with {@link #endpoint()}.
 *
 * <p><b>Buckets.</b> One bucket, {@link #BUCKET}, exists from the start. Tests may create more with an accepted
 * key. All keys share the one store; it lives until {@link #close()}.
 *
 * <p><b>Counting.</b> A Jetty handler in front of S3Proxy's servlet classifies every request that reaches it by the
 * status it is answered with, at the moment the response is committed, before any byte of it goes out (a client that
 * has its answer sees the count already updated):
 * <ul>
 *   <li>{@link #refused()}: requests answered {@code 403 Forbidden}, signed or not: unknown access key
 *       ({@code InvalidAccessKeyId}), wrong secret ({@code SignatureDoesNotMatch}), SigV2, a missing date, a request
 *       outside the 15-minute clock skew or past its presigned URL's expiry, an unsigned request to list a bucket
 *       (the bucket is private). S3Proxy answers an unsigned GET of a <em>missing</em> object 404, not 403: that one
 *       is not counted.</li>
 *   <li>{@link #requests(String)}: requests that carry the access key (in the {@code Authorization} header or as
 *       {@code X-Amz-Credential} of a presigned URL) and were answered anything but 403. These passed S3Proxy's
 *       signature check, whatever the S3 outcome ({@code 404 NoSuchKey} counts). The exception, which the AWS SDK
 *       never causes, is a request S3Proxy rejects with another 4xx/5xx before it looks at the signature: a malformed
 *       {@code Authorization} header (400), a body that does not match {@code x-amz-content-sha256} (400).</li>
 * </ul>
 * Requests that Jetty rejects itself (a URI it cannot parse) never reach the counter. Counters are thread-safe.
 *
 * <p><b>Connection hygiene.</b> The same handler reads whatever is left of a request's body (up to 64 MiB) before
 * the response is committed. Without that, S3Proxy answers an SDK upload (signed chunk by chunk,
 * {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}) before the client has finished sending it: always for a refused
 * one (the signature is checked first), and now and then for an accepted one (the trailer is still in flight). Jetty
 * then closes the connection under the client, which reports "Error writing request body to server" instead of the
 * answer (measured with the URL-connection client and retries off: 4 to 8 in 100 accepted PUTs, about a third of
 * refused ones; none with the draining, in 2,000).
 *
 * <p>S3Proxy 4.1.0 carries Jetty relocated to {@code org.gaul.shaded.org.eclipse.jetty}, and does not expose its
 * server: the handler is inserted by reflection on the private field {@code S3Proxy.server}.
 */
public final class LocalS3 implements AutoCloseable {

    /** The bucket created at start. */
    public static final String BUCKET = "user-files";

    /** The most of a request's unread body that is read (and dropped) to keep the connection usable. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile URI endpoint;

    private LocalS3(S3Proxy proxy, BlobStore blobStore) {
        this.proxy = proxy;
        this.blobStore = blobStore;
    }

    /**
     * Starts S3Proxy on 127.0.0.1 and a free port, with {@link #BUCKET} created.
     *
     * @param secretForAccessKey the secret access key of an access key id, empty for a key that must be refused;
     *                           called on S3Proxy's request threads, once or more per request, so it must be
     *                           thread-safe and cheap
     */
    public static LocalS3 start(Function<String, Optional<String>> secretForAccessKey) {
        Objects.requireNonNull(secretForAccessKey, "secretForAccessKey");
        BlobStore blobStore = BlobStores.create("transient", new Properties());
        S3Proxy proxy = null;
        try {
            blobStore.createContainer(BUCKET);
            proxy = S3Proxy.builder()
                    .blobStore(blobStore)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    // The builder insists on one static key; the locator below replaces it, so it is never valid.
                    .awsAuthentication(AuthenticationType.AWS_V4,
                            "unused-" + UUID.randomUUID(), UUID.randomUUID().toString())
                    // The SDK sends x-amz-security-token (and checksum headers) that S3Proxy would answer 501.
                    .ignoreUnknownHeaders(true)
                    // Tests have their answers by the time they close: don't wait for idle keep-alive connections.
                    .stopTimeout(0)
                    .build();
            proxy.setBlobStoreLocator((identity, container, blob) -> {
                if (identity == null) {
                    return null;
                }
                return secretForAccessKey.apply(identity)
                        .map(secret -> new AccessGrant(secret, blobStore))
                        .orElse(null); // null: S3Proxy answers 403 InvalidAccessKeyId
            });
            LocalS3 s3 = new LocalS3(proxy, blobStore);
            jettyServerOf(proxy).insertHandler(s3.new CountingHandler());
            proxy.start();
            s3.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            return s3;
        } catch (Exception e) {
            if (proxy != null) {
                try {
                    proxy.stop();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            blobStore.close();
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }

    /** The endpoint to give S3 clients, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * How many requests carrying {@code accessKeyId} were accepted (answered anything but 403); see the class
     * comment for exactly what is counted.
     */
    public int requests(String accessKeyId) {
        AtomicInteger n = accepted.get(accessKeyId);
        return n == null ? 0 : n.get();
    }

    /** How many requests were answered 403 Forbidden (unknown key, wrong signature, ...); see the class comment. */
    public int refused() {
        return refused.get();
    }

    /** Stops the server and drops everything stored. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            blobStore.close();
        }
    }

    @Override
    public String toString() {
        return "LocalS3[" + endpoint + "]";
    }

    private static Server jettyServerOf(S3Proxy proxy) throws ReflectiveOperationException {
        // S3Proxy does not expose its Jetty server; the counter has to sit in front of its servlet context.
        Field field = S3Proxy.class.getDeclaredField("server");
        field.setAccessible(true);
        return (Server) field.get(proxy);
    }

    /** The access key id a request claims, or null for an unsigned request. */
    static String accessKeyOf(String authorization, String presignedCredential) {
        if (authorization != null) {
            int credential = authorization.indexOf("Credential=");
            if (authorization.startsWith("AWS4-") && credential >= 0) {
                int start = credential + "Credential=".length();
                int slash = authorization.indexOf('/', start);
                return slash < 0 ? null : authorization.substring(start, slash).trim();
            }
            if (authorization.startsWith("AWS ")) {
                int colon = authorization.lastIndexOf(':');
                return colon < 0 ? null : authorization.substring(4, colon).trim();
            }
        }
        if (presignedCredential != null) {
            int slash = presignedCredential.indexOf('/');
            return slash < 0 ? presignedCredential : presignedCredential.substring(0, slash);
        }
        return null;
    }

    private void count(String accessKey, int status) {
        if (status == 403) {
            refused.incrementAndGet();
        } else if (accessKey != null) {
            accepted.computeIfAbsent(accessKey, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /**
     * Reads what is left of the request's body, so that the client has sent all of it before the answer goes out
     * (see "Connection hygiene" in the class comment). Blocking; called on the servlet's thread.
     */
    private static void drain(Request request) {
        try {
            InputStream body = Content.Source.asInputStream(request);
            byte[] buffer = new byte[8192];
            long read = 0;
            int n;
            while (read < DRAIN_LIMIT && (n = body.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            // the client is gone or the body is broken: Jetty closes the connection, nothing more to do
        }
    }

    /**
     * Drains and counts each request once, when its response is first written (which commits it), or, should it never
     * be written, when it completes (no draining there: completion callbacks must not block).
     */
    private final class CountingHandler extends Handler.Wrapper {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String presigned = null;
            if (request.getHttpURI().getQuery() != null) {
                Fields query = Request.extractQueryParameters(request);
                presigned = query.getValue("X-Amz-Credential");
                if (presigned == null) {
                    presigned = query.getValue("AWSAccessKeyId");
                }
            }
            String key = accessKeyOf(request.getHeaders().get(HttpHeader.AUTHORIZATION), presigned);
            AtomicBoolean counted = new AtomicBoolean();
            Response counting = new Response.Wrapper(request, response) {
                @Override
                public void write(boolean last, ByteBuffer content, Callback writeCallback) {
                    if (counted.compareAndSet(false, true)) {
                        drain(request);
                        count(key, getStatus());
                    }
                    super.write(last, content, writeCallback);
                }
            };
            Callback completing = new Callback() {
                @Override
                public void succeeded() {
                    countIfNot();
                    callback.succeeded();
                }

                @Override
                public void failed(Throwable x) {
                    countIfNot();
                    callback.failed(x);
                }

                private void countIfNot() {
                    if (counted.compareAndSet(false, true)) {
                        count(key, response.getStatus());
                    }
                }

                @Override
                public InvocationType getInvocationType() {
                    return callback.getInvocationType();
                }
            };
            return super.handle(request, counting, completing);
        }
    }
}
