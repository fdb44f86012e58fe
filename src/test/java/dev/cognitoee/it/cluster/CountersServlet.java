package dev.cognitoee.it.cluster;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /test-counters}: this node's name and its {@link SessionCounters} (unprotected; the test asks each node
 * directly, without a session).
 */
@WebServlet("/test-counters")
public class CountersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.getWriter().print(Json.createObjectBuilder()
                .add("node", ThisNode.name())
                .add("moduleWrites", SessionCounters.MODULE_WRITES.get())
                .add("reloads", SessionCounters.RELOADS.get())
                .add("probeWrites", SessionCounters.PROBE_WRITES.get())
                .add("probeReads", SessionCounters.PROBE_READS.get())
                .build());
    }
}
