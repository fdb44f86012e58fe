package dev.cognitoee.it.support;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** One user agent with its own cookies (its own HTTP session), following no redirects so tests can see them. */
public final class Browser {

    private final CookieManager cookies;
    private final HttpClient client;
    private final URL base;

    public Browser(URL base) {
        this(base, cookieJar());
    }

    /**
     * A browser on {@code base} keeping its cookies in {@code cookies}, which other browsers may share: one user agent
     * talking to several servers of one host (a load balancer and the nodes behind it, say) sends each of them the
     * same cookies, as a real browser does (cookies are per host, not per port).
     */
    public Browser(URL base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * An empty cookie jar that takes every cookie and sends each back as a browser does ({@link Rfc6265CookieStore}),
     * for {@link #Browser(URL, CookieManager)}.
     */
    public static CookieManager cookieJar() {
        return new CookieManager(new Rfc6265CookieStore(), CookiePolicy.ACCEPT_ALL);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** GET of a path taken as it is (such as {@code //host/x}, which resolving against the base would make a host). */
    public HttpResponse<String> getRawPath(String rawPath, String... headers) {
        URI target = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + rawPath);
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.GET().build());
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return client.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, JsonObject body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    public HttpResponse<String> putText(String path, String text) {
        return send(putTextRequest(path, text));
    }

    public CompletableFuture<HttpResponse<String>> putTextAsync(String path, String text) {
        return client.sendAsync(putTextRequest(path, text), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest putTextRequest(String path, String text) {
        return request(path, "Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(text)).build();
    }

    /** Posts a form as a browser does ({@code Accept: text/html}), with any extra request headers. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** The value of the JSESSIONID cookie, or null. */
    public String sessionId() {
        return cookie("JSESSIONID");
    }

    /** The value of the cookie {@code name}, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Http.send(client, request);
    }
}
