package dev.cognitoee.demo;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The start page: what the demo shows, and the recent sign-in activity. */
@WebServlet("")
public class HomeServlet extends HttpServlet {

    @Inject
    RecentActivity activity;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute("activity", activity.entries());
        Views.render(request, response, "home");
    }
}
