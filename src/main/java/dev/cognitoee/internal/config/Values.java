package dev.cognitoee.internal.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The kinds of value a setting can have, each a {@link Parser} with the checks it needs. */
final class Values {

    private Values() {
    }

    /** Any text. */
    static Parser<String> text() {
        return (raw, bad) -> raw;
    }

    /** Text that matches {@code pattern} in full; otherwise refused for {@code reason}. */
    static Parser<String> matching(Pattern pattern, String reason) {
        return (raw, bad) -> {
            if (pattern.matcher(raw).matches()) {
                return raw;
            }
            bad.accept(raw, reason);
            return null;
        };
    }

    /** A comma-separated list, each item read by {@code item}; a list of no item is refused for {@code emptyReason}. */
    static Parser<List<String>> list(Parser<String> item, String emptyReason) {
        return (raw, bad) -> {
            List<String> items = new ArrayList<>();
            boolean malformed = false;
            for (String part : raw.split(",")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty()) {
                    String value = item.parse(trimmed, bad);
                    malformed |= value == null;
                    items.add(value);
                }
            }
            if (items.isEmpty()) {
                bad.accept(raw, emptyReason);
            }
            return malformed || items.isEmpty() ? null : List.copyOf(items);
        };
    }

    /** {@code true} or {@code false}, in any letter case. */
    static Parser<Boolean> bool() {
        return (raw, bad) -> {
            if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
                return Boolean.valueOf(raw);
            }
            bad.accept(raw, "must be true or false");
            return null;
        };
    }

    /** A whole number of at least {@code min}, counting {@code unit} (named in the error). */
    static Parser<Integer> wholeNumber(int min, String unit) {
        return (raw, bad) -> {
            try {
                int number = Integer.parseInt(raw);
                if (number >= min) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            bad.accept(raw, "must be a whole number of " + unit + ", at least " + min);
            return null;
        };
    }

    /** A duration written as a whole number of seconds, at least {@code min}. */
    static Parser<Duration> seconds(int min) {
        return duration(ChronoUnit.SECONDS, min, "seconds");
    }

    /** A duration written as a whole number of milliseconds, at least {@code min}. */
    static Parser<Duration> milliseconds(int min) {
        return duration(ChronoUnit.MILLIS, min, "milliseconds");
    }

    private static Parser<Duration> duration(ChronoUnit unit, int min, String unitName) {
        Parser<Integer> number = wholeNumber(min, unitName);
        return (raw, bad) -> Optional.ofNullable(number.parse(raw, bad))
                .map(amount -> Duration.of(amount, unit))
                .orElse(null);
    }

    /** One of the values {@code lookup} knows; otherwise refused for {@code reason}. */
    static <T> Parser<T> oneOf(Function<String, Optional<T>> lookup, String reason) {
        return (raw, bad) -> {
            Optional<T> value = lookup.apply(raw);
            if (value.isEmpty()) {
                bad.accept(raw, reason);
            }
            return value.orElse(null);
        };
    }

    /** An absolute URL with a host. */
    static Parser<URI> url() {
        return (raw, bad) -> {
            try {
                URI uri = new URI(raw);
                if (uri.isAbsolute() && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // refused below
            }
            bad.accept(raw, "is not an absolute URL");
            return null;
        };
    }

    /** An absolute http(s) URL, kept as written (an issuer is compared as a string). */
    static Parser<String> httpUrl() {
        Parser<URI> url = urlThat(Values::isHttp, "must be an http(s) URL");
        return (raw, bad) -> url.parse(raw, bad) == null ? null : raw;
    }

    /**
     * An https URL, or an http one on a loopback host: keys fetched over plain http could be swapped by anyone on
     * the path, so only a local emulator may use it.
     */
    static Parser<URI> keysUrl() {
        return urlThat(uri -> "https".equals(uri.getScheme())
                        || ("http".equals(uri.getScheme()) && isLoopback(uri.getHost())),
                "must be an https URL (plain http is accepted for loopback hosts only)");
    }

    /** An absolute URL that {@code accepted} accepts; otherwise refused for {@code reason}. */
    private static Parser<URI> urlThat(Predicate<URI> accepted, String reason) {
        Parser<URI> url = url();
        return (raw, bad) -> {
            URI uri = url.parse(raw, bad);
            if (uri == null || accepted.test(uri)) {
                return uri;
            }
            bad.accept(raw, reason);
            return null;
        };
    }

    /**
     * A URL the browser is sent back to by Cognito (a callback or sign-out URL): https, or http on a loopback host
     * (as Cognito itself allows for {@code localhost}), without a fragment.
     */
    static Parser<URI> callbackUrl() {
        return urlThat(uri -> ("https".equals(uri.getScheme())
                        || "http".equals(uri.getScheme()) && isLoopback(uri.getHost())) && uri.getRawFragment() == null,
                "must be an https URL without a fragment (plain http is accepted for loopback hosts only)");
    }

    /** OAuth 2.0 scopes, separated by spaces (or commas), each a scope-token of RFC 6749 3.3. */
    static Parser<List<String>> scopes() {
        return (raw, bad) -> {
            List<String> scopes = new ArrayList<>();
            for (String scope : raw.split("[\\s,]+")) {
                if (scope.isEmpty()) {
                    continue;
                }
                if (!scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) {
                    bad.accept(scope, "is not an OAuth scope");
                    return null;
                }
                if (!scopes.contains(scope)) {
                    scopes.add(scope);
                }
            }
            if (scopes.isEmpty()) {
                bad.accept(raw, "lists no scope");
                return null;
            }
            return List.copyOf(scopes);
        };
    }

    /** A web origin, {@code scheme://host[:port]}, in lower case as a browser's {@code Origin} header has it. */
    static Parser<String> origin() {
        return (raw, bad) -> {
            URI uri = null;
            try {
                uri = new URI(raw);
            } catch (URISyntaxException e) {
                // refused below
            }
            if (uri == null || !isHttp(uri) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                bad.accept(raw, "is not a web origin (expected scheme://host[:port], e.g. https://www.example.com)");
                return null;
            }
            return raw.toLowerCase(Locale.ROOT);
        };
    }

    /** A context-relative page such as {@code /login.html}: never another site (no scheme, no {@code //}). */
    static Parser<String> page() {
        return (raw, bad) -> {
            if (!raw.startsWith("/") || raw.startsWith("//") || raw.contains(":")) {
                bad.accept(raw, "must be a path within the application, starting with /");
                return null;
            }
            return raw;
        };
    }

    private static boolean isHttp(URI uri) {
        return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            // Only literal addresses are judged: no DNS lookup at deployment for a name.
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
