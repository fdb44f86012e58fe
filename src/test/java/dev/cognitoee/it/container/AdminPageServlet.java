package dev.cognitoee.it.container;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A page protected by a servlet security constraint, so that the mechanism itself challenges. */
@WebServlet("/servlet/admin")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class AdminPageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print("admin page of " + request.getRemoteUser());
    }
}
