package dev.cognitoee.it.hosted;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Starts a hosted-UI sign-in from code: {@code signInWithRedirect(provider, customState, returnTo)}. */
@WebServlet("/start")
public class StartServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CognitoAuth auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String returnTo = request.getParameter("returnTo");
            response.sendRedirect(auth.signInWithRedirect(request.getParameter("provider"),
                    request.getParameter("customState"), returnTo == null ? "/" : returnTo).toString());
        } catch (CognitoAuthException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain");
            response.getWriter().print(e.error() + ": " + e.getMessage());
        }
    }
}
