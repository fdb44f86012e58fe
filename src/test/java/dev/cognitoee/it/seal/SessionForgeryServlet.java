package dev.cognitoee.it.seal;

import dev.cognitoee.internal.seal.Sealed;
import dev.cognitoee.internal.session.SessionTokens;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * TEST ONLY, never in an application: rewrites the sealed refresh token of the caller's session the way the two
 * failures it stands for would leave it, so that a test can watch the module meet them in a running server.
 * {@code PUT /test-session-forgery} with the body {@code retired}: the seal names a key id no longer configured, as a
 * session written before the key was retired does; with {@code tampered}: one ciphertext byte is flipped, as an
 * attacker with write access to the session store would. Answers 204, or 409 without a signed-in session.
 */
@WebServlet("/test-session-forgery")
public class SessionForgeryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The module's session attribute of the tokens ({@code SessionStore.TOKENS}). */
    private static final String TOKENS = "dev.cognitoee.session.tokens";
    /** A key id that the deployment's {@code cognito.session-encryption-key} does not list. */
    public static final String RETIRED_KEY_ID = "retired-2025";

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        SessionTokens tokens = session == null ? null : (SessionTokens) session.getAttribute(TOKENS);
        if (tokens == null) {
            response.sendError(HttpServletResponse.SC_CONFLICT, "no signed-in session");
            return;
        }
        Sealed sealed = tokens.refreshToken();
        Sealed forged = switch (request.getReader().readLine().trim()) {
            case "retired" -> new Sealed(RETIRED_KEY_ID, sealed.iv(), sealed.ciphertext());
            case "tampered" -> {
                byte[] ciphertext = sealed.ciphertext();
                ciphertext[0] ^= 0x01;
                yield new Sealed(sealed.keyId(), sealed.iv(), ciphertext);
            }
            default -> null;
        };
        if (forged == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "retired or tampered");
            return;
        }
        session.setAttribute(TOKENS, tokens.refreshed(tokens.accessToken(), tokens.idToken(), forged,
                tokens.expiresAt()));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
