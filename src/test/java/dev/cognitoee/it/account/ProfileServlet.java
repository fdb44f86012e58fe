package dev.cognitoee.it.account;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A protected HTML page: anonymous browsers are sent to the login page. */
@WebServlet("/profile.html")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class ProfileServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        response.getWriter().print("<p>Signed in as " + request.getRemoteUser() + "</p>");
    }
}
