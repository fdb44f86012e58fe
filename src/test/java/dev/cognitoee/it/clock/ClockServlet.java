package dev.cognitoee.it.clock;

import dev.cognitoee.internal.time.ReplacesModuleClock;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Lets the test move the server's clock: {@code PUT /test-clock} with an ISO instant as the body moves it there,
 * {@code DELETE} puts it back on real time; both answer with the time the clock reads now.
 */
@WebServlet("/test-clock")
public class ClockServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @ReplacesModuleClock // its only qualifier: the bean has no @Default
    MovableClock clock;

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = request.getReader().readLine();
        try {
            clock.moveTo(Instant.parse(body == null ? "" : body.trim()));
        } catch (DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the body must be an ISO instant");
            return;
        }
        now(response);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        clock.reset();
        now(response);
    }

    private void now(HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print(clock.instant());
    }
}
