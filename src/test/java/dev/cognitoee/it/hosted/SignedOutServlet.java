package dev.cognitoee.it.hosted;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Where Cognito's /logout sends the browser back to (the app client's sign-out URL). */
@WebServlet("/signed-out")
public class SignedOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print("signed out; session=" + (request.getSession(false) != null));
    }
}
