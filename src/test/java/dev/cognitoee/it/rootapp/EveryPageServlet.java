package dev.cognitoee.it.rootapp;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Every page of the application is protected, whatever its path: anonymous browsers are sent to sign in. */
@WebServlet("/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class EveryPageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print("caller=" + request.getRemoteUser());
    }
}
