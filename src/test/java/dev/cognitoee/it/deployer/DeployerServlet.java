package dev.cognitoee.it.deployer;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The permanent WAR of the integration tests' shared Payara Micro ({@code it/support/SharedPayara}): deploys
 * ({@code POST /deploy} with {@code name}, {@code contextRoot} and {@code war}, the path of a WAR file on this
 * machine) and undeploys ({@code POST /undeploy} with {@code name}) the test classes' applications. Answers
 * {@code deployed} or {@code failed} (the reason is in the server's log). {@code POST /applications} answers the
 * names of the deployed applications, one a line (this WAR's among them).
 *
 * <p>Whoever reaches the port could deploy code with it, so every request must carry the token the test run put in
 * {@value #TOKEN_RESOURCE} of this WAR, in {@value #TOKEN_HEADER}; anything else is a 403.
 */
@WebServlet("/*")
public class DeployerServlet extends HttpServlet {

    /** Where the WAR carries the run's token. */
    public static final String TOKEN_RESOURCE = "/WEB-INF/deployer-token";
    /** The request header that must carry it. */
    public static final String TOKEN_HEADER = "X-Deployer-Token";

    private byte[] token;

    @Override
    public void init() throws ServletException {
        try (InputStream in = getServletContext().getResourceAsStream(TOKEN_RESOURCE)) {
            if (in == null) {
                throw new ServletException(TOKEN_RESOURCE + " is missing from the deployer WAR");
            }
            token = in.readAllBytes();
        } catch (IOException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String sent = request.getHeader(TOKEN_HEADER);
        if (sent == null || !MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if ("/applications".equals(request.getPathInfo())) {
            answer(response, String.join("\n", MicroRuntime.deployedApplications()));
            return;
        }
        String name = request.getParameter("name");
        if (name == null || !name.matches("[A-Za-z0-9-]+")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "name: letters, digits and hyphens");
            return;
        }
        switch (String.valueOf(request.getPathInfo())) {
            case "/deploy" -> {
                String contextRoot = request.getParameter("contextRoot");
                String war = request.getParameter("war");
                if (contextRoot == null || war == null || !new File(war).isFile()) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST, "contextRoot, and war: a WAR file");
                    return;
                }
                answer(response, MicroRuntime.deploy(name, contextRoot, new File(war)) ? "deployed" : "failed");
            }
            case "/undeploy" -> {
                MicroRuntime.undeploy(name);
                answer(response, "undeployed");
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void answer(HttpServletResponse response, String outcome) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(outcome);
    }
}
