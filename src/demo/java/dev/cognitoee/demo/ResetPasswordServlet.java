package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Forgotten password: ask for a code ({@code /reset}), then set a new password with it ({@code /reset/confirm}). */
@WebServlet({"/reset", "/reset/confirm"})
public class ResetPasswordServlet extends HttpServlet {

    @Inject
    CognitoAuth auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute("username", request.getParameter("username"));
        Views.render(request, response, Forms.isConfirmation(request) ? "reset-confirm" : "reset");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = Forms.field(request, "username");
        try {
            if (Forms.isConfirmation(request)) {
                auth.confirmResetPassword(username, Forms.secret(request, "password"), Forms.field(request, "code"));
                Views.redirect(request, response, "/login?notice=password-reset");
            } else {
                auth.resetPassword(username);
                Views.redirect(request, response, "/reset/confirm?username=" + Forms.encoded(username));
            }
        } catch (CognitoAuthException e) {
            Views.backWithError(request, response, e, username);
        }
    }
}
