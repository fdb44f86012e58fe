package dev.cognitoee.internal.mechanism;

import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.SignInAuthFlow;
import dev.cognitoee.internal.config.TrustedIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The text of the module's startup line ({@code COGNITOEE-0001}): its version, the pool(s) and app client(s), the
 * sign-in mode, whether AWS credentials are on, and the server's own account of its version and Servlet (hence
 * Jakarta EE) version. Ids and names only: never the client secret or any other secret.
 */
final class StartupLine {

    private static final String VERSION_RESOURCE = "module.properties";

    private StartupLine() {
    }

    /**
     * @param credentialsProvider the application's own credentials provider class, or null when it has none
     * @param serverInfo          {@code ServletContext.getServerInfo()}
     */
    static String text(CognitoConfig config, String version, String credentialsProvider, String contextPath,
                       String serverInfo, int servletMajor, int servletMinor) {
        StringBuilder line = new StringBuilder("Cognito EE ").append(version).append(" is active in ")
                .append(contextPath.isEmpty() ? "/" : contextPath)
                .append(": user pool ").append(config.userPoolId()).append(" (region ").append(config.region())
                .append("), app client(s) ").append(String.join(", ", config.clientIds()))
                .append(config.clientSecret() != null ? " (with a client secret)" : "")
                .append(", sign-in ").append(config.signIn().value())
                .append(config.signInAuthFlow() == SignInAuthFlow.USER_SRP_AUTH ? " (USER_SRP_AUTH)" : "")
                .append(", bearer tokens ").append(config.tokenUse().claimValue())
                .append(", credentials ").append(credentials(config, credentialsProvider));
        if (!config.otherIssuers().isEmpty()) {
            line.append(", other issuers ").append(String.join(", ",
                    config.otherIssuers().stream().map(TrustedIssuer::name).toList()));
        }
        return line.append("; server ").append(LogText.of(serverInfo)).append(", Servlet ").append(servletMajor)
                .append('.').append(servletMinor).append(" (").append(jakartaEe(servletMajor, servletMinor))
                .append(')').toString();
    }

    private static String credentials(CognitoConfig config, String credentialsProvider) {
        if (credentialsProvider != null) {
            return "on (the application's " + credentialsProvider + ")";
        }
        if (config.identityPoolId() == null) {
            return "off";
        }
        return "on (identity pool " + config.identityPoolId() + (config.allowGuestAccess() ? ", guests too" : "")
                + ")";
    }

    /** The Jakarta EE release whose Servlet version this is (each Servlet release belongs to one of them). */
    static String jakartaEe(int servletMajor, int servletMinor) {
        return switch (servletMajor * 10 + servletMinor) {
            case 50 -> "Jakarta EE 9";
            case 60 -> "Jakarta EE 10";
            case 61 -> "Jakarta EE 11";
            default -> "Jakarta EE version unknown";
        };
    }

    /** The module's version, from the resource the build writes; "(unknown version)" when it is missing. */
    static String moduleVersion() {
        try (InputStream in = StartupLine.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "(unknown version)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
