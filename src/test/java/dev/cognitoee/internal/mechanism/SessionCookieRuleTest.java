package dev.cognitoee.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.internal.config.SameSite;
import jakarta.servlet.SessionCookieConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCookieRuleTest {

    /** A session cookie configuration that remembers what it was told, as the container's does. */
    public static class RecordingCookieConfig implements SessionCookieConfig {
        final Map<String, String> attributes = new HashMap<>();
        boolean httpOnly;
        boolean secure;

        @Override public void setName(String name) { }
        @Override public String getName() { return "JSESSIONID"; }
        @Override public void setDomain(String domain) { }
        @Override public String getDomain() { return null; }
        @Override public void setPath(String path) { }
        @Override public String getPath() { return null; }
        @Override @SuppressWarnings("deprecation") public void setComment(String comment) { }
        @Override @SuppressWarnings("deprecation") public String getComment() { return null; }
        @Override public void setHttpOnly(boolean httpOnly) { this.httpOnly = httpOnly; }
        @Override public boolean isHttpOnly() { return httpOnly; }
        @Override public void setSecure(boolean secure) { this.secure = secure; }
        @Override public boolean isSecure() { return secure; }
        @Override public void setMaxAge(int maxAge) { }
        @Override public int getMaxAge() { return -1; }
        @Override public void setAttribute(String name, String value) { attributes.put(name, value); }
        @Override public String getAttribute(String name) { return attributes.get(name); }
        @Override public Map<String, String> getAttributes() { return Map.copyOf(attributes); }
    }

    /** The shape of Payara's WebSessionCookieConfig: the standard configuration plus its own SameSite setting. */
    public static class PayaraCookieConfig extends RecordingCookieConfig {
        String payaraSameSite;

        public void setSameSite(String sameSite) {
            payaraSameSite = sameSite;
        }
    }

    @Test
    void setsTheStandardAttributeAndPayarasOwnSetting() {
        PayaraCookieConfig cookie = new PayaraCookieConfig();

        SessionCookieRule.apply(cookie, "/app", SameSite.LAX);

        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.attributes).containsExactly(Map.entry("SameSite", "Lax"));
        assertThat(cookie.payaraSameSite).isEqualTo("Lax");
        assertThat(cookie.secure).as("the container's rule: Secure on secure requests").isFalse();
    }

    @Test
    void sameSiteNoneMakesTheCookieSecureAlways() {
        PayaraCookieConfig cookie = new PayaraCookieConfig();

        SessionCookieRule.apply(cookie, "/app", SameSite.NONE);

        assertThat(cookie.secure).isTrue();
        assertThat(cookie.attributes).containsExactly(Map.entry("SameSite", "None"));
        assertThat(cookie.payaraSameSite).isEqualTo("None");
    }

    @Test
    void anotherContainerGetsTheStandardAttribute() {
        RecordingCookieConfig cookie = new RecordingCookieConfig();

        SessionCookieRule.apply(cookie, "/app", SameSite.STRICT);

        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.attributes).containsExactly(Map.entry("SameSite", "Strict"));
        assertThat(cookie.secure).isFalse();
    }
}
