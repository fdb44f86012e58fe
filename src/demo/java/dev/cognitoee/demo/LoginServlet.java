package dev.cognitoee.demo;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInResult;
import dev.cognitoee.SignInStep;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sign-in page ({@code cognito.login-page}). The password form posts to {@code j_security_check}, which the
 * module handles; when Cognito asks for more (a new password, a code), the module comes back here with
 * {@code ?step=...} and the answer is posted here, to {@link CognitoAuth#confirmSignIn}.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    @Inject
    CognitoAuth auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute("step", SignInSteps.known(request.getParameter("step")));
        Views.render(request, response, "login");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String step = SignInSteps.known(request.getParameter("step"));
        if (step == null) {
            Views.redirect(request, response, "/login");
            return;
        }
        // a new password is taken as typed; a code without the spaces around it
        String answer = SignInStep.CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED.name().equals(step)
                ? Forms.secret(request, "answer") : Forms.field(request, "answer");
        if (answer.isBlank()) {
            Views.redirect(request, response, "/login?step=" + step + "&error=INVALID_PARAMETER");
            return;
        }
        try {
            SignInResult result = auth.confirmSignIn(answer);
            if (result.isSignedIn()) {
                Views.redirect(request, response, "/profile");
            } else {
                Views.redirect(request, response, "/login?step=" + result.nextStep().signInStep());
            }
        } catch (CognitoAuthException e) {
            String retry = e.error() == AuthError.NO_SIGN_IN_IN_PROGRESS ? "" : "step=" + step + "&";
            Views.redirect(request, response, "/login?" + retry + "error=" + e.error());
        }
    }
}
