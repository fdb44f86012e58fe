package dev.cognitoee.it.support;

import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;

/**
 * The JDK's in-memory cookie store, sending every cookie back as a browser does (RFC 6265: {@code name=value}).
 * <p>
 * {@link HttpCookie#parse} takes a {@code Set-Cookie} header containing {@code version=} for an RFC 2965 cookie, and
 * Payara's {@code JSESSIONIDVERSION=2f7365616c6564:2; Path=/sealed} contains it in its name: the JDK then sends it
 * back as {@code JSESSIONIDVERSION="2f7365616c6564:2";$Path="/sealed"}, quoted, which no browser does. Payara 6
 * unquoted it; Payara 7 (Grizzly 4.1, which keeps a cookie value's quotes as Servlet 6.1 asks) hex-decodes the
 * quote and fails the request (docs/CLUSTER.md). Stored as version 0, the cookie goes back as Payara sent it.
 * The same holds for the module's device cookie, which the JDK quoted because of its {@code Max-Age}. A value the
 * server itself sent in quotes would go back without them ({@link HttpCookie} strips them); no server here does.
 */
final class Rfc6265CookieStore implements CookieStore {

    private final CookieStore cookies = new CookieManager().getCookieStore();

    @Override
    public void add(URI uri, HttpCookie cookie) {
        cookie.setVersion(0);
        cookies.add(uri, cookie);
    }

    @Override
    public List<HttpCookie> get(URI uri) {
        return cookies.get(uri);
    }

    @Override
    public List<HttpCookie> getCookies() {
        return cookies.getCookies();
    }

    @Override
    public List<URI> getURIs() {
        return cookies.getURIs();
    }

    @Override
    public boolean remove(URI uri, HttpCookie cookie) {
        return cookies.remove(uri, cookie);
    }

    @Override
    public boolean removeAll() {
        return cookies.removeAll();
    }
}
