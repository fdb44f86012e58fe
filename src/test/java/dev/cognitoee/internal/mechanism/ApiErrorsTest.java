package dev.cognitoee.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiErrorsTest {

    @Test
    void aBearerTokenOrJsonWithoutHtmlMakesAnApiClient() {
        assertThat(ApiErrors.wanted(null, "Bearer abc")).isTrue();
        assertThat(ApiErrors.wanted("text/html", "bearer abc")).as("a bearer token wins").isTrue();
        assertThat(ApiErrors.wanted("application/json", null)).isTrue();
        assertThat(ApiErrors.wanted("application/problem+json;q=0.9", null)).isTrue();
        assertThat(ApiErrors.wanted("Application/JSON", "Basic YTpi")).isTrue();
    }

    @Test
    void browsersAndClientsThatNameNoJsonKeepTheServersAnswer() {
        assertThat(ApiErrors.wanted(null, null)).isFalse();
        assertThat(ApiErrors.wanted("*/*", null)).isFalse();
        assertThat(ApiErrors.wanted("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", null))
                .isFalse();
        assertThat(ApiErrors.wanted("text/html, application/json", null)).isFalse();
        assertThat(ApiErrors.wanted("application/json", "Basic YTpi")).isTrue();
        assertThat(ApiErrors.wanted("text/plain", "Basic YTpi")).isFalse();
    }

    @Test
    void theBodyUsesTheRfc6750Names() {
        assertThat(ApiErrors.body(ApiErrors.INVALID_TOKEN, "the token has expired").toString())
                .isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"the token has expired\"}");
    }
}
