package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignUpResult;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Sign-up ({@code /signup}), then the confirmation code ({@code /signup/confirm}). */
@WebServlet({"/signup", "/signup/confirm"})
public class SignUpServlet extends HttpServlet {

    @Inject
    CognitoAuth auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute("username", request.getParameter("username"));
        Views.render(request, response, Forms.isConfirmation(request) ? "signup-confirm" : "signup");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = Forms.field(request, "username");
        try {
            if (!Forms.isConfirmation(request)) {
                SignUpResult result = auth.signUp(username, Forms.secret(request, "password"),
                        Map.of("email", Forms.field(request, "email")));
                Views.redirect(request, response, result.isSignUpComplete() ? "/login?notice=signed-up"
                        : "/signup/confirm?username=" + Forms.encoded(username));
            } else if (request.getParameter("resend") != null) {
                auth.resendSignUpCode(username);
                Views.redirect(request, response,
                        "/signup/confirm?notice=code-sent&username=" + Forms.encoded(username));
            } else {
                auth.confirmSignUp(username, Forms.field(request, "code"));
                Views.redirect(request, response, "/login?notice=signed-up");
            }
        } catch (CognitoAuthException e) {
            Views.backWithError(request, response, e, username);
        }
    }
}
