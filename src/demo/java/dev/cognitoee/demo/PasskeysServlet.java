package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The caller's passkeys: listed, one registered by the page's script ({@link PasskeyRegistrationResource}), one
 * deleted by a form post ({@code credentialId}).
 */
@WebServlet("/passkeys")
@ServletSecurity(@HttpConstraint(rolesAllowed = DemoRoles.ANY_SIGNED_IN))
public class PasskeysServlet extends HttpServlet {

    @Inject
    CognitoAuth auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            request.setAttribute("passkeys", auth.listWebAuthnCredentials().credentials());
        } catch (CognitoAuthException e) {
            request.setAttribute("passkeys", List.of());
            request.setAttribute("error", "Your passkeys cannot be listed: " + Messages.error(e.error().name()));
        }
        Views.render(request, response, "passkeys");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            auth.deleteWebAuthnCredential(Forms.field(request, "credentialId"));
            Views.redirect(request, response, "/passkeys?notice=passkey-deleted");
        } catch (CognitoAuthException e) {
            Views.redirect(request, response, "/passkeys?error=" + e.error());
        }
    }
}
