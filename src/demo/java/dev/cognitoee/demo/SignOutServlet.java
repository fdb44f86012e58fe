package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuth;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Signs out (POST only): this session, or with {@code everywhere} every session of the user. A session signed in
 * through the hosted UI then goes through Cognito's {@code /logout}, which comes back to the sign-in page.
 */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

    @Inject
    CognitoAuth auth;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<URI> cognitoLogout = auth.signOutWithRedirect(request.getParameter("everywhere") != null);
        if (cognitoLogout.isPresent()) {
            response.sendRedirect(cognitoLogout.get().toString());
        } else {
            Views.redirect(request, response, "/login?notice=signed-out");
        }
    }
}
