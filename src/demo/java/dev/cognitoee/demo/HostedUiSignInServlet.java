package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuth;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * "Sign in with the hosted UI" (POST only): sends the browser to Cognito's hosted UI through
 * {@link CognitoAuth#signInWithRedirect}; the module finishes the sign-in on {@code cognito.redirect-uri} and
 * brings the browser back to the profile page.
 */
@WebServlet("/login/hosted-ui")
public class HostedUiSignInServlet extends HttpServlet {

    /** The custom state the demo asks to have back; its activity list shows it. */
    static final String CUSTOM_STATE = "demo-login-page";

    @Inject
    CognitoAuth auth;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(auth.signInWithRedirect(null, CUSTOM_STATE, "/profile").toString());
    }
}
