package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuth;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Signs out (POST only): this session, or with {@code everywhere} every session of the user. */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

    @Inject
    CognitoAuth auth;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        auth.signOut(request.getParameter("everywhere") != null);
        Views.redirect(request, response, "/login?notice=signed-out");
    }
}
