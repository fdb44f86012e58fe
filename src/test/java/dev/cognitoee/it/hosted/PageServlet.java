package dev.cognitoee.it.hosted;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Protected pages: who the caller is, their roles, and when their token expires. */
@WebServlet("/page/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    JsonWebToken jwt;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print("page " + request.getPathInfo() + " of " + request.getRemoteUser()
                + " user=" + request.isUserInRole("user") + " admin=" + request.isUserInRole("admin")
                + " exp=" + jwt.getExpirationTime());
    }
}
