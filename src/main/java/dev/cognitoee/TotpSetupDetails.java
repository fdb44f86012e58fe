package dev.cognitoee;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What an authenticator app needs (TOTP setup during sign-in, or {@link CognitoAuth#setUpTOTP()} while signed in):
 * Amplify Auth v6's {@code TOTPSetupDetails}.
 *
 * @param sharedSecret the base32 secret
 * @param setupUri     an {@code otpauth://totp/...} URI for a QR code, with the user pool's id as the issuer and the
 *                     user's name as the account; {@link #getSetupUri(String)} names the application instead
 * @param username     the user's name, the default account name of {@link #getSetupUri(String)}
 */
public record TotpSetupDetails(String sharedSecret, String setupUri, String username) {

    /**
     * The details for {@code sharedSecret}, with {@link #setupUri()} naming {@code issuer} and {@code username}.
     *
     * @param sharedSecret the base32 secret Cognito gave (AssociateSoftwareToken's {@code SecretCode})
     * @param issuer       the issuer of the default URI (the module uses the user pool's id)
     * @param username     the user's name
     * @return the details
     */
    public static TotpSetupDetails of(String sharedSecret, String issuer, String username) {
        return new TotpSetupDetails(sharedSecret, uri(issuer, username, sharedSecret).toString(), username);
    }

    /**
     * The {@code otpauth://} URI an authenticator app scans, showing {@code appName} and the user's name.
     *
     * @param appName the name the app shows as the issuer, e.g. {@code "My Shop"}
     * @return {@code otpauth://totp/appName:username?secret=...&issuer=appName}, percent-encoded
     */
    public URI getSetupUri(String appName) {
        return getSetupUri(appName, username);
    }

    /**
     * The {@code otpauth://} URI an authenticator app scans (Amplify's {@code getSetupUri(appName, accountName)}).
     *
     * @param appName     the name the app shows as the issuer
     * @param accountName the account name the app shows, e.g. the user's email address
     * @return {@code otpauth://totp/appName:accountName?secret=...&issuer=appName}, percent-encoded
     */
    public URI getSetupUri(String appName, String accountName) {
        return uri(appName, accountName, sharedSecret);
    }

    /** The Key URI Format of Google Authenticator: label and issuer percent-encoded (a space is %20, not +). */
    private static URI uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return URI.create("otpauth://totp/" + label + "?secret=" + encode(secret) + "&issuer=" + encode(issuer));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "TotpSetupDetails[...]"; // a secret
    }
}
