package dev.cognitoee.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.testing.FakeHttp;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which sign-in posts are refused as cross-origin, for an application at https://app.example.com. */
class OriginCheckTest {

    private static final List<String> ALLOWED = List.of("https://www.example.com");

    private static String refusal(String header, String value) {
        FakeHttp http = new FakeHttp().server("https", "app.example.com", 443);
        if (!header.isEmpty()) {
            http.header(header, value);
        }
        return OriginCheck.refusal(http.request(), ALLOWED);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "Origin, https://app.example.com",
            "Origin, https://APP.example.com:443",
            "Origin, https://www.example.com",
            "Referer, https://app.example.com/login?next=/orders",
            "Referer, https://www.example.com/sign-in",
            "Sec-Fetch-Site, same-origin",
            "Sec-Fetch-Site, none",
            "'', ''"})
    void sameOriginAllowedOriginsAndNonBrowserClientsMayPost(String header, String value) {
        assertThat(refusal(header, value)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "Origin, http://evil.example",
            "Origin, null",
            "Origin, http://app.example.com",
            "Origin, https://app.example.com:8443",
            "Origin, https://app.example.com.evil.example",
            "Origin, https://evil.example/https://app.example.com",
            "Origin, not a url",
            "Referer, https://evil.example/page?https://app.example.com",
            "Referer, /relative/only",
            "Sec-Fetch-Site, cross-site",
            "Sec-Fetch-Site, same-site"})
    void otherOriginsAreRefused(String header, String value) {
        assertThat(refusal(header, value)).isNotNull();
    }
}
