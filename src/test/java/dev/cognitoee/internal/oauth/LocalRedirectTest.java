package dev.cognitoee.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which remembered pages a browser is sent back to after sign-in. */
class LocalRedirectTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/orders", "/orders/7?page=2&sort=asc", "/a%2F%2Fb", "/x:y"})
    void pathsOfAnApplicationAtTheRootAreKept(String target) {
        assertThat(LocalRedirect.orRoot(target, "")).isEqualTo(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "//evil.example", "/\\evil.example/", "/\\\\evil.example",
            "https://evil.example/", "javascript:alert(1)", "http:/evil.example", "/orders\r\nSet-Cookie: x=1",
            "/orders\tx", "/a\\b", "evil.example/", "", " /orders", "///evil.example"})
    void anythingElseGoesToTheRoot(String target) {
        assertThat(LocalRedirect.orRoot(target, "")).isEqualTo("/");
    }

    @ParameterizedTest
    @CsvSource({"/app/orders, /app/orders", "/app, /app", "/app/, /app/", "/other/page, /app/",
            "/application/x, /app/", "//evil.example/app/, /app/"})
    void underAContextPathOnlyItsOwnPathsAreKept(String target, String expected) {
        assertThat(LocalRedirect.orRoot(target, "/app")).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nothingRememberedGoesToTheRoot() {
        assertThat(LocalRedirect.orRoot(null, "/app")).isEqualTo("/app/");
    }
}
