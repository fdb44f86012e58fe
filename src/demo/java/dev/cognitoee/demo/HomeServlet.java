package dev.cognitoee.demo;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The start page: what the demo shows and, for signed-in users, who signed in and out lately. */
@WebServlet("")
public class HomeServlet extends HttpServlet {

    @Inject
    RecentActivity activity;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getUserPrincipal() != null) { // usernames are not for anonymous visitors
            request.setAttribute("activity", activity.entries().stream().filter(e -> !e.isFailure()).toList());
        }
        Views.render(request, response, "home");
    }
}
