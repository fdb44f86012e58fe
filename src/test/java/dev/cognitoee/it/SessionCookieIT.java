package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.container.ContainerSecurityConfig;
import dev.cognitoee.it.container.off.PlainSessionServlet;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.PayaraMicroProcess;
import dev.cognitoee.it.support.SetCookie;
import dev.cognitoee.it.support.TestWars;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session cookie as the server sends it (the raw {@code Set-Cookie} header, never a browser's reading of it):
 * the module sets {@code HttpOnly} and {@code SameSite} (default {@code Lax}, or {@code cognito.session-cookie-same-site})
 * on every session of an application that turned it on, whoever creates the session, and the cookie is
 * {@code Secure} on secure requests, including those a TLS-terminating proxy forwards with
 * {@code X-Forwarded-Proto: https} once the HTTP listener trusts that header ({@code scheme-mapping}).
 */
class SessionCookieIT {

    /** Trust a proxy's X-Forwarded-Proto, as a deployment behind a TLS-terminating proxy would. */
    static final String TRUST_FORWARDED_PROTO = "set configs.config.server-config.network-config.protocols.protocol."
            + "http-listener.http.scheme-mapping=X-Forwarded-Proto";
    private static final String SAME_SITE = "cognito.session-cookie-same-site";

    private static PayaraMicroProcess payara;

    @BeforeAll
    static void boot() {
        payara = PayaraMicroProcess.boot("session-cookie-it", List.of(
                        war("lax", Map.of("cognito.login-page", "/login")),
                        war("strict", Map.of(SAME_SITE, "Strict")),
                        war("none", Map.of(SAME_SITE, "none")),
                        TestWars.moduleWar("moduleoff").addClass(PlainSessionServlet.class)),
                FreePort.next(), Map.of(), List.of(TRUST_FORWARDED_PROTO));
        for (String name : List.of("lax", "strict", "none", "moduleoff")) {
            assertThat(payara.output()).as("Payara's output (%s)", payara.log())
                    .contains(" " + name + " was successfully deployed");
        }
    }

    private static WebArchive war(String name, Map<String, String> settings) {
        Map<String, String> config = new LinkedHashMap<>(TestWars.poolSettings(CognitoFixture.shared()));
        config.putAll(settings);
        return TestWars.war(name, config, ContainerSecurityConfig.class.getPackage());
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    private static URL app(String name) {
        return payara.url(name);
    }

    @Test
    void aSessionTheApplicationOpensIsHttpOnlyAndSameSiteLaxByDefault() {
        SetCookie cookie = SetCookie.session(new Browser(app("lax")).get("session"));

        assertThat(cookie.has("HttpOnly")).as(cookie.header()).isTrue();
        assertThat(cookie.attribute("SameSite")).as(cookie.header()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.has("Secure")).as("a plain http request: %s", cookie).isFalse();
        assertThat(cookie.attribute("Path")).isEqualTo("/lax");
    }

    @Test
    void sessionsTheModuleOpensFollowTheSameRule() {
        // saveRequest: a browser sent to the sign-in page from a protected page
        Browser browser = new Browser(app("lax"));
        HttpResponse<String> toLogin = browser.get("servlet/admin", "Accept", "text/html");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/lax/login"));
        assertSameSiteLax(SetCookie.session(toLogin));

        // signIn: the form sign-in changes the session id and sends the cookie again
        HttpResponse<String> signIn = browser.postForm("j_security_check",
                Map.of("j_username", CognitoFixture.ALICE, "j_password", CognitoFixture.PASSWORD));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/lax/servlet/admin"));
        assertSameSiteLax(SetCookie.session(signIn));
        assertThat(browser.get("servlet/admin").body()).isEqualTo("admin page of alice");

        // pendingSignIn: a sign-in that stops at a challenge (a new password is required)
        String newcomer = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        CognitoFixture.shared().createUserWithTemporaryPassword(newcomer);
        HttpResponse<String> challenged = new Browser(app("lax")).postForm("j_security_check",
                Map.of("j_username", newcomer, "j_password", CognitoFixture.TEMPORARY_PASSWORD));
        assertThat(challenged.statusCode()).as(challenged.body()).isEqualTo(302);
        assertThat(challenged.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).contains("step=CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED"));
        assertSameSiteLax(SetCookie.session(challenged));
    }

    private static void assertSameSiteLax(SetCookie cookie) {
        assertThat(cookie.has("HttpOnly")).as(cookie.header()).isTrue();
        assertThat(cookie.attribute("SameSite")).as(cookie.header()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.has("Secure")).as(cookie.header()).isFalse();
    }

    @Test
    void aRequestForwardedAsHttpsGetsASecureCookie() {
        SetCookie forwarded = SetCookie.session(new Browser(app("lax")).get("session", "X-Forwarded-Proto", "https"));
        assertThat(forwarded.has("Secure")).as(forwarded.header()).isTrue();
        assertThat(forwarded.attribute("SameSite")).as(forwarded.header()).isEqualToIgnoringCase("Lax");
        assertThat(forwarded.has("HttpOnly")).as(forwarded.header()).isTrue();

        SetCookie plain = SetCookie.session(new Browser(app("lax")).get("session", "X-Forwarded-Proto", "http"));
        assertThat(plain.has("Secure")).as(plain.header()).isFalse();
    }

    @Test
    void theConfiguredValueIsSent() {
        SetCookie strict = SetCookie.session(new Browser(app("strict")).get("session"));
        assertThat(strict.attribute("SameSite")).as(strict.header()).isEqualToIgnoringCase("Strict");
        assertThat(strict.has("HttpOnly")).as(strict.header()).isTrue();
        assertThat(strict.has("Secure")).as(strict.header()).isFalse();
    }

    @Test
    void sameSiteNoneIsAlwaysSecure() {
        SetCookie none = SetCookie.session(new Browser(app("none")).get("session"));
        assertThat(none.attribute("SameSite")).as(none.header()).isEqualToIgnoringCase("None");
        assertThat(none.has("Secure")).as("browsers drop SameSite=None without Secure: %s", none).isTrue();
        assertThat(none.has("HttpOnly")).as(none.header()).isTrue();
    }

    @Test
    void anApplicationThatDoesNotTurnTheModuleOnKeepsTheServersCookie() {
        SetCookie cookie = SetCookie.session(new Browser(app("moduleoff")).get("session"));
        assertThat(cookie.attribute("SameSite")).as(cookie.header()).isNull();
    }
}
