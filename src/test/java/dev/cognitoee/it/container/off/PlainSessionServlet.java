package dev.cognitoee.it.container.off;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Opens an HTTP session in a WAR that carries the module's jar but never turns the module on. */
@WebServlet("/session")
public class PlainSessionServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print("session " + request.getSession(true).getId().length());
    }
}
