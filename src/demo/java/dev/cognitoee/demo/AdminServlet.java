package dev.cognitoee.demo;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * For members of the pool's {@code admin} group only: everybody else signed in gets 403. The page shows the
 * server's sign-in activity, failures included (bearer callers get the same list from {@link ActivityResource}).
 */
@WebServlet("/admin")
@ServletSecurity(@HttpConstraint(rolesAllowed = DemoRoles.ADMIN))
public class AdminServlet extends HttpServlet {

    @Inject
    RecentActivity activity;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute("activity", activity.entries());
        Views.render(request, response, "admin");
    }
}
