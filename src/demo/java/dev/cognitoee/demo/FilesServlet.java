package dev.cognitoee.demo;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * "My files": the caller's objects in S3, listed and uploaded with the caller's own temporary AWS credentials
 * (identity pool), through the module's injected credentials provider.
 */
@WebServlet("/files")
@MultipartConfig(maxFileSize = FilesServlet.MAX_BYTES, maxRequestSize = FilesServlet.MAX_BYTES + 64 * 1024)
@ServletSecurity(@HttpConstraint(rolesAllowed = DemoRoles.ANY_SIGNED_IN))
public class FilesServlet extends HttpServlet {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(FilesServlet.class.getName());

    @Inject
    CognitoAuth auth;

    @Inject
    UserFiles files;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute("configured", files.configured());
        request.setAttribute("uploaded", FileNames.safe(request.getParameter("uploaded")));
        String error = request.getParameter("error");
        if ("upload".equals(error)) {
            request.setAttribute("error", "Choose a file first (at most 10 MB, a plain name).");
        } else if ("storage".equals(error)) {
            request.setAttribute("error",
                    "The upload failed: S3 or the identity pool refused it (see the server log).");
        }
        if (files.configured()) {
            try {
                String identityId = identityId();
                request.setAttribute("identityId", identityId);
                request.setAttribute("files", files.list(identityId));
            } catch (CognitoAuthException | SdkException e) {
                LOG.log(Level.WARNING, "Cannot list the files of {0}: {1}",
                        new Object[] {request.getUserPrincipal().getName(), e.getMessage()});
                request.setAttribute("error", "Your files cannot be listed right now (see the server log).");
            }
        }
        Views.render(request, response, "files");
    }

    /** The caller's identity in the identity pool, which names their folder. */
    private String identityId() {
        String identityId = auth.fetchAuthSession().identityId();
        if (identityId == null) { // no identity pool, or a caller the pool cannot take (an access token)
            throw new CognitoAuthException(AuthError.NOT_SIGNED_IN, "The caller has no identity pool identity");
        }
        return identityId;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Part part;
        try {
            part = request.getPart("file");
        } catch (IllegalStateException | ServletException notAnUpload) { // too large, or not multipart
            Views.redirect(request, response, "/files?error=upload");
            return;
        }
        String name = part == null ? null : FileNames.safe(part.getSubmittedFileName());
        if (!files.configured() || name == null || part.getSize() == 0) {
            Views.redirect(request, response, "/files?error=upload");
            return;
        }
        try (InputStream content = part.getInputStream()) {
            files.upload(identityId(), name, content, part.getSize());
        } catch (CognitoAuthException | SdkException e) {
            LOG.log(Level.WARNING, "Cannot upload a file for {0}: {1}",
                    new Object[] {request.getUserPrincipal().getName(), e.getMessage()});
            Views.redirect(request, response, "/files?error=storage");
            return;
        }
        Views.redirect(request, response, "/files?uploaded=" + Forms.encoded(name));
    }
}
