package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuthException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Renders the JSP views of {@code WEB-INF/views}, with the page's {@code error} and {@code notice} (known codes
 * only, see {@link Messages}).
 */
final class Views {

    private Views() {
    }

    static void render(HttpServletRequest request, HttpServletResponse response, String view)
            throws ServletException, IOException {
        if (request.getAttribute("error") == null) { // a servlet may have said more already
            request.setAttribute("error", Messages.error(request.getParameter("error")));
        }
        request.setAttribute("notice", Messages.notice(request.getParameter("notice")));
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher("/WEB-INF/views/" + view + ".jsp").forward(request, response);
    }

    /** A redirect within the application. */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        response.sendRedirect(request.getContextPath() + path);
    }

    /** Back to the form that was posted, saying what Cognito refused, with the username filled in again. */
    static void backWithError(HttpServletRequest request, HttpServletResponse response, CognitoAuthException error,
                              String username) throws IOException {
        redirect(request, response, request.getServletPath() + "?error=" + error.error()
                + (username.isEmpty() ? "" : "&username=" + Forms.encoded(username)));
    }
}
