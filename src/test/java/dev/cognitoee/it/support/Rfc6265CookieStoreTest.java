package dev.cognitoee.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test client's cookie jar sends Payara's session cookies back as a browser does, unquoted. */
class Rfc6265CookieStoreTest {

    private static final URI PAGE = URI.create("http://localhost:8080/sealed/api/profile");
    private static final Map<String, List<String>> SET_COOKIES = Map.of("Set-Cookie", List.of(
            "JSESSIONID=a8e6d89459ae6abc3cb8996b5b45; Path=/sealed; HttpOnly",
            "JSESSIONIDVERSION=2f7365616c6564:2; Path=/sealed; HttpOnly"));

    private static List<String> cookieHeader(CookieManager jar) throws IOException {
        jar.put(PAGE, SET_COOKIES);
        return jar.get(PAGE, Map.of()).get("Cookie");
    }

    @Test
    void theJdksOwnStoreQuotesTheVersionCookieWhichIsWhyThisStoreExists() throws IOException {
        assertThat(cookieHeader(new CookieManager(null, CookiePolicy.ACCEPT_ALL)))
                .anyMatch(c -> c.startsWith("JSESSIONIDVERSION=\"2f7365616c6564:2\";$Path=\"/sealed\""));
    }

    @Test
    void sendsEveryCookieBackAsPayaraSentIt() throws IOException {
        assertThat(cookieHeader(Browser.cookieJar())).containsExactlyInAnyOrder(
                "JSESSIONID=a8e6d89459ae6abc3cb8996b5b45", "JSESSIONIDVERSION=2f7365616c6564:2");
    }

    @Test
    void keepsPathScoping() throws IOException {
        CookieManager jar = Browser.cookieJar();
        jar.put(PAGE, SET_COOKIES);
        assertThat(jar.get(URI.create("http://localhost:8080/other/api/profile"), Map.of()).get("Cookie")).isEmpty();
    }
}
