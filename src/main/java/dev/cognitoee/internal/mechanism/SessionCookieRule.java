package dev.cognitoee.internal.mechanism;

import dev.cognitoee.internal.config.SameSite;
import dev.cognitoee.internal.log.LogMessage;
import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * The module's rule for the session cookie of an application: {@code HttpOnly}, the configured {@code SameSite},
 * and {@code Secure} whenever the request is secure (the container's own rule for session cookies, which follows
 * {@code request.isSecure()}, itself following {@code X-Forwarded-Proto} where the HTTP listener's
 * {@code scheme-mapping} says so). {@code SameSite=None} makes the cookie {@code Secure} on every request, since
 * browsers drop a {@code None} cookie that is not.
 * <p>
 * Set through the session cookie configuration, so that it holds for every session whoever creates it. Both
 * {@link SessionCookieConfig#setAttribute} (what Servlet 6.1 containers copy to the session cookie) and Payara's
 * own setting are set: Payara 6.2025.10 and 7.2025.1 both build the session cookie without the configuration's
 * attributes, and take {@code SameSite} only from that setting (the one {@code glassfish-web.xml}'s
 * {@code cookieSameSiteValue} sets), which they write in lower case ({@code SameSite=lax}: browsers read the value
 * in any case).
 */
final class SessionCookieRule {

    private static final Logger LOG = Logger.getLogger(SessionCookieRule.class.getName());
    private static final String SAME_SITE = "SameSite";

    private SessionCookieRule() {
    }

    /** Applies the rule to {@code cookie}, the session cookie configuration of the application at {@code contextPath}. */
    static void apply(SessionCookieConfig cookie, String contextPath, SameSite sameSite) {
        cookie.setHttpOnly(true);
        if (sameSite == SameSite.NONE) {
            cookie.setSecure(true);
        }
        cookie.setAttribute(SAME_SITE, sameSite.attributeValue());
        applyThroughPayara(cookie, sameSite, contextPath);
    }

    /** Payara's {@code WebSessionCookieConfig.setSameSite(String)}, the only setting it copies to the cookie. */
    private static void applyThroughPayara(SessionCookieConfig cookie, SameSite sameSite, String contextPath) {
        try {
            Method setSameSite = cookie.getClass().getMethod("setSameSite", String.class);
            setSameSite.invoke(cookie, sameSite.attributeValue());
        } catch (NoSuchMethodException e) {
            LogMessage.SESSION_COOKIE_SAME_SITE.log(LOG, "The session cookie of {0} carries SameSite={1} only if "
                    + "this container, which is not Payara, copies SessionCookieConfig.setAttribute to it (Servlet "
                    + "6.1)", contextPath, sameSite.attributeValue());
        } catch (IllegalAccessException | InvocationTargetException e) {
            LogMessage.SESSION_COOKIE_SAME_SITE.log(LOG, "The session cookie of " + contextPath + " may be sent "
                    + "without SameSite=" + sameSite.attributeValue() + ": Payara refused the setting", e);
        }
    }
}
