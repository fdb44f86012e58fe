package dev.cognitoee.it.hosted;

import dev.cognitoee.CognitoAuth;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Signs out, then sends the browser to Cognito's /logout when the module gives it, else to the signed-out page. */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CognitoAuth auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(auth.signOutWithRedirect(false)
                .map(Object::toString).orElse(request.getContextPath() + "/signed-out"));
    }
}
