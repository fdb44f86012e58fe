package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.FetchMfaPreferenceResult;
import dev.cognitoee.MfaPreference;
import dev.cognitoee.MfaPreferenceUpdate;
import dev.cognitoee.TotpSetupDetails;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Two-step sign-in settings of the signed-in user: which MFA types are on and preferred
 * ({@code fetchMFAPreference} / {@code updateMFAPreference}), and an authenticator app set up while signed in
 * ({@code setUpTOTP}, shown as a QR code, then {@code verifyTOTPSetup} with its first code).
 */
@WebServlet("/mfa")
@ServletSecurity(@HttpConstraint(rolesAllowed = DemoRoles.ANY_SIGNED_IN))
public class MfaServlet extends HttpServlet {

    static final String APP_NAME = "Cognito EE demo";

    @Inject
    CognitoAuth auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        show(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            switch (Forms.field(request, "action")) {
                case "setup" -> {
                    TotpSetupDetails setup = auth.setUpTOTP();
                    String uri = setup.getSetupUri(APP_NAME).toString();
                    request.setAttribute("setupUri", uri);
                    request.setAttribute("qrCode", QrCodes.pngDataUri(uri));
                    request.setAttribute("secret", setup.sharedSecret());
                    show(request, response); // shown once, never stored: Cognito keeps the secret
                }
                case "verify" -> {
                    String deviceName = Forms.field(request, "deviceName");
                    auth.verifyTOTPSetup(Forms.field(request, "code"), deviceName.isEmpty() ? null : deviceName);
                    Views.redirect(request, response, "/mfa?notice=totp-verified");
                }
                case "preference" -> {
                    auth.updateMFAPreference(MfaPreferenceUpdate.NONE
                            .withTotp(preference(request, "totp")).withEmail(preference(request, "email")));
                    Views.redirect(request, response, "/mfa?notice=mfa-updated");
                }
                default -> Views.redirect(request, response, "/mfa");
            }
        } catch (CognitoAuthException e) {
            Views.redirect(request, response, "/mfa?error=" + e.error());
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            FetchMfaPreferenceResult preference = auth.fetchMFAPreference();
            request.setAttribute("enabled", preference.enabled());
            request.setAttribute("preferred", preference.preferred());
        } catch (CognitoAuthException e) {
            request.setAttribute("error", "Your MFA settings cannot be read: " + Messages.error(e.error().name()));
        }
        Views.render(request, response, "mfa");
    }

    /** The choice of a select field: an {@link MfaPreference} name, or empty to leave that type as it is. */
    private static MfaPreference preference(HttpServletRequest request, String field) {
        String value = Forms.field(request, field);
        for (MfaPreference preference : MfaPreference.values()) {
            if (preference.name().equals(value)) {
                return preference;
            }
        }
        return null;
    }
}
