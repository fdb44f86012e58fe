package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who the caller is: name, groups (their roles), the claims of their token and their user attributes. */
@WebServlet("/profile")
@ServletSecurity(@HttpConstraint(rolesAllowed = DemoRoles.ANY_SIGNED_IN))
public class ProfileServlet extends HttpServlet {

    @Inject
    JsonWebToken jwt;

    @Inject
    CognitoAuth auth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute("caller", request.getUserPrincipal().getName());
        request.setAttribute("groups", jwt.getGroups());
        request.setAttribute("admin", request.isUserInRole(DemoRoles.ADMIN));
        request.setAttribute("claims", claims());
        request.setAttribute("expiresAt", Instant.ofEpochSecond(jwt.getExpirationTime()));
        try {
            request.setAttribute("attributes", auth.fetchUserAttributes());
        } catch (CognitoAuthException e) { // a bearer caller (no session), or tokens revoked by a global sign-out
            request.setAttribute("attributes", Map.of());
            request.setAttribute("error", "Your attributes cannot be read: " + Messages.error(e.error().name()));
        }
        Views.render(request, response, "profile");
    }

    /** The token's claims, but never the token itself: it stays on the server. */
    private Map<String, String> claims() {
        Map<String, String> claims = new TreeMap<>();
        for (String name : jwt.getClaimNames()) {
            if (!Claims.raw_token.name().equals(name)) {
                claims.put(name, String.valueOf(jwt.<Object>getClaim(name)));
            }
        }
        return claims;
    }
}
