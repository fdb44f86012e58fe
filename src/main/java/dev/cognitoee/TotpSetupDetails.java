package dev.cognitoee;

/**
 * What an authenticator app needs (TOTP setup during sign-in).
 *
 * @param sharedSecret the base32 secret
 * @param setupUri     an {@code otpauth://totp/...} URI, for a QR code
 */
public record TotpSetupDetails(String sharedSecret, String setupUri) {

    @Override
    public String toString() {
        return "TotpSetupDetails[...]"; // a secret
    }
}
