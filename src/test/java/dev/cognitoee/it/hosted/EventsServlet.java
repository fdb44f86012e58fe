package dev.cognitoee.it.hosted;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The event log, one event a line (test support, open to all). */
@WebServlet("/events")
public class EventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    EventLog log;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print(String.join("\n", log.lines()));
    }
}
